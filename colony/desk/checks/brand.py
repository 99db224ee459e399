"""Brand voice: banned terms, discouraged terms with a preferred one, required disclosures.

The rules come from the communications team (``BrandRules``). Terms match
case-insensitively as whole words; a space in a term matches any run of
space, and a hyphen also matches a space ("game-changer", "game changer").
"""

from __future__ import annotations

import re

from django.utils.translation import gettext

from .base import BrandRules, Finding


def term_pattern(term: str) -> re.Pattern[str] | None:
    words = term.split()
    if not words:
        return None
    parts = [re.escape(w).replace(r"\-", r"[-\s]?") for w in words]
    body = r"\s+".join(parts)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def findings(text: str, rules: BrandRules | None) -> list[Finding]:
    if rules is None:
        return []
    out: list[Finding] = []
    for term, replacement in rules.banned:
        pattern = term_pattern(term)
        for m in pattern.finditer(text) if pattern else ():
            if replacement.strip():
                message = gettext("“%(term)s” is not part of our voice; use “%(replacement)s”.")
            else:
                message = gettext("“%(term)s” is not part of our voice.")
            out.append(Finding("brand", "block", m.start(), m.end(),
                               message % {"term": m.group(0), "replacement": replacement.strip()},
                               replacement.strip() or gettext("Remove this term.")))
    for term, preferred in rules.preferred:
        pattern = term_pattern(term)
        for m in pattern.finditer(text) if pattern else ():
            out.append(Finding("brand", "info", m.start(), m.end(),
                               gettext("We prefer “%(preferred)s” to “%(term)s”.")
                               % {"term": m.group(0), "preferred": preferred.strip()},
                               preferred.strip() or None))
    for phrase in rules.required:
        pattern = term_pattern(phrase)
        if pattern is not None and not pattern.search(text):
            out.append(Finding("brand", "warn", len(text), len(text),
                               gettext("The post must include “%(phrase)s”.") % {"phrase": phrase.strip()},
                               phrase.strip()))
    return out
