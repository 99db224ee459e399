"""Post length, counted the way each network counts, and shortening to fit.

- Colony and LinkedIn count characters (code points).
- Mastodon counts grapheme clusters; every link counts 23 and a remote
  mention ``@name@server`` counts as ``@name`` (StatusLengthValidator).
- X weighs characters (twitter-text v3): code points 0-4351, 8192-8205,
  8208-8223 and 8242-8247 weigh 1, everything else 2; links (bare domains
  too) count 23; an emoji sequence counts 2 however many code points it has.
  Each character is NFC-normalised first, as twitter-text does.
- Bluesky counts grapheme clusters, links included as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from django.utils.translation import gettext

from .base import Finding, check_channel
from .text import (
    BARE_DOMAIN,
    PICTOGRAPHIC,
    URL,
    cluster_tail,
    grapheme_pattern,
    is_emoji,
    sentences,
)

LIMITS = {"colony": 5000, "mastodon": 500, "x": 280, "linkedin": 3000, "bluesky": 300}
NAMES = {"colony": "Colony", "mastodon": "Mastodon", "x": "X", "linkedin": "LinkedIn", "bluesky": "Bluesky"}
LINK_WEIGHT = 23
ELLIPSIS = "…"

_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_X_HEAVY = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")
_MENTION = r"(?<![=/\w])@(?P<user>[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)@[\w.-]*\w"


@cache
def _tokens(channel: str) -> re.Pattern[str]:
    """One scanner per channel: links and mentions first, then one grapheme at a time."""
    g = grapheme_pattern().pattern
    if channel == "mastodon":
        return re.compile(rf"(?P<url>{URL.pattern})|{_MENTION}|{g}", re.IGNORECASE | re.DOTALL)
    if channel == "x":
        return re.compile(rf"(?P<url>{URL.pattern}|{BARE_DOMAIN.pattern})|{g}", re.IGNORECASE | re.DOTALL)
    return re.compile(g, re.DOTALL)


def _x_weight(cluster: str) -> int:
    if is_emoji(cluster):
        return 2
    total = 0
    for ch in unicodedata.normalize("NFC", cluster):
        cp = ord(ch)
        total += 1 if any(lo <= cp <= hi for lo, hi in _X_LIGHT) else 2
    return total


def _units(text: str, channel: str) -> Iterator[tuple[int, int]]:
    """(end index, weight) of each counted unit, in order (graphemes, links, mentions)."""
    for m in _tokens(channel).finditer(text):
        groups = m.groupdict()
        if groups.get("url"):
            yield m.end(), LINK_WEIGHT
        elif groups.get("user"):
            yield m.end(), 1 + len(groups["user"])
        elif channel == "x":
            yield m.end(), _x_weight(m.group(0))
        else:
            yield m.end(), 1


def measure_length(text: str, channel: str) -> tuple[int, int]:
    """(used, limit) for ``text`` on ``channel``, counted as that network counts."""
    check_channel(channel)
    limit = LIMITS[channel]
    if channel in ("colony", "linkedin"):
        return len(text), limit
    if channel == "bluesky":
        return len(grapheme_pattern().findall(text)), limit
    # Links and mentions are rare; between them, whole runs of text are counted by
    # regexes in C rather than grapheme by grapheme (a 100,000-character paste stays fast).
    plain = _x_plain if channel == "x" else _graphemes
    used, pos = 0, 0
    for m in _entities(channel).finditer(text):
        used += plain(text[pos:m.start()]) + (LINK_WEIGHT if m.group("url") else 1 + len(m.group("user")))
        pos = m.end()
    return used + plain(text[pos:]), limit


def _graphemes(text: str) -> int:
    return len(grapheme_pattern().findall(text)) if text else 0


def _x_plain(text: str) -> int:
    """twitter-text's weight of text without links: emoji 2, light code points 1, the rest 2."""
    if not text:
        return 0
    text = unicodedata.normalize("NFC", text)
    emoji = _emoji_pattern()
    n_emoji = len(emoji.findall(text))
    rest = emoji.sub("", text) if n_emoji else text
    return 2 * n_emoji + len(rest) + len(_X_HEAVY.findall(rest))


@cache
def _entities(channel: str) -> re.Pattern[str]:
    if channel == "mastodon":
        return re.compile(rf"(?P<url>{URL.pattern})|{_MENTION}", re.IGNORECASE)
    return re.compile(rf"(?P<url>{URL.pattern}|{BARE_DOMAIN.pattern})(?P<user>(?!))?", re.IGNORECASE)


@cache
def _emoji_pattern() -> re.Pattern[str]:
    """Grapheme clusters that are emoji, matching ``is_emoji`` (flags, keycaps, pictographs)."""
    high = PICTOGRAPHIC.replace("\u00a9\u00ae\u203c\u2049\u2122", "")
    return re.compile(
        rf"(?:[\U0001F1E6-\U0001F1FF]{{2}}|[0-9#*]\ufe0f?\u20e3|[\u00a9\u00ae\u203c\u2049\u2122]\ufe0f|[{high}]){cluster_tail()}",
        re.DOTALL,
    )


def fits_before(text: str, channel: str, budget: int) -> int:
    """The longest prefix length (a unit boundary) whose count is at most ``budget``."""
    if channel in ("colony", "linkedin"):
        return min(len(text), max(budget, 0))
    used, end = 0, 0
    for unit_end, weight in _units(text, channel):
        if used + weight > budget:
            return end
        used += weight
        end = unit_end
    return end


def length_findings(text: str, channel: str) -> tuple[int, int, list[Finding]]:
    used, limit = measure_length(text, channel)
    name = NAMES[channel]
    if used > limit:
        cut = fits_before(text, channel, limit)
        message = gettext("%(over)d over the %(network)s limit of %(limit)d.") % {
            "over": used - limit, "network": name, "limit": limit}
        return used, limit, [Finding("length", "block", cut, len(text), message, shorten(text, channel))]
    if used >= limit * 0.9:
        message = gettext("Close to the %(network)s limit: %(used)d of %(limit)d.") % {
            "network": name, "used": used, "limit": limit}
        return used, limit, [Finding("length", "warn", len(text), len(text), message)]
    return used, limit, []


def shorten(text: str, channel: str) -> str:
    """A version of ``text`` that fits ``channel``.

    Whole sentences are dropped from the end; when that would keep less than
    half the room (one long sentence), the text is cut at a word boundary and
    ends with "…". Links are never cut in half, and a link that closes the
    post (the usual "read more") is kept when it fits.
    """
    used, limit = measure_length(text, channel)
    if used <= limit:
        return text
    # Nothing past the point where the limit runs out can be kept; working on
    # that head keeps a 100,000-character text as cheap as a short one.
    head_end = fits_before(text, channel, limit)
    body, tail = text, ""
    trailing = _trailing_links(text)
    if trailing is not None:
        candidate = " " + text[trailing:].strip()
        tail_used = measure_length(candidate, channel)[0]
        if tail_used <= limit // 2:
            body, tail = text[:trailing].rstrip(), candidate
            head_end = min(head_end, len(body))
            limit -= tail_used
    short = _fit(body, channel, limit, head_end)
    result = (short + tail).strip() if short else tail.strip()
    # A last guard: whatever the heuristics did, the answer must fit.
    while measure_length(result, channel)[0] > LIMITS[channel] and result:
        result = result[: fits_before(result, channel, LIMITS[channel] - 1)].rstrip()
    return result


def _trailing_links(text: str) -> int | None:
    """Where the run of links that ends the text starts, if it ends with links."""
    stripped = text.rstrip()
    start = None
    for m in URL.finditer(stripped, max(0, len(stripped) - 2000)):
        if m.end() == len(stripped):
            start = m.start()
    if start is None:
        return None
    # Take a short lead-in ("Read more:") along, back to the end of the previous sentence or line.
    lead = stripped[max(0, start - 30):start]
    ends = [m.end() for m in re.finditer(r"[.!?…]\s+|\n", lead)]
    if ends:
        start = start - len(lead) + ends[-1]
    elif start <= 30:
        start = 0
    return start if start > 0 else None


def _fit(text: str, channel: str, budget: int, head_end: int) -> str:
    head_end = min(head_end, fits_before(text, channel, budget))
    # Only sentences that really end (with a boundary) inside the part that fits.
    whole = [end for _, end in sentences(text[: head_end + 1], tail=False) if end <= head_end]
    if whole and whole[-1] * 2 >= head_end:
        return text[: whole[-1]]
    mark_weight = measure_length(" " + ELLIPSIS, channel)[0]  # room for " …" after a link
    cut = fits_before(text, channel, budget - mark_weight)
    space = max(text.rfind(" ", 0, cut + 1), text.rfind("\n", 0, cut + 1))
    # Cut at the last space if it keeps at least half; otherwise (CJK, one long word) anywhere but inside a link.
    cut = space if space > cut // 2 else _outside_link(text, cut)
    if cut <= 0 and whole:
        return text[: whole[-1]]
    if cut <= 0:
        return ""
    kept = text[:cut].rstrip()
    # A "…" glued to a link would read as part of it.
    return kept + (" " + ELLIPSIS if _ends_with_link(kept) else ELLIPSIS)


def _ends_with_link(text: str) -> bool:
    tail = text[-4000:]
    return any(m.end() == len(tail) for m in URL.finditer(tail))


def _outside_link(text: str, cut: int) -> int:
    """Move a cut that falls inside a link to just before it (a link is never cut in half)."""
    for m in URL.finditer(text, max(0, cut - 4000), min(len(text), cut + 4000)):
        if m.start() < cut < m.end():
            return m.start() if m.start() > 0 else cut
    return cut
