"""The asks API: preview routing, create and route an ask, read it with its measures, respond, and
your own away time (no asks are routed to you while it lasts)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _
from ninja import Form, Router, Status
from pydantic import BaseModel, Field, model_validator

from colony.communities.actions import access_community
from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.people.actions import access_person

from . import actions, selectors
from .models import Ask, Response
from .reasons import describe_all

router = Router(tags=["asks"])

MAX_PREVIEW = 100
MAX_EXCLUDE = 200


class PreviewIn(BaseModel):
    text: str
    skills: list[str] = []
    limit: int = 20
    exclude: list[str] = Field(default=[], max_length=MAX_EXCLUDE)


class CandidateOut(BaseModel):
    handle: str
    name: str
    score: float
    reasons: list[str]


class PreviewOut(BaseModel):
    candidates: list[CandidateOut]


class AskIn(BaseModel):
    need: str = ""
    text: str = ""  # the same as ``need``, for callers that speak of an ask's text
    brief: str = ""
    skills: list[str] = []
    deadline: date | None = None
    audience: str = "organisation"
    community_id: int | None = None
    people: list[str] = []
    urgency: str = "normal"

    @model_validator(mode="after")
    def _need_or_text(self) -> AskIn:
        self.need = self.need or self.text
        return self


class MeasuresOut(BaseModel):
    people_notified: int
    time_to_first_response_seconds: float | None
    time_to_first_shortlisted_seconds: float | None
    responses: int
    responders: int
    shortlisted: int
    resolved: bool


class MatchOut(BaseModel):
    handle: str
    name: str
    rank: int
    score: float
    round: int
    notified_at: datetime
    reasons: list[str]


class AskOut(BaseModel):
    id: int
    url: str
    author: str
    need: str
    brief: str
    skills: list[str]
    deadline: date | None
    audience: str
    community_id: str | None
    urgency: str
    status: str
    resolved: bool
    created_at: datetime
    rounds: int
    war_room: str | None = Field(None, description="URL of the war room, once opened")
    measures: MeasuresOut
    matches: list[MatchOut] | None = Field(None, description="Who was notified and why (the asker only)")


class ResponseOut(BaseModel):
    id: int
    kind: str
    author: str
    pitch: str
    public: bool
    referred: str | None
    attachment_url: str | None
    attachment_name: str | None
    created_at: datetime
    shortlisted: bool


class StatusIn(BaseModel):
    status: str


class ShortlistIn(BaseModel):
    shortlisted: bool = True


class WarRoomIn(BaseModel):
    name: str = ""


class WarRoomOut(BaseModel):
    id: str
    slug: str
    url: str


class InviteIn(BaseModel):
    name: str
    note: str = ""


class InviteOut(BaseModel):
    url: str
    expires_at: datetime


class AwayIn(BaseModel):
    away: bool = Field(description="true: send me no asks for a while; false: I am back")
    days: int | None = Field(None, description="Away for this many days from now, 1 to 365 (or give until)")
    until: datetime | None = Field(None, description="Away until this moment, within 365 days (or give days)")


class AwayOut(BaseModel):
    away: bool
    until: datetime | None = Field(description="When the away time ends; null when you are not away")


def away_out(until: datetime | None) -> dict[str, Any]:
    return {"away": until is not None, "until": until}


def ask_out(ask: Ask, viewer: Any) -> dict[str, Any]:
    post = ask.post
    is_asker = post.author_id == viewer.pk
    matches = None
    if is_asker:
        matches = [
            {"handle": m.user.username, "name": m.user.name, "rank": m.rank, "score": m.score, "round": m.round,
             "notified_at": m.notified_at, "reasons": describe_all(m.reasons)}
            for m in ask.matches.all()
        ]
    return {
        "id": post.pk, "url": f"/asks/{post.pk}", "author": post.author.username, "need": post.text,
        "brief": ask.brief, "skills": [skill.name for skill in ask.skills.all()], "deadline": ask.deadline,
        "audience": ask.audience, "community_id": str(post.community_id) if post.community_id else None,
        "urgency": ask.urgency, "status": ask.status,
        "resolved": ask.status == Ask.Status.RESOLVED, "created_at": post.created_at, "rounds": ask.rounds,
        "war_room": f"/communities/{ask.war_room.slug}" if ask.war_room and is_asker else None,
        "measures": selectors.measures(ask, viewer), "matches": matches,
    }


def response_out(response: Response) -> dict[str, Any]:
    attachment = response.attachment
    return {
        "id": response.pk, "kind": response.kind, "author": response.author.username, "pitch": response.pitch,
        "public": response.public, "referred": response.referred.username if response.referred else None,
        "attachment_url": attachment.file.url if attachment else None,
        "attachment_name": attachment.name if attachment else None,
        "created_at": response.created_at, "shortlisted": response.shortlisted_at is not None,
    }


@router.post("/asks/preview", response=PreviewOut,
             summary="Who routing would notify for this ask (nobody is notified; the caller is excluded)")
def preview(request: AuthedHttpRequest, payload: PreviewIn):
    text = payload.text.strip()
    if not text:
        raise ActionError(_("Say in a sentence what you need."), field="text")
    if len(text) > actions.MAX_BRIEF:
        raise ActionError(_("The text is limited to %(limit)d characters.") % {"limit": actions.MAX_BRIEF},
                          field="text")
    if not 1 <= payload.limit <= MAX_PREVIEW:
        raise ActionError(_("The limit is between 1 and %(limit)d.") % {"limit": MAX_PREVIEW}, field="limit")
    skills = actions.check_skills(payload.skills)
    found = selectors.preview_candidates(request.user, text, skills=skills, limit=payload.limit,
                                         exclude=payload.exclude)
    return {"candidates": [
        {"handle": c.handle, "name": (person.display_name if person else "") or c.handle, "score": c.score,
         "reasons": describe_all(c.reasons)}
        for c, person in found
    ]}


# Before "/asks/{ask_id}": the path parameter would take "away" for an id.
@router.get("/asks/away", response=AwayOut, summary="Whether you are away (no asks are routed to you), and until when")
def get_away(request: AuthedHttpRequest):
    return away_out(selectors.away_until(request.user))


@router.put("/asks/away", response=AwayOut,
            summary='Be away for some "days" or "until" a moment (no asks are routed to you), or back with away=false')
def set_away(request: AuthedHttpRequest, payload: AwayIn):
    return away_out(actions.do_set_away(user=request.user, away=payload.away, days=payload.days,
                                        until=payload.until))


@router.post("/asks", response={201: AskOut}, summary="Create an ask and route it to the people who can help")
def create(request: AuthedHttpRequest, payload: AskIn):
    community = None
    if payload.audience == Ask.Audience.COMMUNITY:
        if payload.community_id is None:
            raise ActionError(_("Choose the community this ask is for."), field="community_id")
        community = access_community(request.user, payload.community_id)
    people = [access_person(h, viewer=request.user) for h in payload.people[: actions.MAX_PEOPLE + 1]]
    ask = actions.do_create_ask(
        author=request.user, need=payload.need, brief=payload.brief, skills=payload.skills,
        deadline=payload.deadline, audience=payload.audience, community=community, people=people,
        urgency=payload.urgency,
    )
    ask.refresh_from_db()
    return Status(201, ask_out(selectors.with_related([ask])[0], request.user))


@router.get("/asks", response=list[AskOut], summary="Your asks (mine=true, the default) or the asks sent to you")
def index(request: AuthedHttpRequest, mine: bool = True, limit: int = 20, before: int | None = None):
    limit = max(1, min(limit, 100))
    return [ask_out(a, request.user) for a in selectors.asks_for(request.user, mine=mine, limit=limit, before=before)]


@router.get("/asks/{ask_id}", response=AskOut, summary="One ask, with its measures (and, for the asker, its matches)")
def detail(request: AuthedHttpRequest, ask_id: int):
    return ask_out(selectors.with_related([selectors.access_ask(request.user, ask_id)])[0], request.user)


@router.get("/asks/{ask_id}/responses", response=list[ResponseOut],
            summary="Responses: all of them for the asker; public ones and your own for others")
def responses(request: AuthedHttpRequest, ask_id: int):
    ask = selectors.access_ask(request.user, ask_id)
    return [response_out(r) for r in selectors.responses_visible_to(ask, request.user)]


@router.post("/asks/{ask_id}/responses", response={201: ResponseOut},
             summary='Respond: kind "help" (pitch, optional PDF/DOCX up to 10 MB) or "refer" (referred handle)')
def respond(request: AuthedHttpRequest, ask_id: int, kind: Form[str] = "help", pitch: Form[str] = "",
            public: Form[bool] = False, referred: Form[str] = ""):
    # The optional ``document`` file part is read from request.FILES (multipart/form-data).
    document = request.FILES.get("document")
    ask = selectors.access_ask(request.user, ask_id)
    response = actions.do_respond(
        ask=ask, author=request.user, kind=kind, pitch=pitch, public=public,
        upload=document.file if document else None, upload_name=document.name or "" if document else "",
        referred_handle=referred,
    )
    return Status(201, response_out(response))


@router.post("/asks/{ask_id}/responses/{response_id}/shortlist", response=ResponseOut,
             summary="Shortlist a response, or take it off the shortlist (the asker only)")
def shortlist(request: AuthedHttpRequest, ask_id: int, response_id: int, payload: ShortlistIn):
    ask = selectors.access_ask(request.user, ask_id)
    response = selectors.access_response(ask, request.user, response_id)
    return response_out(actions.do_shortlist(ask=ask, actor=request.user, response=response, on=payload.shortlisted))


@router.post("/asks/{ask_id}/war-room", response={201: WarRoomOut},
             summary="Open a war room with the shortlisted people (the asker only)")
def war_room(request: AuthedHttpRequest, ask_id: int, payload: WarRoomIn):
    ask = selectors.access_ask(request.user, ask_id)
    room = actions.do_open_war_room(ask=ask, actor=request.user, name=payload.name)
    return Status(201, {"id": str(room.pk), "slug": room.slug, "url": f"/communities/{room.slug}"})


@router.post("/asks/{ask_id}/status", response=AskOut, summary="Mark an ask resolved, closed or open again")
def set_status(request: AuthedHttpRequest, ask_id: int, payload: StatusIn):
    ask = selectors.access_ask(request.user, ask_id)
    return ask_out(actions.do_set_status(ask=ask, actor=request.user, status=payload.status), request.user)


@router.post("/asks/{ask_id}/invitations", response={201: InviteOut},
             summary="A single-use link for an outside person to this ask (the asker only)")
def invite(request: AuthedHttpRequest, ask_id: int, payload: InviteIn):
    ask = selectors.access_ask(request.user, ask_id)
    invitation, raw = actions.do_invite_guest(actor=request.user, ask=ask, name=payload.name, note=payload.note)
    return Status(201, {"url": request.build_absolute_uri(f"/invitations/{raw}"),
                        "expires_at": invitation.expires_at})


@router.post("/communities/{community_id}/invitations", response={201: InviteOut},
             summary="A single-use link for an outside person to this community (moderators)")
def invite_to_community(request: AuthedHttpRequest, community_id: int, payload: InviteIn):
    community = access_community(request.user, community_id)
    invitation, raw = actions.do_invite_guest(actor=request.user, community=community, name=payload.name,
                                              note=payload.note)
    return Status(201, {"url": request.build_absolute_uri(f"/invitations/{raw}"),
                        "expires_at": invitation.expires_at})
