from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def colony(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    unread = unread_messages = 0
    if user is not None and user.is_authenticated:
        from colony.notifications.selectors import unread_count

        unread = unread_count(user)
        from colony.messaging.selectors import unread_conversations

        unread_messages = unread_conversations(user)
    return {
        "LANGUAGES": settings.LANGUAGES,
        "MAX_POST_LENGTH": settings.COLONY_MAX_POST_LENGTH,
        "unread_notifications": unread,
        "unread_messages": unread_messages,
        "can_announce": bool(user is not None and user.is_authenticated
                             and user.has_perm("announcements.publish_announcement")),
        "has_desk": _has_desk(user),
    }


def _has_desk(user: Any) -> bool:
    """The Desk place is shown to leaders, their delegates and reviewers only."""
    if user is None or not user.is_authenticated or getattr(user, "is_guest", False):
        return False
    from colony.desk.actions import is_reviewer, uses_desk

    return uses_desk(user) or is_reviewer(user)
