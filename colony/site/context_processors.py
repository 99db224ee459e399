"""What every page's chrome needs: badges, limits, which places to show."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from colony.desk.selectors import is_reviewer, uses_desk
from colony.messaging.selectors import unread_conversations
from colony.notifications.selectors import unread_count


def colony(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    unread = unread_messages = 0
    if user is not None and user.is_authenticated:
        unread = unread_count(user)
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
    return uses_desk(user) or is_reviewer(user)
