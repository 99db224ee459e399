"""Wiki Markdown: the same safe pipeline as posts, plus ``[[Page name]]`` links.

markdown-it-py with raw HTML off, then nh3 through ``colony.core.html.sanitise``
(the allow-list posts use). ``[[Page name]]`` and ``[[Page name|label]]``
link to the page of that title in the same space; a title with no page yet
becomes a "create this page" link (class ``wikilink missing``). Targets are
looked up once per render, not once per link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from colony.core.html import sanitise

from .models import MAX_TITLE, WikiPage, normalise_title, space_url

if TYPE_CHECKING:
    from colony.communities.models import Community

# [[target]] or [[target|label]] on one line; no brackets inside.
_LINK = re.compile(rf"\[\[([^\[\]\n|]{{1,{MAX_TITLE * 2}}})(?:\|([^\[\]\n]{{1,200}}))?\]\]")

# key -> (href, exists)
Resolver = Callable[[str, str], tuple[str, bool]]


@dataclass
class RenderedPage:
    html: str
    # Normalised titles this text links to, in order of first appearance.
    links: list[str] = field(default_factory=list)


def link_keys(text: str) -> set[str]:
    """Every title that looks linked in ``text`` (a superset: code spans included)."""
    return {key for match in _LINK.finditer(text) if (key := normalise_title(match.group(1)))}


def _wikilink_rule(resolve: Resolver, found: list[str]):  # type: ignore[no-untyped-def]
    def rule(state: StateInline, silent: bool) -> bool:
        if not state.src.startswith("[[", state.pos):
            return False
        match = _LINK.match(state.src, state.pos, state.posMax)
        if not match:
            return False
        target = " ".join(match.group(1).split())
        key = normalise_title(target)
        if not key:
            return False
        if not silent:
            label = " ".join((match.group(2) or target).split()) or target
            href, exists = resolve(key, target)
            if key not in found:
                found.append(key)
            token = state.push("link_open", "a", 1)
            token.attrs = {"href": href, "class": "wikilink" if exists else "wikilink missing"}
            text = state.push("text", "", 0)
            text.content = label
            state.push("link_close", "a", -1)
        state.pos = match.end()
        return True

    return rule


def _parser(resolve: Resolver, found: list[str]) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    md.enable(["linkify", "strikethrough", "table"])
    md.disable("image")  # as in posts: no remote pictures
    md.inline.ruler.before("link", "wikilink", _wikilink_rule(resolve, found))
    return md


def render_page(text: str, community: Community | None) -> RenderedPage:
    """Render ``text`` as a page of ``community``'s space (the organisation when None)."""
    keys = link_keys(text)
    existing: dict[str, WikiPage] = {}
    if keys:
        pages = WikiPage.objects.in_space(community).filter(title_key__in=keys).select_related("community")
        existing = {p.title_key: p for p in pages}
    create_url = space_url(community, "new")

    def resolve(key: str, target: str) -> tuple[str, bool]:
        page = existing.get(key)
        if page is not None:
            return page.get_absolute_url(), True
        return f"{create_url}?{urlencode({'title': target})}", False

    found: list[str] = []
    html = sanitise(_parser(resolve, found).render(text))
    return RenderedPage(html=html, links=found)
