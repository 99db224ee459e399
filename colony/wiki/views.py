"""Wiki pages on the web: space indexes, pages, new/edit (with merge on conflict), history, diff, restore.

Every view reaches pages through ``selectors.access_*``, so a page the reader
may not see is the same 404 as a missing one. Organisation pages live under
``/wiki/``, a community's under ``/communities/<slug>/wiki/``; the same views
serve both (``slug`` is the community's, None for the organisation).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from colony.communities.models import Community
from colony.core.errors import ActionError, NotFound
from colony.core.ids import parse_id
from colony.core.typing import AuthedHttpRequest
from colony.core.web import refuse

from . import actions, selectors
from .diff import line_diff
from .models import (
    MAX_TITLE,
    WikiPage,
    normalise_title,
    space_editable_by,
    space_readable_by,
    space_url,
)
from .rendering import render_page

View = Callable[..., HttpResponse]


def _wiki_view(view: View) -> View:
    """Signed-in only; any NotFound on the way is the ordinary 404 page (``core.middleware.ActionErrorMiddleware``)."""
    return login_required(view)


def _space(request: AuthedHttpRequest, slug: str | None) -> Community | None:
    if slug is None:
        return selectors.access_space(request.user, None)
    return selectors.access_community_space(request.user, slug)


def _page(request: AuthedHttpRequest, slug: str | None, page: str) -> WikiPage:
    return selectors.access_page_by_slug(request.user, _space(request, slug), page)


def _paginate(request: AuthedHttpRequest, items: Any, size: int) -> Page:
    return Paginator(items, size).get_page(request.GET.get("page"))


def _space_context(community: Community | None) -> dict[str, Any]:
    return {
        "community": community,
        "space_name": community.name if community is not None else _("Organisation"),
        "space_url": space_url(community),
        "place": "communities" if community is not None else "wiki",
    }


def _int(value: str | None) -> int | None:
    """A revision number from a form or query, or None for anything else (huge or odd digits included)."""
    return parse_id((value or "").strip())


def _preview(request: AuthedHttpRequest, community: Community | None, text: str) -> HttpResponse | None:
    """Answer a "Preview" press: the rendered text alone for htmx; None to show it in the full form."""
    if "preview" not in request.POST or not getattr(request, "htmx", False):
        return None
    try:
        html = render_page(actions.check_text(text), community).html
    except ActionError as exc:
        return refuse(request, exc)
    return render(request, "wiki/_preview.html", {"preview": html})


# --- spaces -------------------------------------------------------------------------

@_wiki_view
def index(request: AuthedHttpRequest, slug: str | None = None) -> HttpResponse:
    """A space's pages. The organisation's index also lists the reader's community wikis."""
    if slug is None and not space_readable_by(request.user, None):
        community: Community | None = None  # guests: only their communities' wikis
        pages: Any = WikiPage.objects.none()
    else:
        community = _space(request, slug)
        pages = selectors.pages_in_space(request.user, community)
    context = {
        **_space_context(community),
        "pages": _paginate(request, pages, selectors.PAGE_SIZE),
        "can_edit": space_editable_by(request.user, community),
        "org_readable": space_readable_by(request.user, None),
        "spaces": selectors.community_spaces(request.user) if slug is None else [],
    }
    return render(request, "wiki/index.html", context)


@_wiki_view
@require_http_methods(["GET", "POST"])
def new(request: AuthedHttpRequest, slug: str | None = None) -> HttpResponse:
    community = _space(request, slug)
    title = (request.POST.get("title") if request.method == "POST" else request.GET.get("title")) or ""
    if request.method == "GET" and title:
        # A "create this page" link whose page exists by now goes to the page.
        existing = selectors.find_by_title(request.user, community, normalise_title(title))
        if existing is not None:
            return HttpResponseRedirect(existing.get_absolute_url())
    try:
        actions.check_can_edit(request.user, community)
    except ActionError as exc:
        messages.error(request, str(exc.message))
        return HttpResponseRedirect(space_url(community))
    text = request.POST.get("text", "")
    summary = request.POST.get("summary", "")
    errors: dict[str, str] = {}
    preview_html = None
    if request.method == "POST":
        if (partial := _preview(request, community, text)) is not None:
            return partial
        try:  # a refusal is shown on the form, so what was typed stays
            if "preview" in request.POST:
                preview_html = render_page(actions.check_text(text), community).html
            else:
                page = actions.do_create_page(author=request.user, title=title, text=text, community=community,
                                              summary=summary)
                messages.success(request, _("The page “%(title)s” is created.") % {"title": page.title})
                return HttpResponseRedirect(page.get_absolute_url())
        except ActionError as exc:
            errors[exc.field or "form"] = str(exc.message)
    return render(request, "wiki/edit.html", {
        **_space_context(community), "creating": True, "title": title, "text": text, "summary": summary,
        "errors": errors, "preview": preview_html, "max_text": actions.MAX_TEXT, "max_title": MAX_TITLE,
        "form_url": space_url(community, "new"),
    }, status=400 if errors else 200)


# --- one page -------------------------------------------------------------------------

@_wiki_view
def page(request: AuthedHttpRequest, page: str, slug: str | None = None) -> HttpResponse:
    found = _page(request, slug, page)
    return render(request, "wiki/page.html", {
        **_space_context(found.community), "page": found, "revision": found.current,
        "backlinks": selectors.backlinks(request.user, found), "can_edit": found.editable_by(request.user),
    })


@_wiki_view
@require_http_methods(["GET", "POST"])
def edit(request: AuthedHttpRequest, page: str, slug: str | None = None) -> HttpResponse:
    found = _page(request, slug, page)
    try:
        actions.check_can_edit(request.user, found.community)
    except ActionError as exc:
        messages.error(request, str(exc.message))
        return HttpResponseRedirect(found.get_absolute_url())
    current = found.current
    assert current is not None
    text, summary, base = current.text, "", current.number
    errors: dict[str, str] = {}
    conflict = None
    preview_html = None
    status = 200
    if request.method == "POST":
        text, summary = request.POST.get("text", ""), request.POST.get("summary", "")
        base_value = _int(request.POST.get("base_revision"))
        if (partial := _preview(request, found.community, text)) is not None:
            return partial
        try:  # a refusal is shown on the form, so what was typed stays
            if base_value is None:
                raise ActionError(_("The form lost track of the revision you started from. Copy your text, "
                                    "reload the page and try again."), field="base_revision")
            base = base_value
            if "preview" in request.POST:
                preview_html = render_page(actions.check_text(text), found.community).html
            else:
                saved = actions.do_edit_page(page=found, author=request.user, text=text, base_revision=base,
                                             summary=summary)
                if saved.number == base:
                    messages.info(request, _("Nothing changed, so no new revision was saved."))
                else:
                    messages.success(request, _("Saved as revision %(number)d.") % {"number": saved.number})
                return HttpResponseRedirect(found.get_absolute_url())
        except actions.EditConflict as exc:
            # Their text stays in the box; the form now starts from the current
            # revision, so saving the merge goes through.
            conflict = {"current": exc.current, "diff": line_diff(exc.current.text, text), "theirs": text,
                        "message": str(exc.message)}
            base = exc.current.number
            status = 409
        except ActionError as exc:
            errors[exc.field or "form"] = str(exc.message)
            status = exc.status
    return render(request, "wiki/edit.html", {
        **_space_context(found.community), "page": found, "creating": False, "title": found.title, "text": text,
        "summary": summary, "base_revision": base, "errors": errors, "conflict": conflict, "preview": preview_html,
        "max_text": actions.MAX_TEXT, "max_title": MAX_TITLE, "form_url": found.url("edit"),
    }, status=status)


@_wiki_view
def history(request: AuthedHttpRequest, page: str, slug: str | None = None) -> HttpResponse:
    found = _page(request, slug, page)
    revisions = _paginate(request, selectors.history(found), selectors.HISTORY_PAGE_SIZE)
    return render(request, "wiki/history.html", {
        **_space_context(found.community), "page": found, "revisions": revisions,
        "can_edit": found.editable_by(request.user),
        "current_number": found.current.number if found.current else 0,
    })


@_wiki_view
def revision(request: AuthedHttpRequest, page: str, number: int, slug: str | None = None) -> HttpResponse:
    found = _page(request, slug, page)
    shown = selectors.revision(found, number)
    return render(request, "wiki/revision.html", {
        **_space_context(found.community), "page": found, "revision": shown,
        "is_current": found.current_id == shown.pk, "can_edit": found.editable_by(request.user),
    })


@_wiki_view
def diff(request: AuthedHttpRequest, page: str, slug: str | None = None) -> HttpResponse:
    """``?from=N&to=M``; by default the latest change (the previous revision to the current one)."""
    found = _page(request, slug, page)
    current = found.current.number if found.current else 1
    new_number = _int(request.GET.get("to")) or current
    old_number = _int(request.GET.get("from")) or max(1, new_number - 1)
    comparison = selectors.compare(found, old_number, new_number)
    return render(request, "wiki/diff.html", {
        **_space_context(found.community), "page": found, "comparison": comparison, "diff": comparison.diff,
        "sides": [comparison.old, comparison.new],
        "older_url": f"{found.url('diff')}?{urlencode({'from': max(1, old_number - 1), 'to': old_number})}"
        if old_number > 1 else None,
    })


@_wiki_view
@require_POST
def restore(request: AuthedHttpRequest, page: str, slug: str | None = None) -> HttpResponse:
    found = _page(request, slug, page)
    number = _int(request.POST.get("revision"))
    try:
        if number is None:
            raise NotFound(_("That revision does not exist."))
        restored = actions.do_restore_revision(page=found, author=request.user, number=number,
                                               summary=request.POST.get("summary", ""))
    except NotFound:
        raise  # the 404 page
    except ActionError as exc:  # back to the history, wherever the form was
        messages.error(request, str(exc.message))
        return HttpResponseRedirect(found.url("history"))
    messages.success(request, _("Revision %(old)d is restored as revision %(new)d.")
                     % {"old": number, "new": restored.number})
    return HttpResponseRedirect(found.get_absolute_url())
