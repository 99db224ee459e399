from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.core.web import add_refusal, back_url

from . import actions, selectors
from .forms import ProfileForm, split_list
from .models import Skill, SpokenLanguage, Team, User


@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = AuthenticationForm(request, data=request.POST or None)
    form.fields["username"].label = _("Handle")
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "/"
        return HttpResponseRedirect(target or "/")
    return render(request, "people/signin.html", {"form": form, "next": request.GET.get("next", "")},
                  status=400 if request.method == "POST" else 200)


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("signin")


@login_required
@require_http_methods(["GET", "POST"])
def settings_password(request: AuthedHttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()  # ends every API token and every other session (see User.save)
        actions.do_password_changed(user=user)
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed. Your other sessions and your API tokens "
                                    "have ended."))
        return redirect("settings-password")
    return render(request, "people/settings_password.html", {"form": form, "place": "settings"})


@login_required
@require_http_methods(["GET", "POST"])
def settings_profile(request: AuthedHttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = ProfileForm(request.POST or None, request.FILES or None, initial=ProfileForm.initial_for(user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_update_profile(
                user=user, display_name=data["display_name"], title=data["title"], team=data["team"],
                manager_handle=data["manager"], location=data["location"], time_zone=data["time_zone"],
                bio=data["bio"], skills=split_list(data["skills"]), languages=split_list(data["languages"]),
                ui_language=data["ui_language"], theme=data["theme"],
            )
            if data.get("avatar"):
                actions.do_set_avatar(user=user, upload=data["avatar"])
            elif data.get("avatar") is False:  # "clear" was ticked
                actions.do_remove_avatar(user=user)
        except ActionError as exc:  # shown on the form, so what was typed stays
            add_refusal(form, exc)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("settings")
    return render(request, "people/settings_profile.html", {"form": form, "place": "settings"},
                  status=400 if form.errors else 200)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language (stored on the account, or in a cookie when signed out)."""
    code = request.POST.get("language", "")
    response = HttpResponseRedirect(back_url(request))
    if code and code not in dict(settings.LANGUAGES):
        messages.error(request, _("That interface language is not available."))
        return response
    if request.user.is_authenticated:
        actions.do_update_profile(user=request.user, ui_language=code)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code or "", max_age=365 * 86400, samesite="Lax")
    return response


@login_required
def directory(request: AuthedHttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "team", "skill", "language", "location")}
    people = selectors.directory(
        viewer=request.user, query=filters["q"], team=filters["team"], skill=filters["skill"],
        language=filters["language"], location=filters["location"],
    ).prefetch_related("skills", "languages")
    page = Paginator(people, 30).get_page(request.GET.get("page"))
    context = {
        "page": page, "filters": filters, "teams": Team.objects.all(), "locations": selectors.locations(),
        "skills": Skill.objects.filter(people__is_active=True).distinct().order_by("name")[:300],
        "languages": SpokenLanguage.objects.values_list("code", flat=True).distinct().order_by("code"),
        "place": "people",
    }
    template = "people/_directory_results.html" if getattr(request, "htmx", False) else "people/directory.html"
    return render(request, template, context)


