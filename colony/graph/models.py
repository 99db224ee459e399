"""The social graph: who follows, mutes and blocks whom.

These rows say nothing about posts, so they sit beneath ``social``: people
and the graph first, then posts and communities built on them. The tables
keep the names they had when they lived in ``social``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from colony.people.models import User

class Follow(models.Model):
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="following", db_index=False
    )
    followee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followers", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "social_follow"
        constraints = [models.UniqueConstraint(fields=["follower", "followee"], name="unique_follow")]
        indexes = [models.Index(fields=["followee", "follower"])]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.followee_id}"

class Mute(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes_made", db_index=False
    )
    target = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes_received")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "social_mute"
        constraints = [models.UniqueConstraint(fields=["user", "target"], name="unique_mute")]

    def __str__(self) -> str:
        return f"{self.user_id} mutes {self.target_id}"

class Block(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made", db_index=False
    )
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "social_block"
        constraints = [models.UniqueConstraint(fields=["user", "target"], name="unique_block")]
        indexes = [models.Index(fields=["target", "user"])]

    def __str__(self) -> str:
        return f"{self.user_id} blocks {self.target_id}"



def blocked_either_way(user: User) -> set[int]:
    """Ids of people who blocked ``user`` or whom ``user`` blocked."""
    return set(Block.objects.filter(target_id=user.pk).values_list("user_id", flat=True)) | set(
        Block.objects.filter(user_id=user.pk).values_list("target_id", flat=True)
    )
