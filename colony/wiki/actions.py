"""Writes for wiki pages: create, edit (with conflict detection), restore.

Each action checks everything before it writes and runs in one transaction,
so a refused request changes nothing. Every save appends a new immutable
revision, re-renders the page, refreshes its outgoing links and its search
entry.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from colony.communities.models import Community
from colony.core.errors import ActionError, Forbidden, NotFound
from colony.core.language import detect_language
from colony.people.models import User

from .models import (
    MAX_TITLE,
    WikiLink,
    WikiPage,
    WikiRevision,
    normalise_title,
    space_editable_by,
    space_readable_by,
)
from .rendering import render_page
from .search_index import wiki_index

# A long runbook fits many times over; a pasted log file does not.
MAX_TEXT = 100_000
MAX_SUMMARY = 200
# Words the URLs use next to page slugs.
RESERVED_SLUGS = {"new"}
_FORBIDDEN_IN_TITLES = set("[]|#<>{}\n\r\t")


class EditConflict(ActionError):
    """Someone saved the page after the editor started from ``base_revision``.

    ``current`` is the page's current revision, so the editor can merge.
    """

    status = 409
    code = "edit_conflict"

    def __init__(self, current: WikiRevision, base_revision: int):
        super().__init__(
            _("Someone saved this page (revision %(current)d) after you started editing revision %(base)d. "
              "Your text was not saved: merge it with the current version and save again.")
            % {"current": current.number, "base": base_revision},
            field="base_revision",
        )
        self.current = current
        self.base_revision = base_revision


# --- checks -------------------------------------------------------------------

def check_title(title: str | None) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ActionError(_("A wiki page needs a title."), code="empty_title", field="title")
    if len(title) > MAX_TITLE:
        raise ActionError(
            _("Titles are limited to %(limit)d characters.") % {"limit": MAX_TITLE}, code="too_long", field="title"
        )
    if _FORBIDDEN_IN_TITLES & set(title):
        raise ActionError(
            _("A title cannot contain these characters: [ ] | # < > { }"), code="invalid_title", field="title"
        )
    return title


def check_text(text: str | None) -> str:
    text = (text or "").replace("\r\n", "\n")
    if not text.strip():
        text = ""
    if len(text) > MAX_TEXT:
        raise ActionError(
            ngettext(
                "Wiki pages are limited to %(limit)d characters; this one has %(count)d character.",
                "Wiki pages are limited to %(limit)d characters; this one has %(count)d characters.",
                len(text),
            ) % {"limit": MAX_TEXT, "count": len(text)},
            code="too_long",
            field="text",
        )
    return text


def check_summary(summary: str | None) -> str:
    summary = " ".join((summary or "").split())
    if len(summary) > MAX_SUMMARY:
        raise ActionError(
            _("The summary is limited to %(limit)d characters.") % {"limit": MAX_SUMMARY},
            code="too_long", field="summary",
        )
    return summary


def check_can_edit(user: User, community: Community | None) -> None:
    """NotFound when ``user`` may not even read the space; Forbidden when they may read but not edit."""
    if not space_readable_by(user, community):
        raise NotFound(_("That wiki page does not exist or is not visible to you."))
    if not space_editable_by(user, community):
        if community is not None and community.is_archived:
            raise Forbidden(_("This community is archived: its wiki pages can be read but not edited."))
        if community is not None:
            raise Forbidden(_("Join the community to edit its wiki pages."))
        raise Forbidden(_("You cannot edit the organisation's wiki pages."))


def _duplicate(title: str) -> ActionError:
    return ActionError(
        _("There is already a page called “%(title)s” here.") % {"title": title},
        code="duplicate_title", field="title",
    )


def _unique_slug(title: str, community: Community | None) -> str:
    base = slugify(title, allow_unicode=True)[:MAX_TITLE] or "page"
    taken = set(WikiPage.objects.in_space(community).filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- the shared steps of every save -----------------------------------------------

def _save_revision(*, page: WikiPage, author: User, text: str, summary: str, number: int,
                   restored_from: int | None = None) -> WikiRevision:
    rendered = render_page(text, page.community)
    revision = WikiRevision.objects.create(
        page=page, number=number, author=author, summary=summary, text=text, html=rendered.html,
        restored_from=restored_from,
    )
    page.current = revision
    page.html = rendered.html
    page.updated_at = revision.created_at
    page.save(update_fields=["current", "html", "updated_at"])
    keys = [k for k in rendered.links if k != page.title_key]
    WikiLink.objects.filter(source=page).exclude(target_key__in=keys).delete()
    WikiLink.objects.bulk_create([WikiLink(source=page, target_key=k) for k in keys], ignore_conflicts=True)
    # Language detection reads a sample: enough to choose a stemmer.
    wiki_index().index(page.pk, page.title, text, detect_language(f"{page.title}\n{text[:2000]}"))
    return revision


def _refresh_pages_linking_to(page: WikiPage) -> None:
    """Pages that linked to this title before it existed now get a plain link, not "create"."""
    linking = (
        WikiPage.objects.in_space(page.community).filter(links_out__target_key=page.title_key)
        .exclude(pk=page.pk).select_related("current", "community")
    )
    for source in linking:
        html = render_page(source.current.text if source.current else "", source.community).html
        if html != source.html:
            WikiPage.objects.filter(pk=source.pk).update(html=html)


# --- actions ------------------------------------------------------------------------

@transaction.atomic
def do_create_page(*, author: User, title: str, text: str, community: Community | None = None,
                   summary: str = "") -> WikiPage:
    """Create a page in ``community``'s space (the organisation's when None) with its revision 1.

    Preconditions: none beyond the arguments; the author must be allowed to
    edit the space (organisation: anyone but guests; community: members).
    """
    check_can_edit(author, community)
    title = check_title(title)
    text = check_text(text)
    summary = check_summary(summary)
    key = normalise_title(title)
    if WikiPage.objects.in_space(community).filter(title_key=key).exists():
        raise _duplicate(title)
    now = timezone.now()
    try:
        with transaction.atomic():  # a savepoint: a racing duplicate leaves nothing behind
            page = WikiPage.objects.create(
                community=community, title=title, title_key=key, slug=_unique_slug(title, community),
                created_by=author, created_at=now, updated_at=now,
            )
    except IntegrityError:
        raise _duplicate(title) from None
    _save_revision(page=page, author=author, text=text, summary=summary, number=1)
    _refresh_pages_linking_to(page)
    return page


def _locked_current(page: WikiPage) -> WikiRevision:
    """The page's current revision, with the page row locked until the transaction ends."""
    locked = WikiPage.objects.select_for_update().filter(pk=page.pk).first()
    if locked is None or locked.current_id is None:
        raise NotFound(_("That wiki page does not exist or is not visible to you."))
    return WikiRevision.objects.get(pk=locked.current_id)


@transaction.atomic
def do_edit_page(*, page: WikiPage, author: User, text: str, base_revision: int,
                 summary: str = "") -> WikiRevision:
    """Save ``text`` as the page's next revision.

    ``base_revision`` is the number of the revision the editor started from.
    When someone saved in between, nothing is written and ``EditConflict``
    (HTTP 409) carries the current revision so the editor can merge. Saving
    the current text again changes nothing and returns the current revision.
    """
    check_can_edit(author, page.community)
    text = check_text(text)
    summary = check_summary(summary)
    current = _locked_current(page)
    if base_revision != current.number:
        raise EditConflict(current, base_revision)
    if text == current.text:
        return current
    return _save_revision(page=page, author=author, text=text, summary=summary, number=current.number + 1)


@transaction.atomic
def do_restore_revision(*, page: WikiPage, author: User, number: int, summary: str = "") -> WikiRevision:
    """Bring back revision ``number``'s text as a new revision noting "restored revision N".

    Nothing is lost: the revisions in between stay in the history.
    """
    check_can_edit(author, page.community)
    summary = check_summary(summary)
    old = WikiRevision.objects.filter(page=page, number=number).first()
    if old is None:
        raise NotFound(_("That revision does not exist."))
    current = _locked_current(page)
    if old.number == current.number or old.text == current.text:
        raise ActionError(_("Revision %(number)d has the same text as the current one: there is nothing to restore.")
                          % {"number": old.number}, code="nothing_to_restore")
    return _save_revision(page=page, author=author, text=old.text, summary=summary, number=current.number + 1,
                          restored_from=old.number)
