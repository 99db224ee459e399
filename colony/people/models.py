from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from colony.core.html import HANDLE_PATTERN
from colony.core.ids import new_id
from colony.core.models import AppendOnly

handle_validator = RegexValidator(
    r"^" + HANDLE_PATTERN + r"\Z",
    _("A handle has 1 to 30 letters, digits or underscores."),
    code="invalid_handle",
)


class Team(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    """A skill tag, stored normalised (``Data Modelling`` → ``data-modelling``)."""

    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["User"]):
    def active(self) -> PersonQuerySet:
        return self.filter(is_active=True)


class PersonManager(UserManager.from_queryset(PersonQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """A person in the organisation. ``username`` is the handle (``@handle``)."""

    class Theme(models.TextChoices):
        AUTO = "auto", _("Follow the device")
        LIGHT = "light", _("Light")
        DARK = "dark", _("Dark")

    username = models.CharField(
        _("handle"), max_length=30, unique=True, validators=[handle_validator]
    )
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    title = models.CharField(_("title"), max_length=100, blank=True)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="members",
    )
    manager = models.ForeignKey(
        "self", verbose_name=_("manager"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="reports",
    )
    location = models.CharField(_("location"), max_length=100, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    bio = models.TextField(_("bio"), max_length=1000, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True, related_name="people")
    ui_language = models.CharField(
        _("interface language"), max_length=8, blank=True, choices=settings.LANGUAGES,
        help_text=_("Leave empty to follow the browser."),
    )
    theme = models.CharField(_("theme"), max_length=8, choices=Theme.choices, default=Theme.AUTO)
    # An outside person (freelancer, partner) let in by an invitation to one
    # ask or war room; sees nothing else of the organisation.
    is_guest = models.BooleanField(_("guest"), default=False, db_default=False)
    # "Away": asks are not routed to this person until they are back.
    away_until = models.DateTimeField(_("away until"), null=True, blank=True)
    # Raised by "sign out everywhere": part of the session hash, so every
    # session signed in before it ends, whatever the session store.
    session_generation = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    objects = PersonManager()  # type: ignore[misc]

    class Meta:
        ordering = ["username"]
        indexes = [models.Index(fields=["location"]), models.Index(fields=["display_name"])]

    def __str__(self) -> str:
        return f"@{self.username}"

    @property
    def handle(self) -> str:
        return self.username

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages.all()]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new password ends every API token, whichever path set it: the
        # settings page, a reset link, `colony manage changepassword`.
        # (Other sessions end too: Django's session hash covers the password.)
        # Hash upgrades on sign-in clear ``_password`` first, so they do not count.
        password_changed = getattr(self, "_password", None) is not None and not self._state.adding
        super().save(*args, **kwargs)
        if password_changed:
            ApiToken.objects.filter(user=self).delete()

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django's own hash (of the password); the stubs do not know this private method.
        base: str = super()._get_session_auth_hash(secret=secret)  # type: ignore[misc]
        if not self.session_generation:
            return base  # unchanged for everyone never signed out everywhere
        return salted_hmac(
            "colony.people.User.session_generation", f"{base}:{self.session_generation}",
            secret=secret, algorithm="sha256",
        ).hexdigest()


class SpokenLanguage(models.Model):
    """A language a person speaks, as an ISO 639-1 code."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="languages", db_index=False)
    code = models.CharField(max_length=8)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "code"], name="unique_spoken_language")]
        indexes = [models.Index(fields=["code", "user"])]

    def __str__(self) -> str:
        return self.code


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the REST API. Only its hash is stored.

    A token ends when it expires, when its owner revokes it or sets a new
    password, and when an administrator signs its owner out everywhere.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"token {self.name or self.pk} for {self.user}"

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @staticmethod
    def new_raw_key() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def hash(raw: str) -> str:
        return _hash_token(raw)


class AccountEvent(AppendOnly, models.Model):
    """A step taken on an account: by an administrator, or security steps by the person.

    Append-only: rows are never changed or deleted by Colony. Changed fields
    are named, never their values. The person reads their own log in
    settings; administrators read it in the admin only.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("Account created")
        CHANGED = "changed", _("Account details changed")
        PERMISSIONS = "permissions", _("Permissions changed")
        ACTIVATED = "activated", _("Account reactivated")
        DEACTIVATED = "deactivated", _("Account deactivated")
        RESET_EMAILED = "reset_emailed", _("Password reset link emailed")
        RESET_SHOWN = "reset_shown", _("Password reset link shown to an administrator")
        SIGNED_OUT = "signed_out", _("Signed out everywhere")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        DELETED = "deleted", _("Account deleted")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password set with a reset link")

    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    # No cascade: the log outlives a deleted account (``handle`` keeps its name).
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="account_events")
    handle = models.CharField(_("account"), max_length=30)
    actor = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_handle = models.CharField(_("by"), max_length=30, blank=True)
    by_administrator = models.BooleanField(_("by an administrator"), default=False)
    kind = models.CharField(_("what"), max_length=16, choices=Kind.choices)
    fields = models.JSONField(_("fields"), default=list, blank=True)  # names only, never values
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["user", "id"])]

    def __str__(self) -> str:
        return f"{self.kind} on @{self.handle}"
