from __future__ import annotations

from django.conf import settings
from django.db import models


class Announcement(models.Model):
    """A must-read post: every recipient is asked to acknowledge it.

    Recipients are the organisation (everyone active) or, when the post is in
    a community, that community's members.
    """

    post = models.OneToOneField("social.Post", primary_key=True, on_delete=models.CASCADE,
                                related_name="announcement")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("publish_announcement", "Can publish must-read announcements to the organisation")]

    def __str__(self) -> str:
        return f"announcement {self.post_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Acknowledgement(models.Model):
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="acknowledgements",
                                     db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["announcement", "user"], name="unique_acknowledgement")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.announcement_id}"
