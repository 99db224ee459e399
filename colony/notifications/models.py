from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from colony.core.ids import new_id


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("Mention")
        REPLY = "reply", _("Reply")
        REACTION = "reaction", _("Reaction")
        REPOST = "repost", _("Repost")
        FOLLOW = "follow", _("New follower")
        ANNOUNCEMENT = "announcement", _("Announcement")
        REMINDER = "reminder", _("Reminder")
        ASK = "ask", _("Ask for your help")
        ASK_RESPONSE = "ask_response", _("Response to your ask")
        REFERRAL = "referral", _("Referral")
        SHORTLIST = "shortlist", _("Shortlisted")
        WAR_ROOM = "war_room", _("War room")
        REVIEW = "review", _("Post to review")
        REVIEWED = "reviewed", _("Review decision")
        DRAFTED = "drafted", _("Draft from a delegate")
        ACCOUNT = "account", _("An administrator acted on your account")

    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    post = models.ForeignKey("social.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    detail = models.CharField(max_length=32, blank=True)  # e.g. the reaction kind
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["recipient", "id"]),
            models.Index(
                fields=["recipient"], name="unread_notifications", condition=models.Q(read_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"
