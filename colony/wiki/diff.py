"""Line diffs between two texts (difflib), as rows a template or the API can show.

Rows carry their kind in words ("added", "removed") and line numbers, so a
page marks changes with signs and labels, never by colour alone.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

CONTEXT_LINES = 3


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "context", "added", "removed", or "gap" (unchanged lines left out)
    old: int | None  # line number in the old text
    new: int | None  # line number in the new text
    text: str


@dataclass
class Diff:
    lines: list[DiffLine] = field(default_factory=list)
    added: int = 0
    removed: int = 0

    @property
    def unchanged(self) -> bool:
        return not self.added and not self.removed


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n") if text else []


def line_diff(old: str, new: str, *, context: int = CONTEXT_LINES) -> Diff:
    """What changed from ``old`` to ``new``, line by line, with ``context`` unchanged lines around changes."""
    a, b = _lines(old), _lines(new)
    diff = Diff()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    last_a = last_b = 0
    for group in matcher.get_grouped_opcodes(context):
        first = group[0]
        if first[1] > last_a or first[3] > last_b:
            diff.lines.append(DiffLine("gap", None, None, ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                diff.lines += [DiffLine("context", i + 1, j + 1, a[i]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
                continue
            if tag in ("replace", "delete"):
                diff.lines += [DiffLine("removed", i + 1, None, a[i]) for i in range(i1, i2)]
                diff.removed += i2 - i1
            if tag in ("replace", "insert"):
                diff.lines += [DiffLine("added", None, j + 1, b[j]) for j in range(j1, j2)]
                diff.added += j2 - j1
        last_a, last_b = group[-1][2], group[-1][4]
    if diff.lines and (last_a < len(a) or last_b < len(b)):
        diff.lines.append(DiffLine("gap", None, None, ""))
    return diff


def unified(old: str, new: str, *, old_label: str, new_label: str) -> str:
    """The same change as a unified diff (for the API and for tools)."""
    return "\n".join(difflib.unified_diff(_lines(old), _lines(new), old_label, new_label, lineterm=""))
