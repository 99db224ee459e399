"""Line diffs between two texts, as rows a template or the API can show.

Rows carry their kind in words ("added", "removed") and line numbers, so a
page marks changes with signs and labels, never by colour alone.

The comparison is Myers' algorithm from diff-match-patch, run on lines (each
distinct line stands for one character). Its cost is bounded whatever the
texts: it stops at a deadline (``DIFF_TIMEOUT``), and texts longer than
``LINE_CAP`` lines are only compared around their changes. When either
shortcut shows lines the texts share as removed and added, the diff says so
(``approximate``); it is still a correct diff, just not the smallest one.
difflib's SequenceMatcher, used before, took time growing with about the cube
of the line count on texts of repeated lines, and some of those texts are
sent by the visitor (the edit conflict page).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

CONTEXT_LINES = 3
DIFF_TIMEOUT = 0.5  # seconds of line-by-line comparison; what is left then is shown as replaced
LINE_CAP = 20_000  # texts with more lines are compared only around their changes
ROWS_SHOWN = 2_000  # rows a page renders (about 0.1 ms each); the API and unified() give them all

Opcode = tuple[str, int, int, int, int]  # (tag, i1, i2, j1, j2), as difflib.SequenceMatcher.get_opcodes()


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
    # Some lines both texts have may be shown as removed and added: the texts
    # were too long or too different to compare line by line in time.
    approximate: bool = False
    hunks: list[list[Opcode]] = field(default_factory=list, repr=False, compare=False)

    @property
    def unchanged(self) -> bool:
        return not self.added and not self.removed

    @property
    def shown(self) -> list[DiffLine]:
        """The rows a page shows: a whole 100,000-character text replaced is 50,000 rows, seconds to render."""
        return self.lines[:ROWS_SHOWN]

    @property
    def rows_not_shown(self) -> int:
        return max(0, len(self.lines) - ROWS_SHOWN)


class _LineMatcher(diff_match_patch):
    """diff-match-patch on line-encoded texts, noting when its deadline cut a comparison short."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.Diff_Timeout = timeout
        self.ran_out = False

    def diff_halfMatch(self, text1: str, text2: str) -> None:
        # The half-match speed-up does not watch the deadline and is quadratic
        # on repeated lines (0.65 s on 50,000); only Myers' bisection watches it.
        return None

    def diff_bisect(self, text1: str, text2: str, deadline: float) -> list[tuple[int, str]]:
        diffs: list[tuple[int, str]] = super().diff_bisect(text1, text2, deadline)
        # Out of time, the bisection gives up and replaces the whole stretch,
        # which hides common lines if there are any.
        if (time.time() > deadline and diffs == [(self.DIFF_DELETE, text1), (self.DIFF_INSERT, text2)]
                and not set(text1).isdisjoint(text2)):
            self.ran_out = True
        return diffs


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n") if text else []


def _opcodes(a: list[str], b: list[str]) -> tuple[list[Opcode], bool]:
    """Runs turning ``a`` into ``b`` (like ``SequenceMatcher.get_opcodes()``), and whether they are approximate."""
    # The common start and end are exact and cost linear time, whatever the size.
    start, limit = 0, min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    middle_a, middle_b = a[start:len(a) - end], b[start:len(b) - end]
    if len(a) > LINE_CAP or len(b) > LINE_CAP:
        runs = [(diff_match_patch.DIFF_DELETE, len(middle_a)), (diff_match_patch.DIFF_INSERT, len(middle_b))]
        approximate = not set(middle_a).isdisjoint(middle_b)
    else:
        matcher = _LineMatcher(DIFF_TIMEOUT)
        # One character per line; every line ends in "\n" so none merges with the next.
        chars_a, chars_b, _ = matcher.diff_linesToChars("".join(f"{line}\n" for line in middle_a),
                                                        "".join(f"{line}\n" for line in middle_b))
        runs = [(op, len(chars)) for op, chars in matcher.diff_main(chars_a, chars_b, False)]
        approximate = matcher.ran_out
    codes: list[Opcode] = [("equal", 0, start, 0, start)] if start else []
    i = j = start
    removed = added = 0
    for op, count in [*runs, (diff_match_patch.DIFF_EQUAL, end)]:
        if op == diff_match_patch.DIFF_DELETE:
            removed += count
            continue
        if op == diff_match_patch.DIFF_INSERT:
            added += count
            continue
        if removed or added:
            tag = "replace" if removed and added else "delete" if removed else "insert"
            codes.append((tag, i, i + removed, j, j + added))
            i, j, removed, added = i + removed, j + added, 0, 0
        if count:
            if codes and codes[-1][0] == "equal":
                codes[-1] = ("equal", codes[-1][1], i + count, codes[-1][3], j + count)
            else:
                codes.append(("equal", i, i + count, j, j + count))
            i, j = i + count, j + count
    return codes, approximate


def _grouped(codes: list[Opcode], context: int) -> Iterator[list[Opcode]]:
    """Changes with ``context`` unchanged lines around them, like ``SequenceMatcher.get_grouped_opcodes()``."""
    if not codes:
        return
    codes = list(codes)
    if codes[0][0] == "equal":
        _, i1, i2, j1, j2 = codes[0]
        codes[0] = ("equal", max(i1, i2 - context), i2, max(j1, j2 - context), j2)
    if codes[-1][0] == "equal":
        _, i1, i2, j1, j2 = codes[-1]
        codes[-1] = ("equal", i1, min(i2, i1 + context), j1, min(j2, j1 + context))
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        # A long unchanged stretch ends one group and starts the next.
        if tag == "equal" and i2 - i1 > 2 * context:
            group.append((tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - context), max(j1, j2 - context)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def line_diff(old: str, new: str, *, context: int = CONTEXT_LINES) -> Diff:
    """What changed from ``old`` to ``new``, line by line, with ``context`` unchanged lines around changes."""
    a, b = _lines(old), _lines(new)
    codes, approximate = _opcodes(a, b)
    diff = Diff(approximate=approximate, hunks=list(_grouped(codes, context)))
    last_a = last_b = 0
    for group in diff.hunks:
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


def _unified_range(start: int, stop: int) -> str:
    """A hunk's line range as unified diffs write it: an empty range names the line before it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def unified(old: str, new: str, *, old_label: str, new_label: str, diff: Diff | None = None) -> str:
    """The same change as a unified diff (for the API and for tools), with CONTEXT_LINES of context.

    ``diff``, if given, is ``line_diff(old, new)`` already computed: it is reused instead of comparing again.
    """
    a, b = _lines(old), _lines(new)
    hunks = diff.hunks if diff is not None else list(_grouped(_opcodes(a, b)[0], CONTEXT_LINES))
    if not hunks:
        return ""
    out = [f"--- {old_label}", f"+++ {new_label}"]
    for group in hunks:
        out.append(f"@@ -{_unified_range(group[0][1], group[-1][2])} +{_unified_range(group[0][3], group[-1][4])} @@")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [f" {line}" for line in a[i1:i2]]
                continue
            if tag in ("replace", "delete"):
                out += [f"-{line}" for line in a[i1:i2]]
            if tag in ("replace", "insert"):
                out += [f"+{line}" for line in b[j1:j2]]
    return "\n".join(out)
