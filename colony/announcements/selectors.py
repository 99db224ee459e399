from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from colony.communities.models import Membership
from colony.people.models import User
from colony.social.models import Post

from .models import Acknowledgement, Announcement


def recipients(announcement: Announcement) -> QuerySet[User]:
    """Who is asked to read it: the community's members, or everyone active."""
    post = announcement.post
    people = User.objects.active()
    if post.community_id is not None:
        people = people.filter(memberships__community_id=post.community_id)
    return people


def pending_for(user: User) -> list[Announcement]:
    """Open announcements this person is asked to read and has not acknowledged, newest first."""
    from django.db.models import Q

    visible = Post.objects.visible_to(user).values("pk")
    return list(
        Announcement.objects.filter(closed_at__isnull=True, post_id__in=visible)
        .filter(Q(post__community__isnull=True)
                | Q(post__community_id__in=Membership.objects.filter(user=user).values("community_id")))
        .exclude(acknowledgements__user=user)
        .exclude(post__author=user)
        .select_related("post", "post__author")
        .order_by("-post_id")[:5]
    )


@dataclass
class Tracker:
    announcement: Announcement
    read: list[tuple[User, datetime]]
    unread: list[User]

    @property
    def total(self) -> int:
        return len(self.read) + len(self.unread)


def tracker(announcement: Announcement) -> Tracker:
    acks = {
        a.user_id: a for a in Acknowledgement.objects.filter(announcement=announcement).select_related("user")
    }
    everyone = list(recipients(announcement).exclude(pk=announcement.post.author_id).order_by("display_name"))
    read = [(p, acks[p.pk].created_at) for p in everyone if p.pk in acks]
    unread = [p for p in everyone if p.pk not in acks]
    return Tracker(announcement=announcement, read=read, unread=unread)
