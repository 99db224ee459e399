from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def colony(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        from colony.notifications.selectors import unread_count

        unread = unread_count(user)
    return {
        "LANGUAGES": settings.LANGUAGES,
        "MAX_POST_LENGTH": settings.COLONY_MAX_POST_LENGTH,
        "unread_notifications": unread,
        "can_announce": bool(user is not None and user.is_authenticated
                             and user.has_perm("announcements.publish_announcement")),
    }
