from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router
from pydantic import BaseModel

from colony.communities.actions import access_community
from colony.communities.api import CommunityOut, community_out
from colony.communities.models import Membership
from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.people.actions import access_person
from colony.people.api import PersonOut
from colony.social import selectors as social_selectors
from colony.social.api import PostOut
from colony.social.search_index import Filters
from colony.wiki.api import PageSummaryOut, page_summary_out

from . import selectors

router = Router(tags=["search"])


class PostHitOut(BaseModel):
    post: PostOut
    snippet: str


class HashtagHitOut(BaseModel):
    name: str
    posts: int


class WikiHitOut(BaseModel):
    page: PageSummaryOut
    snippet: str


class SearchOut(BaseModel):
    query: str
    type: str
    posts: list[PostHitOut] = []
    people: list[PersonOut] = []
    hashtags: list[HashtagHitOut] = []
    communities: list[CommunityOut] = []
    wiki: list[WikiHitOut] = []


def _day(value: date | None, *, end: bool = False) -> datetime | None:
    """The start of ``value`` (of the day after, for an inclusive ``end``); None for no bound.

    Any calendar date is taken: one before or after the range of ids is
    clamped to it (``id_floor``), so 0001-01-01 means "from the beginning".
    """
    if value is None or (end and value == date.max):
        return None
    moment = datetime.combine(value, time.min, tzinfo=timezone.get_current_timezone())
    return moment + timedelta(days=1) if end else moment


@router.get("/search", response=SearchOut, summary="Search posts, people, communities, hashtags and wiki pages")
def search(
    request: AuthedHttpRequest,
    q: str = "",
    type: Literal["all", "posts", "people", "communities", "hashtags", "wiki"] = "all",
    author: str = "",
    community: int | None = None,
    language: str = "",
    since: date | None = None,
    until: date | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """Results only ever include what the searcher may see. Dates are inclusive days."""
    limit = max(1, min(limit, 40))
    offset = max(0, min(offset, 400))
    if since and until and since > until:
        raise ActionError(_("The start date is after the end date."), field="since")
    out: dict[str, Any] = {"query": q, "type": type}
    if type in ("all", "posts"):
        filters = Filters(
            author_id=access_person(author, viewer=request.user).pk if author else None,
            community_id=access_community(request.user, community).pk if community is not None else None,
            language=language.strip().lower()[:8], since=_day(since), until=_day(until, end=True),
        )
        hits = selectors.search_posts(request.user, q, filters, limit=limit, offset=offset)
        views = social_selectors.present(request.user, [h.post for h in hits])
        out["posts"] = [{"post": PostOut.of(v), "snippet": h.snippet} for v, h in zip(views, hits, strict=True)]
    if type in ("all", "people"):
        people = selectors.search_people(request.user, q, limit=limit)
        out["people"] = [PersonOut.of(p) for p in people.prefetch_related("skills", "languages").select_related("manager")]
    if type in ("all", "communities"):
        roles = dict(Membership.objects.filter(user=request.user).values_list("community_id", "role"))
        out["communities"] = [community_out(c, roles.get(c.pk))
                              for c in selectors.search_communities(request.user, q, limit=limit)]
    if type in ("all", "hashtags"):
        out["hashtags"] = [{"name": n, "posts": c} for n, c in selectors.search_hashtags(q, limit=limit)]
    if type in ("all", "wiki"):
        out["wiki"] = [{"page": page_summary_out(hit.page), "snippet": hit.snippet}
                       for hit in selectors.search_wiki(request.user, q, limit=limit, offset=offset)]
    return out
