from __future__ import annotations

from datetime import datetime

from django.http import HttpResponse
from ninja import Field, Router, Schema

from colony.core.api import paging_link
from colony.core.typing import AuthedHttpRequest
from colony.people.selectors import avatar_url
from colony.social.api import AuthorOut

from . import actions, selectors
from .models import Notification
from .rendering import describe

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: str
    kind: str
    actor: AuthorOut
    post_id: str | None
    detail: str
    created_at: datetime
    read: bool
    text: str

    @staticmethod
    def of(n: Notification) -> NotificationOut:
        a = n.actor
        return NotificationOut(
            id=str(n.pk), kind=n.kind,
            actor=AuthorOut(id=a.pk, handle=a.username, display_name=a.name, title=a.title,
                            avatar_url=avatar_url(a), url=f"/@{a.username}"),
            post_id=str(n.post_id) if n.post_id else None, detail=n.detail, created_at=n.created_at,
            read=n.read_at is not None, text=describe(n),
        )


class UnreadOut(Schema):
    unread: int


MAX_MARK_READ = 500


class MarkReadIn(Schema):
    up_to_id: int | None = None
    ids: list[int] | None = Field(None, max_length=MAX_MARK_READ)


class MarkedOut(Schema):
    marked: int
    unread: int


@router.get("", response=list[NotificationOut], summary="Your notifications, newest first")
def list_notifications(request: AuthedHttpRequest, response: HttpResponse, limit: int = 20,
                       max_id: int | None = None, since_id: int | None = None):
    limit = max(1, min(limit, 40))
    items = selectors.notifications_for(request.user, max_id=max_id, since_id=since_id, limit=limit)
    link = paging_link(request, items, limit)
    if link:
        response["Link"] = link
    return [NotificationOut.of(n) for n in items]


@router.get("/unread_count", response=UnreadOut, summary="How many notifications are unread")
def unread(request: AuthedHttpRequest):
    return UnreadOut(unread=selectors.unread_count(request.user))


@router.post("/read", response=MarkedOut, summary="Mark notifications read (all, up to an id, or some ids)")
def mark_read(request: AuthedHttpRequest, payload: MarkReadIn | None = None):
    marked = actions.do_mark_read(
        user=request.user, up_to_id=payload.up_to_id if payload else None, ids=payload.ids if payload else None
    )
    return MarkedOut(marked=marked, unread=selectors.unread_count(request.user))
