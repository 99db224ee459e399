"""Asks: a problem socialised by one person and routed to the people who can help."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Ask(models.Model):
    """The ask part of a post (``Post.kind == "ask"``); the post's text is the need."""

    class Audience(models.TextChoices):
        ORGANISATION = "organisation", _("The whole organisation")
        COMMUNITY = "community", _("A community")
        PEOPLE = "people", _("Named people")

    class Urgency(models.TextChoices):
        LOW = "low", _("Whenever someone can")
        NORMAL = "normal", _("This week")
        HIGH = "high", _("Urgent")
        CRITICAL = "critical", _("Critical: today")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed without a solution")

    post = models.OneToOneField("social.Post", primary_key=True, on_delete=models.CASCADE, related_name="ask")
    brief = models.TextField(blank=True)
    skills = models.ManyToManyField("people.Skill", blank=True, related_name="+")
    deadline = models.DateField(null=True, blank=True)
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.ORGANISATION)
    audience_people = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    urgency = models.CharField(max_length=8, choices=Urgency.choices, default=Urgency.NORMAL)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    rounds = models.PositiveSmallIntegerField(default=0)  # how many times it was routed (1 = first K)
    last_routed_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    war_room = models.ForeignKey("communities.Community", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        indexes = [models.Index(fields=["status", "last_routed_at"])]

    def __str__(self) -> str:
        return f"ask {self.post_id}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Match(models.Model):
    """One person routing chose for an ask, with why (structured, rendered in the reader's language)."""

    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="matches", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ask_matches")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    round = models.PositiveSmallIntegerField(default=1)
    notified_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["ask", "user"], name="unique_ask_match")]
        indexes = [models.Index(fields=["user", "notified_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} for ask {self.ask_id} (#{self.rank})"


class Response(models.Model):
    """"I can help" (with a pitch and maybe a CV or brief) or "I know someone" (a referral)."""

    class Kind(models.TextChoices):
        HELP = "help", _("I can help")
        REFER = "refer", _("I know someone")

    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="responses", db_index=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ask_responses")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.HELP)
    pitch = models.TextField(max_length=1000, blank=True)
    # A private response is for the asker only; a public one for whoever can see the ask.
    public = models.BooleanField(default=False)
    referred = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")
    attachment = models.ForeignKey("social.Attachment", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    shortlisted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ask", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} by {self.author_id} on ask {self.ask_id}"


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class GuestInvite(models.Model):
    """A single-use link that lets one outside person into one ask or one war room."""

    ask = models.ForeignKey(Ask, null=True, blank=True, on_delete=models.CASCADE, related_name="invites")
    community = models.ForeignKey("communities.Community", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=80)
    note = models.CharField(max_length=200, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    guest = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")

    def __str__(self) -> str:
        return f"invitation for {self.name}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        raw = secrets.token_urlsafe(24)
        return raw, _hash(raw)

    @staticmethod
    def hash(raw: str) -> str:
        return _hash(raw)

