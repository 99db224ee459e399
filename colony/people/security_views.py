"""Account security pages: API tokens, the account's activity, and setting a password with a reset link."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.core.web import add_refusal

from . import actions, selectors
from .account_events import describe

_EXPIRY_DAYS = (7, 30, 90, 365)


def _expiry_choices() -> list[tuple[str, str]]:
    days = sorted({*_EXPIRY_DAYS, actions.token_default_days()} - {0})
    choices = [(str(d), ngettext("%(days)d day", "%(days)d days", d) % {"days": d}) for d in days]
    return [*choices, ("", _("Never"))]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=actions.TOKEN_NAME_LIMIT,
        help_text=gettext_lazy("What the token is for, for example: laptop script"),
    )
    expires_in_days = forms.ChoiceField(label=gettext_lazy("Expires after"), choices=_expiry_choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = actions.token_default_days()
        self.fields["expires_in_days"].initial = str(default) if default else "30"


def _token_rows(request: AuthedHttpRequest):
    return list(selectors.tokens_of(request.user))


def _not_for_guests(request: AuthedHttpRequest) -> HttpResponse | None:
    # The guest fence already answers "not found"; this keeps the page safe without it.
    if request.user.is_guest:
        return render(request, "errors/404.html", status=404)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def settings_tokens(request: AuthedHttpRequest) -> HttpResponse:
    """The person's API tokens, with revoke buttons and a form for a new, named one."""
    if refused := _not_for_guests(request):
        return refused
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["expires_in_days"]
        try:
            row, raw = actions.do_create_token(user=request.user, name=form.cleaned_data["name"],
                                               expires_in_days=int(days) if days else None)
        except ActionError as exc:  # shown on the form, so what was typed stays
            add_refusal(form, exc)
        else:
            new_token = {"row": row, "raw": raw}
            form = TokenForm()
    context = {"form": form, "tokens": _token_rows(request), "new_token": new_token, "place": "settings",
               "tab": "tokens"}
    response = render(request, "people/settings_tokens.html", context, status=400 if form.errors else 200)
    if new_token is not None:
        # The raw token is in this page only: no cache may keep it.
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def settings_token_revoke(request: AuthedHttpRequest, token_id: int) -> HttpResponse:
    if refused := _not_for_guests(request):
        return refused
    actions.do_revoke_token(user=request.user, token_id=token_id)  # someone else's token: the 404 page
    messages.success(request, _("The token was revoked; it no longer works."))
    return redirect("settings-tokens")


@login_required
def settings_activity(request: AuthedHttpRequest) -> HttpResponse:
    """The log of the person's own account: what administrators did to it, and password changes."""
    rows = [(e, describe(e)) for e in selectors.account_events_of(request.user)]
    return render(request, "people/settings_activity.html", {"rows": rows, "place": "settings", "tab": "activity"})


class ResetPasswordForm(SetPasswordForm):
    """Choose a new password; after a refusal the fields keep what was typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("new_password1", "new_password2"):
            self.fields[name].widget = forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True)


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """A one-time link from an administrator: the person sets their own new password."""
    user = actions.user_for_reset(uidb64, token)
    if user is None:
        return render(request, "people/password_reset.html", {"invalid": True}, status=400)
    form = ResetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_reset_password(user=user, password=form.cleaned_data["new_password1"])
        except ActionError as exc:
            form.add_error("new_password1", str(exc.message))
        else:
            messages.success(request, _("Your new password is set and you are signed out everywhere. "
                                        "Sign in with your new password."))
            return redirect("signin")
    return render(request, "people/password_reset.html", {"form": form, "person": user},
                  status=400 if form.errors else 200)
