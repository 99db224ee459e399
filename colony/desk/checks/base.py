"""The shapes every check shares: the channels, the kinds of finding, and the result.

They live apart from ``__init__`` so the check modules can import them without
importing the package that imports them (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHANNELS = ("colony", "mastodon", "x", "linkedin", "bluesky")
KINDS = ("length", "specificity", "forward_looking", "disclosure", "personal_data", "tone", "brand")
SEVERITIES = ("info", "warn", "block")

# The languages with written lexicons and training examples; others get a note.
LANGUAGES = ("en", "nl", "id", "it", "ru")


@dataclass
class Finding:
    kind: str  # one of KINDS
    severity: str  # "info" | "warn" | "block"
    start: int  # character span in the text (Python str indices), end exclusive
    end: int
    message: str  # translated into the active Django language
    suggestion: str | None = None  # translated advice, or a replacement text


@dataclass
class BrandRules:
    banned: list[tuple[str, str]] = field(default_factory=list)  # (term, replacement or "")
    preferred: list[tuple[str, str]] = field(default_factory=list)  # (discouraged, preferred)
    required: list[str] = field(default_factory=list)  # phrases every post must carry, e.g. "#ad"
    safe_harbour: str = ""  # the organisation's forward-looking safe-harbour wording


@dataclass
class CheckResult:
    findings: list[Finding]
    specificity: float  # 0..1, 1 = concrete and specific
    length_used: int
    length_limit: int
    language: str  # detected or given ISO 639-1 code ("" if unknown)
    weak_languages: dict[str, str]  # check kind -> translated note where a check is weaker


def check_channel(channel: str) -> None:
    """Raise the ValueError the API turns into a 400 for a network Colony does not know."""
    if channel not in CHANNELS:
        raise ValueError(f"Unknown channel {channel!r}: choose one of {', '.join(CHANNELS)}.")
