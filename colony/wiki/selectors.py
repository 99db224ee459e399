"""Reads for wiki pages. Every page read starts from ``WikiPage.objects.visible_to``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from colony.communities.models import Community
from colony.core.errors import NotFound
from colony.people.models import User

from .diff import Diff, line_diff
from .models import WikiPage, WikiRevision, space_readable_by

PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 50
MAX_BACKLINKS = 200


def not_found() -> NotFound:
    return NotFound(_("That wiki page does not exist or is not visible to you."))


def access_space(user: User, community: Community | None) -> Community | None:
    """The space if ``user`` may read it; NotFound otherwise (closed and secret communities included)."""
    if not space_readable_by(user, community):
        raise not_found()
    return community


def access_community_space(user: User, slug: str) -> Community:
    """A community's wiki space by the community's slug."""
    community = Community.objects.filter(slug=slug).first()
    if community is None or not space_readable_by(user, community):
        raise not_found()
    return community


def access_page(user: User, page_id: int | str) -> WikiPage:
    """The page if ``user`` may read it; the same NotFound whether it is missing or hidden."""
    try:
        pk = int(page_id)
    except (TypeError, ValueError):
        raise not_found() from None
    page = WikiPage.objects.visible_to(user).select_related("community", "current", "current__author").filter(pk=pk).first()
    if page is None:
        raise not_found()
    return page


def access_page_by_slug(user: User, community: Community | None, slug: str) -> WikiPage:
    page = (
        WikiPage.objects.visible_to(user).in_space(community).select_related("community", "current", "current__author")
        .filter(slug=slug).first()
    )
    if page is None:
        raise not_found()
    return page


def find_by_title(user: User, community: Community | None, key: str) -> WikiPage | None:
    return WikiPage.objects.visible_to(user).in_space(community).select_related("community").filter(title_key=key).first()


def pages_in_space(user: User, community: Community | None) -> QuerySet[WikiPage]:
    """The pages of a space the user may read, by title, with who saved them last."""
    return (
        WikiPage.objects.visible_to(user).in_space(community)
        .select_related("community", "current", "current__author").order_by("title_key")
    )


def community_spaces(user: User) -> QuerySet[Community]:
    """Communities the user belongs to, with how many wiki pages each has."""
    return (
        Community.objects.filter(memberships__user_id=user.pk)
        .annotate(wiki_page_count=Count("wiki_pages", distinct=True)).order_by("name")
    )


def backlinks(user: User, page: WikiPage) -> list[WikiPage]:
    """Pages in the same space whose current text links to ``page`` ("Pages that link here")."""
    return list(
        WikiPage.objects.visible_to(user).in_space(page.community)
        .filter(links_out__target_key=page.title_key).exclude(pk=page.pk)
        .select_related("community").order_by("title_key").distinct()[:MAX_BACKLINKS]
    )


def history(page: WikiPage) -> QuerySet[WikiRevision]:
    """Every revision of a page, newest first. The caller has checked that the reader may see the page."""
    return page.revisions.select_related("author").order_by("-number")


def revision(page: WikiPage, number: int | str) -> WikiRevision:
    try:
        wanted = int(number)
    except (TypeError, ValueError):
        raise NotFound(_("That revision does not exist.")) from None
    found = page.revisions.select_related("author").filter(number=wanted).first()
    if found is None:
        raise NotFound(_("That revision does not exist."))
    return found


@dataclass
class Comparison:
    old: WikiRevision
    new: WikiRevision
    diff: Diff


def compare(page: WikiPage, old_number: int | str, new_number: int | str) -> Comparison:
    """The line diff between two revisions of ``page``, in the order asked."""
    old, new = revision(page, old_number), revision(page, new_number)
    return Comparison(old=old, new=new, diff=line_diff(old.text, new.text))
