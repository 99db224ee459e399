"""Which language a text is written in, detected offline at write time.

lingua-language-detector carries its models inside the wheel (no download at
run time) and is accurate on short texts. The detector is built for the
languages people here write in, not all 75: that keeps memory near 200 MB
and avoids confusions such as Indonesian and Malay. Models load on first use.
"""

from __future__ import annotations

import re
import threading
from functools import cache

SUPPORTED = ["en", "nl", "id", "it", "ru", "de", "fr", "es", "pt"]

# Markup that says nothing about the language: links, mentions, hashtags, code.
_NOISE = re.compile(r"https?://\S+|[@#][\w.]+|`[^`]*`|[*_>~\[\]()!|-]+")
_lock = threading.Lock()


@cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_minimum_relative_distance(0.1).build()


def detect_language(text: str) -> str:
    """An ISO 639-1 code such as ``nl``, or ``""`` when the text is too short or unclear."""
    cleaned = _NOISE.sub(" ", text)
    if len(re.findall(r"\w+", cleaned)) < 2:
        return ""
    with _lock:  # build the detector once, even when threads race for it
        detector = _detector()
    found = detector.detect_language_of(cleaned)
    return found.iso_code_639_1.name.lower() if found is not None else ""
