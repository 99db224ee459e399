"""Writes for notifications. Social actions call ``notify`` inside their transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils import timezone

from colony.graph.models import Block, Mute

from .models import Notification

if TYPE_CHECKING:
    from colony.people.models import User
    from colony.social.models import Post


def notify(
    *,
    recipients: Iterable[int],
    actor: User,
    kind: str,
    post: Post | None = None,
    detail: str = "",
) -> list[Notification]:
    """Notify each recipient once, never the actor, never someone who muted or blocked the actor."""
    ids = {r for r in recipients if r != actor.pk}
    if not ids:
        return []
    silenced = set(Mute.objects.filter(user_id__in=ids, target_id=actor.pk).values_list("user_id", flat=True))
    silenced |= set(Block.objects.filter(user_id__in=ids, target_id=actor.pk).values_list("user_id", flat=True))
    rows = [
        Notification(recipient_id=r, actor=actor, kind=kind, post=post, detail=detail)
        for r in sorted(ids - silenced)
    ]
    return Notification.objects.bulk_create(rows)


def notify_account(*, recipient: User, actor: User, detail: str) -> Notification | None:
    """Tell a person that an administrator acted on their account.

    Unlike ``notify``, mutes and blocks do not silence it: a person must
    always learn what was done to their account.
    """
    if recipient.pk == actor.pk:
        return None
    return Notification.objects.create(recipient=recipient, actor=actor, kind=Notification.Kind.ACCOUNT,
                                       detail=detail[:32])


def do_mark_read(*, user: User, up_to_id: int | None = None, ids: Iterable[int] | None = None) -> int:
    """Mark the user's unread notifications read (all, up to an id, or the given ids)."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if up_to_id is not None:
        unread = unread.filter(id__lte=up_to_id)
    if ids is not None:
        unread = unread.filter(id__in=list(ids))
    return unread.update(read_at=timezone.now())
