"""The Django admin for people.

Administrators manage accounts but never hold a person's password: there is
no password form, new accounts start without a password, and the way back
into an account is a one-time reset link the person uses themselves. Every
step an administrator takes on an account is written to ``AccountEvent``
(append-only) and the person is notified.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from colony.core.errors import ActionError

from . import actions
from .models import AccountEvent, ApiToken, Skill, SpokenLanguage, Team, User

# Fields whose change is logged as a change of permissions (with what was added or removed).
PERMISSION_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions")


class SpokenLanguageInline(admin.TabularInline):
    model = SpokenLanguage
    extra = 1


class PersonCreationForm(forms.ModelForm):
    """A new account has no password: the person sets their own through a reset link."""

    class Meta:
        model = User
        fields = ("username", "display_name", "email")

    def clean_username(self) -> str:
        try:
            return actions.check_handle(self.cleaned_data.get("username", ""))
        except ActionError as exc:
            raise ValidationError(str(exc.message)) from None


PROFILE_FIELDS = ("display_name", "email", "title", "team", "manager", "location", "time_zone", "bio", "avatar",
                  "skills", "ui_language", "theme")
ACCESS_FIELDS = ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")


class PersonChangeForm(forms.ModelForm):
    """The account form: no password field, ever."""

    class Meta:
        model = User
        fields = ("username", *PROFILE_FIELDS, *ACCESS_FIELDS)


def _names(objects: Any, field: str) -> set[str]:
    if field == "user_permissions":
        return {f"{p.content_type.app_label}.{p.codename}" for p in objects}
    return {str(o) for o in objects}


def _permission_detail(form: forms.ModelForm, changed: list[str]) -> str:
    """``is_staff: no → yes; user_permissions: +desk.use_desk -desk.review_post`` (no secrets here)."""
    parts = []
    for field in changed:
        if field in ("is_staff", "is_superuser"):
            before, after = bool(form.initial.get(field)), bool(form.cleaned_data.get(field))
            parts.append(f"{field}: {'yes' if before else 'no'} → {'yes' if after else 'no'}")
        else:
            before_set = _names(form.initial.get(field) or [], field)
            after_set = _names(form.cleaned_data.get(field) or [], field)
            moves = [f"+{n}" for n in sorted(after_set - before_set)] + [f"-{n}" for n in sorted(before_set - after_set)]
            parts.append(f"{field}: {' '.join(moves)}")
    return "; ".join(parts)


@admin.register(User)
class PersonAdmin(UserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    add_form_template = None  # Django's says "enter a username and password"; there is no password here
    list_display = ("username", "display_name", "title", "team", "location", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "team")
    search_fields = ("username", "display_name", "email", "title")
    ordering = ("username",)
    autocomplete_fields = ("manager",)
    filter_horizontal = ("skills", "groups", "user_permissions")
    inlines = [SpokenLanguageInline]
    readonly_fields = ("password_state", "last_login", "date_joined")
    actions = ["send_reset_link", "sign_out_everywhere"]
    fieldsets = (
        (None, {"fields": ("username", "password_state")}),
        (gettext_lazy("Profile"), {"fields": PROFILE_FIELDS}),
        (gettext_lazy("Permissions"), {"fields": ACCESS_FIELDS}),
        (gettext_lazy("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {
            "classes": ("wide",),
            "fields": ("username", "display_name", "email"),
            "description": gettext_lazy("The account starts without a password. Then send the person a one-time "
                                 "password reset link (an action in the list of people) so they choose their own."),
        }),
    )

    @admin.display(description=gettext_lazy("Password"))
    def password_state(self, obj: User | None) -> str:
        if obj is None or not obj.has_usable_password():
            return _("Not set yet. Send the person a one-time password reset link to choose one.")
        return _("Set by the person. Administrators cannot see or change it; send a one-time password reset "
                 "link instead.")

    def get_inline_instances(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return super().get_inline_instances(request, obj) if obj is not None else []  # the add form is short

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        """Administrators do not set people's passwords (they could then read their messages)."""
        raise PermissionDenied

    # --- writing, with the account log ---------------------------------------------------

    def save_model(self, request: HttpRequest, obj: User, form: forms.ModelForm, change: bool) -> None:
        if not change:
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        actor: User = request.user  # type: ignore[assignment]
        person: User = form.instance
        if not change:
            actions.record_account_event(user=person, actor=actor, kind=AccountEvent.Kind.CREATED)
            return
        changed = list(form.changed_data)
        if "is_active" in changed:
            kind = AccountEvent.Kind.ACTIVATED if person.is_active else AccountEvent.Kind.DEACTIVATED
            actions.record_account_event(user=person, actor=actor, kind=kind)
        permissions = [f for f in changed if f in PERMISSION_FIELDS]
        if permissions:
            actions.record_account_event(user=person, actor=actor, kind=AccountEvent.Kind.PERMISSIONS,
                                         fields=permissions, detail=_permission_detail(form, permissions))
        details = [f for f in changed if f not in PERMISSION_FIELDS and f != "is_active"]
        if any(formset.has_changed() for formset in formsets):
            details.append("languages")
        if details:
            actions.record_account_event(user=person, actor=actor, kind=AccountEvent.Kind.CHANGED, fields=details)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        actions.record_account_event(user=obj, actor=request.user, kind=AccountEvent.Kind.DELETED,  # type: ignore[arg-type]
                                     notify=False)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for person in queryset:
            actions.record_account_event(user=person, actor=request.user, kind=AccountEvent.Kind.DELETED,  # type: ignore[arg-type]
                                         notify=False)
        super().delete_queryset(request, queryset)

    # --- actions on people -----------------------------------------------------------------

    @admin.action(description=gettext_lazy("Send a one-time password reset link"), permissions=["change"])
    def send_reset_link(self, request: HttpRequest, queryset: QuerySet[User]) -> HttpResponse | None:
        shown: list[tuple[User, str]] = []
        emailed: list[str] = []
        for person in queryset:
            if not person.is_active:
                self.message_user(request, _("@%(handle)s is deactivated: reactivate the account first.")
                                  % {"handle": person.username}, messages.WARNING)
                continue
            try:
                link = actions.do_send_reset_link(user=person, actor=request.user)  # type: ignore[arg-type]
            except ActionError as exc:
                self.message_user(request, str(exc.message), messages.ERROR)
                continue
            if link is None:
                emailed.append(f"@{person.username}")
            else:
                shown.append((person, link))
        if emailed:
            self.message_user(request, _("A one-time password reset link was emailed to: %(people)s.")
                              % {"people": ", ".join(emailed)}, messages.SUCCESS)
        if not shown:
            return None
        response = TemplateResponse(request, "admin/people/user/reset_links.html", {
            **self.admin_site.each_context(request), "opts": self.opts, "shown": shown,
            "title": _("One-time password reset links"), "emailed": emailed,
        })
        response["Cache-Control"] = "no-store"  # shown once, kept by no cache
        return response

    @admin.action(description=gettext_lazy("Sign out everywhere (end all sessions and API tokens)"),
                  permissions=["change"])
    def sign_out_everywhere(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        handles = []
        for person in queryset:
            actions.do_sign_out_everywhere(user=person, actor=request.user)  # type: ignore[arg-type]
            handles.append(f"@{person.username}")
        self.message_user(request, _("Signed out everywhere: %(people)s.") % {"people": ", ".join(handles)},
                          messages.SUCCESS)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens can be looked at and revoked here (which is logged and told to the owner), never made."""

    list_display = ("user", "name", "created_at", "last_used_at", "expires_at")
    fields = ("user", "name", "created_at", "last_used_at", "expires_at")
    readonly_fields = fields
    search_fields = ("user__username", "name")

    def has_add_permission(self, request: HttpRequest) -> bool:  # tokens are issued by their owner only
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: ApiToken) -> None:
        actions.record_account_event(user=obj.user, actor=request.user,  # type: ignore[arg-type]
                                     kind=AccountEvent.Kind.TOKEN_REVOKED, detail=obj.name)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.select_related("user"):
            actions.record_account_event(user=token.user, actor=request.user,  # type: ignore[arg-type]
                                         kind=AccountEvent.Kind.TOKEN_REVOKED, detail=token.name)
        super().delete_queryset(request, queryset)


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    """The account log, read-only: nobody adds, changes or deletes entries here."""

    list_display = ("created_at", "account", "kind", "by", "changed_fields", "detail")
    list_filter = ("kind", "by_administrator")
    search_fields = ("handle", "actor_handle")
    fields = ("created_at", "account", "kind", "by", "by_administrator", "changed_fields", "detail")
    readonly_fields = fields
    date_hierarchy = "created_at"

    @admin.display(description=gettext_lazy("account"), ordering="handle")
    def account(self, obj: AccountEvent) -> str:
        return f"@{obj.handle}"

    @admin.display(description=gettext_lazy("by"), ordering="actor_handle")
    def by(self, obj: AccountEvent) -> str:
        return f"@{obj.actor_handle}" if obj.actor_handle else "—"

    @admin.display(description=gettext_lazy("fields"))
    def changed_fields(self, obj: AccountEvent) -> str:
        return ", ".join(obj.fields or [])

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
