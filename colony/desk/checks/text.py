"""Text plumbing shared by the checks: invisible characters, sentences, links, graphemes.

Every check reads a *cleaned* copy of the text with zero-width characters
removed, because ``conf\u200bidential`` is the cheapest way to slip a word
past a word list. Findings are computed on the cleaned copy and mapped back
to the writer's own string, so spans always point into what they typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Zero-width space/non-joiner/joiner, word joiner, BOM and the soft hyphen: all
# invisible, all able to split a word in two for a regex.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Cleaned:
    text: str
    original: str
    # offsets[i] is the index in ``original`` of cleaned character i; None when nothing was removed.
    offsets: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text of cleaned characters ``start:end``."""
        if self.offsets is None:
            return start, end
        n = len(self.offsets)
        if n == 0:
            return 0, 0
        s = self.offsets[start] if start < n else len(self.original)
        e = self.offsets[end - 1] + 1 if end > start else s
        return s, e


def clean(text: str) -> Cleaned:
    if not _INVISIBLE.search(text):
        return Cleaned(text, text, None)
    keep = [i for i, ch in enumerate(text) if not _INVISIBLE.match(ch)]
    return Cleaned("".join(text[i] for i in keep), text, tuple(keep))


# --- links ---------------------------------------------------------------------------

# A link runs to the next space; trailing punctuation belongs to the sentence,
# except a closing bracket that closes one opened inside the link (Wikipedia).
URL = re.compile(
    r"https?://(?:\([^\s()<>]*\)|[^\s()<>\"“”«»])*(?:\([^\s()<>]*\)|[^\s()<>\"“”«».,;:!?'’…\]}])",
    re.IGNORECASE,
)
# X also links bare domains (twitter-text does, with its list of TLDs); the
# common ones are enough to avoid counting "colony.org" as 10 instead of 23.
BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|io|co|ai|app|dev|info|biz|edu|gov|me|tv|nl|id|it|ru|de|fr|es|eu|uk|us|be|ch|at)"
    r"(?![\w-])(?:/[^\s]*[^\s.,;:!?'\")\]}…])?",
    re.IGNORECASE,
)


# --- sentences -----------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.!?…。！？]+[\"'”’»)\]]*(?=\s|$)|\n")
# Tokens after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset((
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "st", "no", "nr", "approx",
    "bijv", "bv", "o.a", "m.b.t", "d.w.z", "enz", "dll", "dsb", "dst", "tsb", "sdr", "bpk", "ibu", "ecc", "es",
    "sig", "dott", "ing", "pag", "т.е", "т.д", "т.п", "г", "гг", "др", "см", "стр",
))
_WORD = re.compile(r"\w+")


def sentences(text: str, limit: int | None = None, tail: bool = True) -> list[tuple[int, int]]:
    """Sentence spans, trimmed of surrounding space; at most ``limit`` of them when given.

    ``tail=False`` leaves out the text after the last sentence boundary (it
    may be a sentence cut short, as when shortening looks at a prefix).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and len(m.group(0)) == 1:
            before = text[max(start, m.start() - 12):m.start()].split()
            token = before[-1].lower() if before else ""
            # "Dr. Rossi", "e.g. Jakarta" and initials ("J. Smith") carry on the sentence.
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _add(text, start, m.end(), spans)
        start = m.end()
        if limit is not None and len(spans) >= limit:
            return spans
    if tail:
        _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def has_words(text: str) -> bool:
    return _WORD.search(text) is not None


# --- graphemes -----------------------------------------------------------------------

# Characters an emoji may start with (Extended_Pictographic, abridged).
PICTOGRAPHIC = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf"
    "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf"
    "\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)


def _extend_class() -> str:
    """Combining marks (Mn, Mc, Me) of the BMP and SMP as a regex class, plus emoji modifiers.

    Built from unicodedata once: the standard library ``re`` has no ``\\p{M}``
    and the ``regex`` module is not a dependency here.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x300, 0x20000):
        if unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me") and cp != 0x200D:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    ranges += [(0x200C, 0x200C), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F), (0xE0100, 0xE01EF)]
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@cache
def cluster_tail() -> str:
    """What may follow a cluster's first character: marks, selectors, skin tones, tags, ZWJ + pictograph."""
    return rf"(?:[{_extend_class()}]|\u200d[{PICTOGRAPHIC}]?)*"


@cache
def grapheme_pattern() -> re.Pattern[str]:
    """Extended grapheme clusters, approximately (UAX #29 without Indic conjuncts or prepends).

    A cluster is CR LF, a regional-indicator pair (a flag), a Hangul syllable
    sequence, or any one character; followed by ``cluster_tail()`` (family
    emoji, skin tones, accents typed as combining marks).
    """
    hangul_l, hangul_v, hangul_t = "\u1100-\u115f\ua960-\ua97c", "\u1160-\u11a7\ud7b0-\ud7c6", "\u11a8-\u11ff\ud7cb-\ud7fb"
    syllable = "\uac00-\ud7a3"
    hangul = f"[{hangul_l}]*(?:[{syllable}]|[{hangul_v}])[{hangul_v}]*[{hangul_t}]*|[{hangul_l}]+|[{hangul_t}]+"
    return re.compile(rf"(?:\r\n|[\U0001F1E6-\U0001F1FF]{{2}}|{hangul}|.){cluster_tail()}", re.DOTALL)


def graphemes(text: str) -> list[str]:
    return grapheme_pattern().findall(text)


_EMOJI_START = re.compile(f"[{PICTOGRAPHIC}\U0001F1E6-\U0001F1FF]")


def is_emoji(cluster: str) -> bool:
    """Whether a grapheme cluster displays as an emoji (flags, keycaps, pictographs)."""
    if "\u20e3" in cluster:  # keycap: 1️⃣ #️⃣
        return True
    if not _EMOJI_START.match(cluster):
        return False
    # ©, ® and ™ are text unless asked to look like emoji with U+FE0F.
    return ord(cluster[0]) > 0x2122 or "\ufe0f" in cluster


def lexicon(*parts: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation of regex fragments (a space matches any run of space).

    Lookarounds rather than ``\\b`` so terms that start or end with a symbol
    (``#ad``, ``C++``) still match as whole words.
    """
    # Writers type both the straight and the curly apostrophe ("we’ll", "l’anno").
    body = "|".join(p.replace(" ", r"\s+").replace("'", "['’]") for p in parts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
