from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Router, Status
from pydantic import BaseModel

from colony.communities.actions import access_community
from colony.core.typing import AuthedHttpRequest
from colony.social import selectors as social_selectors
from colony.social.api import PostOut

from . import actions, selectors

router = Router(tags=["announcements"])


class AnnouncementIn(BaseModel):
    text: str
    community: int | None = None


class AnnouncementOut(BaseModel):
    id: str
    post: PostOut
    open: bool
    acknowledged: bool


class PersonRef(BaseModel):
    handle: str
    display_name: str
    at: datetime | None = None


class TrackerOut(BaseModel):
    id: str
    open: bool
    recipients: int
    read_count: int
    unread_count: int
    read: list[PersonRef]
    unread: list[PersonRef]


def _out(request: AuthedHttpRequest, announcement: Any) -> dict[str, Any]:
    view = social_selectors.present(request.user, [announcement.post])[0]
    return {
        "id": str(announcement.post_id), "post": PostOut.of(view), "open": announcement.is_open,
        "acknowledged": announcement.acknowledgements.filter(user=request.user).exists(),
    }


@router.post("/announcements", response={201: AnnouncementOut},
             summary="Publish a must-read announcement (leaders, administrators, community moderators)")
def publish(request: AuthedHttpRequest, payload: AnnouncementIn):
    community = access_community(request.user, payload.community) if payload.community else None
    announcement = actions.do_publish_announcement(author=request.user, text=payload.text, community=community)
    return Status(201, _out(request, announcement))


@router.get("/announcements", response=list[AnnouncementOut], summary="Announcements waiting for you to read")
def pending(request: AuthedHttpRequest):
    return [_out(request, a) for a in selectors.pending_for(request.user)]


@router.post("/announcements/{post_id}/acknowledge", response=AnnouncementOut, summary="Say you have read it")
def acknowledge(request: AuthedHttpRequest, post_id: int):
    announcement = actions.access_announcement(request.user, post_id)
    actions.do_acknowledge(user=request.user, announcement=announcement)
    return _out(request, announcement)


@router.get("/announcements/{post_id}/tracker", response=TrackerOut, summary="Who has and has not read it (author)")
def tracker(request: AuthedHttpRequest, post_id: int):
    announcement = actions.access_announcement(request.user, post_id)
    actions.check_author(request.user, announcement)
    found = selectors.tracker(announcement)
    return {
        "id": str(announcement.post_id), "open": announcement.is_open, "recipients": found.total,
        "read_count": len(found.read), "unread_count": len(found.unread),
        "read": [{"handle": p.username, "display_name": p.name, "at": at} for p, at in found.read],
        "unread": [{"handle": p.username, "display_name": p.name} for p in found.unread],
    }


class RemindedOut(BaseModel):
    reminded: int


@router.post("/announcements/{post_id}/remind", response=RemindedOut, summary="Remind everyone who has not read it")
def remind(request: AuthedHttpRequest, post_id: int):
    announcement = actions.access_announcement(request.user, post_id)
    return {"reminded": actions.do_remind(user=request.user, announcement=announcement)}


@router.post("/announcements/{post_id}/close", response=AnnouncementOut, summary="Stop asking for acknowledgements")
def close(request: AuthedHttpRequest, post_id: int):
    announcement = actions.access_announcement(request.user, post_id)
    actions.do_close(user=request.user, announcement=announcement)
    return _out(request, announcement)
