"""Turn what people type into safe HTML, once, when it is written.

Markdown goes through markdown-it-py with raw HTML switched off, then the
result goes through nh3 (the Ammonia sanitiser) with a short allow-list, so a
script tag or a ``javascript:`` link cannot survive either layer. @mentions
and #hashtags become links here; URLs are auto-linked but never fetched.
Rendering happens at write time and the HTML is stored, so a timeline page
never parses Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

HANDLE_PATTERN = r"[A-Za-z0-9_]{1,30}"
_MENTION = re.compile(r"@(" + HANDLE_PATTERN + r")(?![A-Za-z0-9_])")
# A hashtag is a run of letters, digits and underscores with at least one letter.
_HASHTAG = re.compile(r"#(\w{0,63}[^\W\d_]\w{0,63})", re.UNICODE)
_BOUNDARY_BEFORE = set(" \t\n([{\"'“‘«>/*_~")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "class", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

MentionResolver = Callable[[str], str | None]


@dataclass
class Rendered:
    html: str
    mentions: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)


def normalise_hashtag(tag: str) -> str:
    return tag.casefold()


def _at_boundary(state: StateInline) -> bool:
    return state.pos == 0 or state.src[state.pos - 1] in _BOUNDARY_BEFORE


def _push_link(state: StateInline, href: str, css: str, label: str) -> None:
    token = state.push("link_open", "a", 1)
    token.attrs = {"href": href, "class": css}
    text = state.push("text", "", 0)
    text.content = label
    state.push("link_close", "a", -1)


def _mention_rule(resolve: MentionResolver, found: list[str]):
    def rule(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != "@" or not _at_boundary(state):
            return False
        match = _MENTION.match(state.src, state.pos, state.posMax)
        if not match:
            return False
        handle = match.group(1).lower()
        href = resolve(handle)
        if href is None:
            return False
        if not silent:
            if handle not in found:
                found.append(handle)
            _push_link(state, href, "mention", "@" + match.group(1))
        state.pos = match.end()
        return True

    return rule


def _hashtag_rule(found: list[str]):
    def rule(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != "#" or not _at_boundary(state):
            return False
        match = _HASHTAG.match(state.src, state.pos, state.posMax)
        if not match:
            return False
        tag = normalise_hashtag(match.group(1))
        if not silent:
            if tag not in found:
                found.append(tag)
            _push_link(state, f"/tags/{tag}", "hashtag", "#" + match.group(1))
        state.pos = match.end()
        return True

    return rule


def _parser(resolve: MentionResolver, mentions: list[str], hashtags: list[str]) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True})
    md.enable(["linkify", "strikethrough", "table"])
    md.disable("image")  # pictures come as validated attachments, never remote URLs
    md.inline.ruler.before("emphasis", "mention", _mention_rule(resolve, mentions))
    md.inline.ruler.before("emphasis", "hashtag", _hashtag_rule(hashtags))
    return md


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def render_markdown(text: str, resolve_mention: MentionResolver | None = None) -> Rendered:
    """Render ``text``; ``resolve_mention(handle)`` gives a profile URL or None."""
    mentions: list[str] = []
    hashtags: list[str] = []
    md = _parser(resolve_mention or (lambda _h: None), mentions, hashtags)
    return Rendered(html=sanitise(md.render(text)), mentions=mentions, hashtags=hashtags)


def extract_mentions(text: str) -> list[str]:
    """Handles that look mentioned in ``text``, in order, without rendering."""
    seen: dict[str, None] = {}
    for match in _MENTION.finditer(text):
        start = match.start()
        if start and text[start - 1] not in _BOUNDARY_BEFORE:
            continue
        seen.setdefault(match.group(1).lower(), None)
    return list(seen)
