from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from colony.core.fulltext import query_terms
from colony.core.ids import parse_id
from colony.core.typing import AuthedHttpRequest
from colony.social import selectors as social_selectors
from colony.social.search_index import Filters

from . import selectors

PAGE = 20


@login_required
def search(request: AuthedHttpRequest) -> HttpResponse:
    """One box; results grouped by posts, people, communities, hashtags and wiki pages."""
    query = request.GET.get("q", "")[:500]
    language = request.GET.get("language", "").strip().lower()[:8]
    page = max(1, min(parse_id(request.GET.get("page", "")) or 1, 20))  # not a number: the first page
    searched = bool(query_terms(query))
    hits = selectors.search_posts(request.user, query, Filters(language=language), limit=PAGE + 1,
                                  offset=(page - 1) * PAGE) if searched else []
    views = social_selectors.present(request.user, [h.post for h in hits[:PAGE]])
    context = {
        "query": query, "language": language, "searched": searched, "page": page,
        "results": list(zip(views, [h.snippet for h in hits[:PAGE]], strict=True)),
        "has_more": len(hits) > PAGE,
        "people": selectors.search_people(request.user, query, limit=8) if searched and page == 1 else [],
        "hashtags": selectors.search_hashtags(query, limit=10) if searched and page == 1 else [],
        "communities": selectors.search_communities(request.user, query, limit=8) if searched and page == 1 else [],
        "wiki_pages": selectors.search_wiki(request.user, query, limit=8) if searched and page == 1 else [],
        "place": "search",
    }
    return render(request, "search/index.html", context)
