from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from colony.core.html import HANDLE_PATTERN

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
    """A bearer token for the REST API. Only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token for {self.user}"

    @staticmethod
    def new_raw_key() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def hash(raw: str) -> str:
        return _hash_token(raw)
