from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from colony.social.models import Post

from .models import Notification

if TYPE_CHECKING:
    from colony.people.models import User


def unread_count(user: User | int) -> int:
    user_id = user if isinstance(user, int) else user.pk
    unread = Notification.objects.filter(recipient_id=user_id, read_at__isnull=True)
    if not isinstance(user, int) and user.is_guest:
        # A guest's view is narrow; count only what they may open (guests are few, so this stays cheap).
        from django.db.models import Q

        unread = unread.filter(Q(post__isnull=True) | Q(post__in=Post.objects.visible_to(user)))
    return unread.count()


def notifications_for(
    user: User, *, max_id: int | None = None, since_id: int | None = None, limit: int = 20
) -> list[Notification]:
    """The user's notifications, newest first; posts they can no longer see are dropped."""
    qs: QuerySet[Notification] = Notification.objects.filter(recipient=user).select_related(
        "actor", "post", "post__author"
    )
    if max_id is not None:
        qs = qs.filter(id__lt=max_id)
    if since_id is not None:
        qs = qs.filter(id__gt=since_id)
    items = list(qs.order_by("-id")[:limit])
    post_ids = {n.post_id for n in items if n.post_id}
    visible = set(Post.objects.visible_to(user).filter(id__in=post_ids).values_list("id", flat=True))
    return [n for n in items if n.post_id is None or n.post_id in visible]
