"""The wiki in the REST API: pages, revisions, diffs, restores.

Page ids are time-sortable 63-bit numbers, sent as strings like post ids.
Saving needs ``base_revision`` (the revision the editor started from); when
someone saved in between, the answer is 409 with the usual error shape plus
``current_revision``, and nothing is written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Query, Router, Status
from pydantic import BaseModel, Field

from colony.communities.models import Community
from colony.core.api import error_response
from colony.core.typing import AuthedHttpRequest
from colony.people.models import User
from colony.people.selectors import avatar_url

from . import actions, selectors
from .diff import unified
from .models import WikiPage, WikiRevision

router = Router(tags=["wiki"])

MAX_LIMIT = 100


class PersonRefOut(BaseModel):
    handle: str
    display_name: str
    avatar_url: str
    url: str


class PageRefOut(BaseModel):
    id: str
    title: str
    url: str


class PageSummaryOut(BaseModel):
    id: str
    title: str
    slug: str
    community: str | None
    url: str
    revision: int
    updated_at: datetime
    updated_by: PersonRefOut | None


class PageOut(PageSummaryOut):
    text: str
    html: str
    created_at: datetime
    editable: bool
    backlinks: list[PageRefOut]


class RevisionSummaryOut(BaseModel):
    number: int
    author: PersonRefOut | None
    created_at: datetime
    summary: str
    restored_from: int | None
    url: str


class RevisionOut(RevisionSummaryOut):
    text: str
    html: str


class DiffLineOut(BaseModel):
    kind: str = Field(description='"context", "added", "removed" or "gap" (unchanged lines left out)')
    old: int | None
    new: int | None
    text: str


class DiffOut(BaseModel):
    page: str
    from_revision: int
    to_revision: int
    added: int
    removed: int
    approximate: bool = Field(description="True when the texts were too long or too different to compare line by "
                              "line in time: some unchanged lines are then shown as removed and added")
    lines: list[DiffLineOut]
    unified: str


class PageIn(BaseModel):
    title: str
    text: str = ""
    community: int | None = Field(None, description="The community's id; leave out for an organisation page")
    summary: str = ""


class EditIn(BaseModel):
    text: str
    base_revision: int = Field(description="The revision number your text started from")
    summary: str = ""


class RestoreIn(BaseModel):
    revision: int
    summary: str = ""


class ConflictErrorOut(BaseModel):
    code: str
    message: str
    field: str
    current_revision: RevisionOut


class ConflictOut(BaseModel):
    error: ConflictErrorOut


class DiffQuery(BaseModel):
    from_revision: int = Field(alias="from")
    to_revision: int = Field(alias="to")


def person_out(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"handle": user.username, "display_name": user.name, "avatar_url": avatar_url(user),
            "url": f"/@{user.username}"}


def page_summary_out(page: WikiPage) -> dict[str, Any]:
    current = page.current
    return {
        "id": str(page.pk), "title": page.title, "slug": page.slug,
        "community": str(page.community_id) if page.community_id else None,
        "url": page.get_absolute_url(), "revision": current.number if current else 0,
        "updated_at": page.updated_at, "updated_by": person_out(current.author if current else None),
    }


def page_out(request: AuthedHttpRequest, page: WikiPage) -> dict[str, Any]:
    return {
        **page_summary_out(page),
        "text": page.current.text if page.current else "", "html": page.html, "created_at": page.created_at,
        "editable": page.editable_by(request.user),
        "backlinks": [{"id": str(p.pk), "title": p.title, "url": p.get_absolute_url()}
                      for p in selectors.backlinks(request.user, page)],
    }


def revision_out(page: WikiPage, revision: WikiRevision, *, full: bool = True) -> dict[str, Any]:
    out = {
        "number": revision.number, "author": person_out(revision.author), "created_at": revision.created_at,
        "summary": revision.summary, "restored_from": revision.restored_from,
        "url": page.url("revision", revision.number),
    }
    if full:
        out.update(text=revision.text, html=revision.html)
    return out


def _space(request: AuthedHttpRequest, community_id: int | None) -> Community | None:
    if community_id is None:
        return selectors.access_space(request.user, None)
    community = Community.objects.filter(pk=community_id).first()
    if community is None:
        raise selectors.not_found()
    return selectors.access_space(request.user, community)


@router.get("/wiki/pages", response=list[PageSummaryOut],
            summary="The wiki pages of a space: the organisation, or one community with ?community=ID")
def list_pages(request: AuthedHttpRequest, community: int | None = None, limit: int = 50, offset: int = 0):
    space = _space(request, community)
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    pages = selectors.pages_in_space(request.user, space)[offset:offset + limit]
    return [page_summary_out(p) for p in pages]


@router.post("/wiki/pages", response={201: PageOut}, summary="Create a wiki page (its revision 1)")
def create_page(request: AuthedHttpRequest, payload: PageIn):
    space = _space(request, payload.community)
    page = actions.do_create_page(author=request.user, title=payload.title, text=payload.text, community=space,
                                  summary=payload.summary)
    return Status(201, page_out(request, selectors.access_page(request.user, page.pk)))


@router.get("/wiki/pages/{page_id}", response=PageOut,
            summary="One wiki page: its current revision, HTML and the pages that link to it")
def get_page(request: AuthedHttpRequest, page_id: int):
    return page_out(request, selectors.access_page(request.user, page_id))


@router.api_operation(["PUT", "PATCH"], "/wiki/pages/{page_id}", response={200: PageOut, 409: ConflictOut},
            summary="Save a new revision; 409 with current_revision when someone saved since base_revision")
def edit_page(request: AuthedHttpRequest, page_id: int, payload: EditIn):
    page = selectors.access_page(request.user, page_id)
    try:
        actions.do_edit_page(page=page, author=request.user, text=payload.text, base_revision=payload.base_revision,
                             summary=payload.summary)
    except actions.EditConflict as conflict:
        return error_response(conflict.status, conflict.code, str(conflict.message), field="base_revision",
                              current_revision=revision_out(page, conflict.current))
    return page_out(request, selectors.access_page(request.user, page_id))


@router.get("/wiki/pages/{page_id}/revisions", response=list[RevisionSummaryOut],
            summary="A page's history, newest revision first")
def page_history(request: AuthedHttpRequest, page_id: int, limit: int = 50, offset: int = 0):
    page = selectors.access_page(request.user, page_id)
    limit, offset = max(1, min(limit, MAX_LIMIT)), max(0, offset)
    return [revision_out(page, r, full=False) for r in selectors.history(page)[offset:offset + limit]]


@router.get("/wiki/pages/{page_id}/revisions/{number}", response=RevisionOut, summary="One revision of a page")
def get_revision(request: AuthedHttpRequest, page_id: int, number: int):
    page = selectors.access_page(request.user, page_id)
    return revision_out(page, selectors.revision(page, number))


@router.get("/wiki/pages/{page_id}/diff", response=DiffOut,
            summary="The line diff between two revisions: ?from=N&to=M")
def diff(request: AuthedHttpRequest, page_id: int, query: Query[DiffQuery]):
    page = selectors.access_page(request.user, page_id)
    comparison = selectors.compare(page, query.from_revision, query.to_revision)
    return {
        "page": str(page.pk), "from_revision": comparison.old.number, "to_revision": comparison.new.number,
        "added": comparison.diff.added, "removed": comparison.diff.removed, "approximate": comparison.diff.approximate,
        "lines": [{"kind": line.kind, "old": line.old, "new": line.new, "text": line.text}
                  for line in comparison.diff.lines],
        "unified": unified(comparison.old.text, comparison.new.text,
                           old_label=f"revision {comparison.old.number}", new_label=f"revision {comparison.new.number}",
                           diff=comparison.diff),
    }


@router.post("/wiki/pages/{page_id}/restore", response={201: RevisionOut},
             summary="Bring back an old revision's text as a new revision")
def restore(request: AuthedHttpRequest, page_id: int, payload: RestoreIn):
    page = selectors.access_page(request.user, page_id)
    revision = actions.do_restore_revision(page=page, author=request.user, number=payload.revision,
                                           summary=payload.summary)
    return Status(201, revision_out(page, revision))
