from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from colony.core.ids import new_id

if TYPE_CHECKING:
    from colony.people.models import User


class CommunityQuerySet(models.QuerySet["Community"]):
    def visible_to(self, user: User) -> CommunityQuerySet:
        """Open and closed communities are listed for everyone; secret ones only for members.

        Guests see only the communities (war rooms) they were let into.
        """
        if getattr(user, "is_guest", False):
            return self.filter(pk__in=Membership.objects.filter(user_id=user.pk).values("community_id"))
        return self.filter(
            Q(kind__in=[Community.Kind.OPEN, Community.Kind.CLOSED])
            | Q(pk__in=Membership.objects.filter(user_id=user.pk).values("community_id"))
        )


class Community(models.Model):
    class Kind(models.TextChoices):
        OPEN = "open", _("Open: anyone can join")
        CLOSED = "closed", _("Closed: people ask to join")
        SECRET = "secret", _("Secret: by invitation, invisible to others")

    # Time-sortable (colony.core.ids), so an id does not count the communities made before it.
    # Communities from before ids were time-sortable keep their small numbers.
    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    name = models.CharField(_("name"), max_length=80)
    # A secret community's slug always ends in a random suffix (actions._unique_slug).
    slug = models.SlugField(max_length=90, unique=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "communities"

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MODERATOR = "moderator", _("Moderator")
        MEMBER = "member", _("Member")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "user"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.community_id} as {self.role}"

    @property
    def moderates(self) -> bool:
        return self.role in (self.Role.OWNER, self.Role.MODERATOR)


class JoinRequest(models.Model):
    """Someone asking to join a closed community; moderators approve or decline."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="join_requests", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "user"], name="unique_join_request")]

    def __str__(self) -> str:
        return f"{self.user_id} asks to join {self.community_id}"


class ModerationAction(models.Model):
    """Every moderation step in a community, kept for the record."""

    class Kind(models.TextChoices):
        APPROVE = "approve", _("approved a request to join")
        DECLINE = "decline", _("declined a request to join")
        ADD = "add", _("added a member")
        REMOVE_MEMBER = "remove_member", _("removed a member")
        REMOVE_POST = "remove_post", _("removed a post")
        ROLE = "role", _("changed a role")
        PIN = "pin", _("pinned a post")
        UNPIN = "unpin", _("unpinned a post")
        ARCHIVE = "archive", _("archived the community")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="moderation_log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    target_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    target_post_id = models.BigIntegerField(null=True, blank=True)
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} in {self.community_id}"


class PinnedPost(models.Model):
    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="pins", db_index=False)
    post = models.ForeignKey("social.Post", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "post"], name="unique_pin")]

    def __str__(self) -> str:
        return f"post {self.post_id} pinned in {self.community_id}"
