"""Search for people, posts, hashtags, communities and wiki pages, filtered by what the searcher may see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Count, Q, QuerySet
from django.utils.html import escape

from colony.communities.models import Community
from colony.communities.selectors import directory as community_directory
from colony.core.fulltext import MARK_END, MARK_START, query_terms
from colony.people.models import User
from colony.people.selectors import directory
from colony.social.models import Hashtag, Post
from colony.social.search_index import Filters, Hit, post_index
from colony.wiki.models import WikiPage
from colony.wiki.search_index import WikiHit, wiki_index

ROUNDS = 4  # bounded: at most this many batches of candidates per page
H = TypeVar("H")  # an index hit
M = TypeVar("M")  # the row it stands for


@dataclass
class PostResult:
    post: Post
    snippet: str  # safe HTML with <mark> around the matches


def highlight(snippet: str) -> str:
    return escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def search_posts(viewer: User, query: str, filters: Filters | None = None, *, limit: int = 20,
                 offset: int = 0) -> list[PostResult]:
    """Ranked posts matching every word of ``query`` that ``viewer`` may see.

    The index returns candidates by rank; each batch goes through
    ``Post.objects.visible_to`` so a result can never leave its audience.
    """
    terms = query_terms(query)
    if not terms:
        return []
    filters = filters or Filters()
    index = post_index()

    def visible(hits: list[Hit]) -> dict[int, Post]:
        rows = Post.objects.visible_to(viewer).filter(id__in=[h.post_id for h in hits]).select_related("author")
        return {p.pk: p for p in rows}

    found = _visible_in_rank_order(
        lambda size, start: index.match(terms, filters, limit=size, offset=start), visible,
        lambda hit: hit.post_id, limit=limit, offset=offset,
    )
    return [PostResult(post=post, snippet=highlight(hit.snippet)) for post, hit in found]


def _visible_in_rank_order(
    match: Callable[[int, int], list[H]], visible: Callable[[list[H]], dict[int, M]], key: Callable[[H], int],
    *, limit: int, offset: int,
) -> list[tuple[M, H]]:
    """Walk an index's hits by rank in growing batches, keeping only what the reader may see.

    ``match(size, start)`` gives the next hits; ``visible(hits)`` maps the ids
    the reader may see to their rows. At most ``ROUNDS`` batches are read, so
    a query that matches many hidden objects stays bounded.
    """
    results: list[tuple[M, H]] = []
    skipped = cursor = 0
    batch = max(limit * 2, 20)
    for _round in range(ROUNDS):
        hits = match(batch, cursor)
        cursor += len(hits)
        if not hits:
            break
        rows = visible(hits)
        for hit in hits:
            row = rows.get(key(hit))
            if row is None:
                continue
            if skipped < offset:
                skipped += 1
                continue
            results.append((row, hit))
            if len(results) >= limit:
                return results
        if len(hits) < batch:
            break
        batch *= 2
    return results


def search_people(viewer: User, query: str, *, limit: int = 20) -> QuerySet[User]:
    """People by name, handle, title, team or skill."""
    terms = query_terms(query)
    if not terms:
        return User.objects.none()
    qs = directory(viewer=viewer)
    for term in terms:
        qs = qs.filter(
            Q(username__icontains=term) | Q(display_name__icontains=term) | Q(title__icontains=term)
            | Q(team__name__icontains=term) | Q(skills__name__icontains=term)
        )
    return qs.distinct()[:limit]


def search_communities(viewer: User, query: str, *, limit: int = 20) -> QuerySet[Community]:
    """Communities the viewer may know about (never someone else's secret one), by name or description."""
    terms = query_terms(query)
    if not terms:
        return Community.objects.none()
    qs = community_directory(viewer)
    for term in terms:
        qs = qs.filter(Q(name__icontains=term) | Q(description__icontains=term))
    return qs[:limit]


def search_hashtags(query: str, *, limit: int = 20) -> list[tuple[str, int]]:
    """Hashtags starting with the query's first word, most used first, with their post counts."""
    terms = query_terms(query.lstrip("#"))
    if not terms:
        return []
    rows = (
        Hashtag.objects.filter(name__startswith=terms[0])
        # Counted over organisation posts only: a count must not hint at hidden posts.
        .annotate(uses=Count("posthashtag", filter=Q(posthashtag__post__visibility="organisation",
                                                      posthashtag__post__community__isnull=True,
                                                      posthashtag__post__deleted_at__isnull=True)))
        .filter(uses__gt=0)  # a tag used only in hidden posts stays hidden too
        .order_by("-uses", "name")[:limit]
    )
    return [(tag.name, tag.uses) for tag in rows]


@dataclass
class WikiResult:
    page: WikiPage
    snippet: str  # safe HTML with <mark> around the matches


def search_wiki(viewer: User, query: str, *, limit: int = 20, offset: int = 0) -> list[WikiResult]:
    """Ranked wiki pages matching every word of ``query`` that ``viewer`` may read.

    Like posts, candidates come from the index by rank and each batch goes
    through ``WikiPage.objects.visible_to``: a page never leaves its space.
    """
    terms = query_terms(query)
    if not terms:
        return []
    index = wiki_index()

    def visible(hits: list[WikiHit]) -> dict[int, WikiPage]:
        rows = WikiPage.objects.visible_to(viewer).filter(id__in=[h.page_id for h in hits]).select_related(
            "community", "current", "current__author")
        return {p.pk: p for p in rows}

    found = _visible_in_rank_order(
        lambda size, start: index.match(terms, limit=size, offset=start), visible,
        lambda hit: hit.page_id, limit=limit, offset=offset,
    )
    return [WikiResult(page=page, snippet=highlight(hit.snippet)) for page, hit in found]
