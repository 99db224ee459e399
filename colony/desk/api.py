"""The desk API: the guardrail checks (the Contract), drafts, review, and the audit log."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status
from pydantic import BaseModel

from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.people.actions import access_person

from . import actions, selectors
from .checks import CHANNELS
from .models import AuditEvent, Draft

router = Router(tags=["desk"])

MAX_CHECK_TEXT = 100_000


class CheckIn(BaseModel):
    text: str
    channel: str = "colony"
    language: str | None = None
    replying_to: int | None = None


class FindingOut(BaseModel):
    kind: str
    severity: str
    start: int
    end: int
    message: str
    suggestion: str | None = None


class LengthOut(BaseModel):
    used: int
    limit: int


class CheckOut(BaseModel):
    findings: list[FindingOut]
    specificity: float
    length: LengthOut
    language: str
    notes: dict[str, str]


class DraftIn(BaseModel):
    text: str = ""
    author: str | None = None  # a leader's handle, when a delegate writes for them
    visibility: str = "organisation"


class DraftPatch(BaseModel):
    text: str
    visibility: str | None = None
    autosave: bool = False


class SubmitIn(BaseModel):
    scheduled_at: datetime | None = None


class ReviewIn(BaseModel):
    decision: str
    comment: str = ""


class DraftOut(BaseModel):
    id: int
    author: str
    drafted_by: str
    text: str
    visibility: str
    status: str
    version: int
    scheduled_at: datetime | None
    findings: list[FindingOut]
    review_reasons: list[FindingOut]
    post_id: int | None
    url: str
    created_at: datetime
    updated_at: datetime


class AuditOut(BaseModel):
    id: int
    draft_id: int
    author: str | None
    actor: str | None
    action: str
    version: int
    text: str
    comment: str
    findings: list[dict[str, Any]]
    created_at: datetime


def draft_out(draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.pk, "author": draft.author.username, "drafted_by": draft.drafted_by.username, "text": draft.text,
        "visibility": draft.visibility, "status": draft.status, "version": draft.version,
        "scheduled_at": draft.scheduled_at, "findings": draft.findings, "review_reasons": draft.review_reasons,
        "post_id": draft.post_id, "url": f"/desk/{draft.pk}", "created_at": draft.created_at,
        "updated_at": draft.updated_at,
    }


def audit_out(event: AuditEvent) -> dict[str, Any]:
    return {
        "id": event.pk, "draft_id": event.draft_id, "author": event.author.username if event.author else None,
        "actor": event.actor.username if event.actor else None, "action": event.action, "version": event.version,
        "text": event.text, "comment": event.comment, "findings": event.findings, "created_at": event.created_at,
    }


@router.post("/desk/check", response=CheckOut,
             summary="Check a post before publishing: length per channel, specificity, forward-looking "
                     "statements, disclosure, personal data, tone and brand voice")
def check(request: AuthedHttpRequest, payload: CheckIn):
    if payload.channel not in CHANNELS:
        raise ActionError(_("Unknown channel: choose one of %(channels)s.") % {"channels": ", ".join(CHANNELS)},
                          field="channel")
    if len(payload.text) > MAX_CHECK_TEXT:
        raise ActionError(_("The text is limited to %(limit)d characters.") % {"limit": MAX_CHECK_TEXT},
                          field="text")
    language = (payload.language or "").strip().lower() or None
    if language is not None and (len(language) > 8 or not language.isalpha()):
        raise ActionError(_("A language is an ISO 639-1 code such as nl."), field="language")
    abusive = False
    if payload.replying_to is not None:
        abusive = selectors.replying_to_abusive(request.user, payload.replying_to)
    result = actions.run_checks(payload.text, channel=payload.channel, language=language, writer=request.user,
                                replying_to_abusive=abusive)
    return {
        "findings": actions.findings_data(result), "specificity": round(float(result.specificity), 3),
        "length": {"used": result.length_used, "limit": result.length_limit}, "language": result.language,
        "notes": result.weak_languages,
    }


@router.get("/desk/drafts", response=list[DraftOut], summary="Your drafts and those you write for others")
def drafts(request: AuthedHttpRequest, status: str = ""):
    rows = selectors.written_by(request.user)
    if status:
        rows = rows.filter(status=status)
    return [draft_out(d) for d in rows[:200]]


@router.post("/desk/drafts", response={201: DraftOut}, summary="Start a draft (as yourself, or for a leader)")
def create_draft(request: AuthedHttpRequest, payload: DraftIn):
    author = access_person(payload.author, viewer=request.user) if payload.author else None
    draft = actions.do_create_draft(writer=request.user, text=payload.text, author=author,
                                    visibility=payload.visibility)
    return Status(201, draft_out(draft))


@router.get("/desk/drafts/{draft_id}", response=DraftOut, summary="One draft")
def get_draft(request: AuthedHttpRequest, draft_id: int):
    return draft_out(selectors.access_draft(request.user, draft_id))


@router.patch("/desk/drafts/{draft_id}", response=DraftOut, summary="Save a draft (autosave keeps the version)")
def edit_draft(request: AuthedHttpRequest, draft_id: int, payload: DraftPatch):
    draft = selectors.access_draft(request.user, draft_id)
    actions.check_writer(request.user, draft)
    draft = actions.do_edit_draft(draft=draft, editor=request.user, text=payload.text,
                                  visibility=payload.visibility, autosave=payload.autosave)
    return draft_out(draft)


@router.delete("/desk/drafts/{draft_id}", response={204: None}, summary="Delete a draft")
def delete_draft(request: AuthedHttpRequest, draft_id: int):
    draft = selectors.access_draft(request.user, draft_id)
    actions.check_writer(request.user, draft)
    actions.do_delete_draft(draft=draft, actor=request.user)
    return Status(204, None)


@router.post("/desk/drafts/{draft_id}/submit", response=DraftOut,
             summary="Publish now or at scheduled_at, or send to review when the policy says so")
def submit(request: AuthedHttpRequest, draft_id: int, payload: SubmitIn):
    draft = selectors.access_draft(request.user, draft_id)
    actions.check_writer(request.user, draft)
    return draft_out(actions.do_submit(draft=draft, actor=request.user, scheduled_at=payload.scheduled_at))


@router.post("/desk/drafts/{draft_id}/review", response=DraftOut,
             summary="A reviewer approves, requests changes (with a comment) or rejects")
def review(request: AuthedHttpRequest, draft_id: int, payload: ReviewIn):
    draft = selectors.access_draft(request.user, draft_id)
    return draft_out(actions.do_review(draft=draft, reviewer=request.user, decision=payload.decision,
                                       comment=payload.comment))


@router.get("/desk/audit", response=list[AuditOut],
            summary="The append-only audit log (reviewers: everything; authors: their drafts). format=csv for CSV")
def audit(request: AuthedHttpRequest, draft_id: int | None = None, format: str = "json"):
    rows = selectors.audit_rows(request.user, draft_id)
    if format == "csv":
        return csv_response(rows)
    if format != "json":
        raise ActionError(_("The format is json or csv."), field="format")
    return [audit_out(e) for e in rows[:10_000]]


CSV_FIELDS = ["id", "created_at", "draft_id", "author", "actor", "action", "version", "comment", "findings", "text"]


def csv_response(rows: Any) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for event in rows.iterator():
        data = audit_out(event)
        data["created_at"] = event.created_at.isoformat()
        data["findings"] = ";".join(f"{f.get('kind')}:{f.get('severity')}" for f in event.findings)
        writer.writerow([_csv_safe(str(data[k] if data[k] is not None else "")) for k in CSV_FIELDS])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="colony-audit.csv"'
    return response


def _csv_safe(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
