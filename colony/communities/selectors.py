from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from colony.people.models import User
from colony.social.models import Post
from colony.social.selectors import DEFAULT_LIMIT, clamp_limit

from .models import Community, JoinRequest, Membership


def directory(viewer: User, *, query: str = "", mine: bool = False) -> QuerySet[Community]:
    """Communities the viewer may know about, with member counts."""
    qs = Community.objects.visible_to(viewer)
    if mine:
        qs = qs.filter(memberships__user=viewer)
    if query:
        qs = qs.filter(Q(name__icontains=query.strip()) | Q(description__icontains=query.strip()))
    return qs.annotate(member_count=Count("memberships", distinct=True)).order_by("name")


def community_timeline(viewer: User, community: Community, *, max_id: int | None = None,
                       limit: int | None = None) -> list[Post]:
    limit = clamp_limit(limit or DEFAULT_LIMIT)
    qs = Post.objects.visible_to(viewer).filter(community=community, reply_to__isnull=True)
    if max_id is not None:
        qs = qs.filter(id__lt=max_id)
    return list(qs.select_related("author", "repost_of", "repost_of__author").order_by("-id")[:limit])


def pinned(viewer: User, community: Community) -> list[Post]:
    return list(
        Post.objects.visible_to(viewer).filter(pk__in=community.pins.values("post_id")).select_related("author")
        .order_by("-id")
    )


def members(community: Community) -> QuerySet[Membership]:
    return community.memberships.select_related("user").order_by("role", "user__display_name")


def pending_requests(community: Community) -> QuerySet[JoinRequest]:
    return community.join_requests.select_related("user").order_by("created_at")
