from __future__ import annotations

from django import template

from colony.communities.models import Community
from colony.wiki.models import WikiPage, space_url

register = template.Library()


@register.filter
def wiki_url(page: WikiPage, action: str = "") -> str:
    """``{{ page|wiki_url:"history" }}``: one of a page's URLs."""
    return page.url(action)


@register.simple_tag
def wiki_revision_url(page: WikiPage, number: int) -> str:
    return page.url("revision", number)


@register.simple_tag
def wiki_space_url(community: Community | None, action: str = "") -> str:
    """A space's index (``""``) or new-page (``"new"``) URL; the organisation's when ``community`` is None."""
    return space_url(community, action)
