"""Line diffs: correct rows for any two texts, and a bounded cost on hostile ones.

The old diff (difflib's SequenceMatcher) took time growing with about the cube
of the line count on texts of repeated lines: 1,000 lines of "x" against
1,000 lines of "x"/"y" took 10-18 s, 3,000 lines take many minutes. The edit
conflict page diffs text the visitor sends, so one request could stop a
worker. The cost is checked in a subprocess with a deadline (20 s) far above
the new cost (about a second) and far below the old one, never with a timing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from colony.wiki import diff as diff_module
from colony.wiki.actions import do_create_page, do_edit_page
from colony.wiki.diff import CONTEXT_LINES, Diff, DiffLine, line_diff, unified

REPO = Path(__file__).resolve().parents[3]


def hostile(kind: str, n: int) -> tuple[str, str]:
    """Texts of ``n`` lines on which SequenceMatcher does cubic work."""
    if kind == "repeated":  # one line repeated, against it interleaved with another
        return "\n".join(["x"] * n), "\n".join(["x", "y"] * (n // 2))
    # every other line blank, all the others rewritten: the shape of a reworded page
    return ("\n".join("" if i % 2 else f"old paragraph {i}" for i in range(n)),
            "\n".join("" if i % 2 else f"new paragraph {i}" for i in range(n)))


def replay(diff: Diff, a: list[str], b: list[str], context: int = CONTEXT_LINES) -> None:
    """Check that ``diff``'s rows turn ``a`` into ``b``: every row is where its line
    numbers say, a gap leaves out only lines that are the same on both sides, the
    counts match the rows, and no more than ``context`` unchanged lines surround a change."""
    i = j = 0
    gap = False
    run: list[str] = []  # the kinds since the last gap, to check the context around changes
    runs: list[list[str]] = []
    for row in diff.lines:
        if row.kind == "gap":
            assert not gap and row.old is None and row.new is None
            gap = True
            runs.append(run)
            run = []
            continue
        if gap:
            skipped = (row.old - 1 - i) if row.old is not None else (row.new - 1 - j)  # type: ignore[operator]
            assert skipped > 0 and a[i:i + skipped] == b[j:j + skipped]
            i, j, gap = i + skipped, j + skipped, False
        run.append(row.kind)
        if row.kind == "context":
            assert (row.old, row.new) == (i + 1, j + 1) and a[i] == b[j] == row.text
            i, j = i + 1, j + 1
        elif row.kind == "removed":
            assert (row.old, row.new) == (i + 1, None) and a[i] == row.text
            i += 1
        else:
            assert row.kind == "added" and (row.old, row.new) == (None, j + 1) and b[j] == row.text
            j += 1
    runs.append(run)
    if gap or not diff.lines:
        assert a[i:] == b[j:]
    else:
        assert (i, j) == (len(a), len(b))
    assert diff.removed == sum(r.kind == "removed" for r in diff.lines)
    assert diff.added == sum(r.kind == "added" for r in diff.lines)
    assert diff.unchanged == (a == b) == (not diff.lines)
    for kinds in runs:
        text = "".join("c" if k == "context" else "x" for k in kinds)
        assert all(len(c) <= 2 * context for c in re.findall("c+", text.strip("c")))
        assert len(text) - len(text.lstrip("c")) <= context and len(text) - len(text.rstrip("c")) <= context


def patch(unified_text: str, a: list[str]) -> list[str]:
    """Apply a unified diff to ``a``, checking its hunk headers on the way."""
    if not unified_text:
        return a
    lines = unified_text.split("\n")
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    out: list[str] = []
    i = 0
    k = 2
    header = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
    while k < len(lines):
        m = header.fullmatch(lines[k])
        assert m, lines[k]
        old_start, old_len = int(m[1]), int(m[2] if m[2] is not None else 1)
        new_start, new_len = int(m[3]), int(m[4] if m[4] is not None else 1)
        first = old_start - 1 if old_len else old_start  # an empty range names the line before it
        assert first >= i
        assert len(out) + (first - i) == (new_start - 1 if new_len else new_start)
        out += a[i:first]
        i = first
        k += 1
        seen_old = seen_new = 0
        while k < len(lines) and not lines[k].startswith("@@"):
            sign, text = lines[k][0], lines[k][1:]
            if sign in " -":
                assert a[i] == text
                i += 1
                seen_old += 1
            if sign in " +":
                out.append(text)
                seen_new += 1
            k += 1
        assert (seen_old, seen_new) == (old_len, new_len)
    return out + a[i:]


def lcs_length(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for jj, y in enumerate(b):
            prev, row[jj + 1] = row[jj + 1], prev + 1 if x == y else max(row[jj + 1], row[jj])
    return row[-1]


lines_strategy = st.lists(st.sampled_from(["a", "b", "c", "", "  indented"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(lines_strategy, lines_strategy, st.integers(0, 4))
def test_the_rows_turn_the_old_text_into_the_new_with_the_fewest_changed_lines(a, b, context):
    old, new = "\n".join(a), "\n".join(b)
    a, b = diff_module._lines(old), diff_module._lines(new)
    diff = line_diff(old, new, context=context)
    replay(diff, a, b, context)
    assert diff.added + diff.removed == len(a) + len(b) - 2 * lcs_length(a, b)  # difflib's was not, 1 time in 5


@settings(max_examples=200, deadline=None)
@given(lines_strategy, lines_strategy)
def test_unified_is_a_patch_that_turns_the_old_text_into_the_new(a, b):
    old, new = "\n".join(a), "\n".join(b)
    text = unified(old, new, old_label="revision 1", new_label="revision 2")
    a, b = diff_module._lines(old), diff_module._lines(new)
    assert patch(text, a) == b
    assert (text == "") == (a == b)
    assert unified(old, new, old_label="revision 1", new_label="revision 2", diff=line_diff(old, new)) == text


def test_rows_keep_their_shape():
    diff = line_diff("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine", "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\n"
                     "eight\nnine\nten", context=1)
    assert diff.lines == [
        DiffLine("gap", None, None, ""), DiffLine("context", 4, 4, "four"), DiffLine("removed", 5, None, "five"),
        DiffLine("added", None, 5, "FIVE"), DiffLine("context", 6, 6, "six"), DiffLine("gap", None, None, ""),
        DiffLine("context", 9, 9, "nine"), DiffLine("added", None, 10, "ten")]
    assert (diff.added, diff.removed, diff.approximate) == (2, 1, False)
    assert line_diff("a\r\nb", "a\nb").unchanged and line_diff("", "").unchanged
    assert unified("alpha\nbeta", "alpha\nBETA", old_label="revision 1", new_label="revision 2") == (
        "--- revision 1\n+++ revision 2\n@@ -1,2 +1,2 @@\n alpha\n-beta\n+BETA")
    assert unified("", "new", old_label="a", new_label="b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+new"


def test_a_hostile_diff_finishes_in_a_bounded_time():
    """3,000 lines: many minutes for the old diff, about a second each for the new."""
    script = textwrap.dedent("""
        import json, sys
        from colony.wiki.diff import line_diff, unified
        out = {}
        for kind, (old, new) in json.load(sys.stdin).items():
            d = line_diff(old, new)
            out[kind] = {"rows": [[r.kind, r.old, r.new, r.text] for r in d.lines], "added": d.added,
                         "removed": d.removed, "approximate": getattr(d, "approximate", None),
                         "unified": unified(old, new, old_label="a", new_label="b")}
        print(json.dumps(out))
    """)
    texts = {kind: hostile(kind, 3000) for kind in ("repeated", "reworded")}
    try:
        done = subprocess.run([sys.executable, "-c", script], input=json.dumps(texts), cwd=REPO,
                              capture_output=True, text=True, timeout=20, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail("diffing 3,000 hostile lines took over 20 s")
    for kind, got in json.loads(done.stdout).items():
        a, b = (text.split("\n") for text in texts[kind])
        diff = Diff([DiffLine(*row) for row in got["rows"]], got["added"], got["removed"], got["approximate"])
        replay(diff, a, b)
        assert patch(got["unified"], a) == b


def test_a_diff_out_of_time_is_marked_approximate_and_still_correct(monkeypatch):
    # A deadline already passed when the diff starts: the answer must still be right.
    monkeypatch.setattr(diff_module, "DIFF_TIMEOUT", 1e-9)
    a = ["head", *[f"same {i}" for i in range(40)], "tail"]
    b = ["HEAD", *[f"same {i}" for i in range(40)], "TAIL"]
    diff = line_diff("\n".join(a), "\n".join(b))
    replay(diff, a, b)
    assert diff.approximate and diff.added + diff.removed >= 4
    assert patch(unified("\n".join(a), "\n".join(b), old_label="a", new_label="b"), a) == b
    # Without common lines nothing is lost: a full rewrite is the exact answer.
    exact = line_diff("one\ntwo", "three\nfour")
    assert not exact.approximate and (exact.added, exact.removed) == (2, 2)


def test_a_text_over_the_line_cap_is_compared_around_its_changes_only():
    n = diff_module.LINE_CAP + 5000
    a = [f"line {i}" for i in range(n)]
    one_edit = [*a[:100], "inserted", *a[100:]]
    diff = line_diff("\n".join(a), "\n".join(one_edit))
    replay(diff, a, one_edit)
    assert (diff.added, diff.removed, diff.approximate) == (1, 0, False)  # the common ends are exact
    two_edits = [*a[:100], "changed", *a[101:n - 100], "changed too", *a[n - 99:]]
    diff = line_diff("\n".join(a), "\n".join(two_edits))
    replay(diff, a, two_edits)
    assert diff.approximate and diff.removed == diff.added == n - 199  # between the edits: all shown as changed


@pytest.mark.django_db
def test_the_diff_page_the_conflict_page_and_the_api_say_when_a_diff_is_simplified(client, api, member, leader,
                                                                                    monkeypatch):
    page = do_create_page(author=member, title="Plan", text="alpha\nbeta\ngamma\ndelta")
    do_edit_page(page=page, author=leader, text="ALPHA\nbeta\ngamma\nDELTA", base_revision=1)
    client.force_login(member)
    note = "This comparison is simplified"
    assert note not in client.get("/wiki/plan/diff", {"from": "1", "to": "2"}).content.decode()
    monkeypatch.setattr(diff_module, "LINE_CAP", 2)
    body = client.get("/wiki/plan/diff", {"from": "1", "to": "2"}).content.decode()
    assert note in body and "<del>beta</del>" in body and "<ins>beta</ins>" in body
    conflict = client.post("/wiki/plan/edit", {"text": "alpha\nbeta\ngamma\nepsilon", "base_revision": "1"})
    assert conflict.status_code == 409 and note in conflict.content.decode()
    got = api(member).get(f"/api/v1/wiki/pages/{page.pk}/diff", **{"from": 1, "to": 2}).json()
    assert got["approximate"] is True and (got["added"], got["removed"]) == (4, 4)
    assert patch(got["unified"], ["alpha", "beta", "gamma", "delta"]) == ["ALPHA", "beta", "gamma", "DELTA"]


@pytest.mark.django_db
def test_a_page_shows_only_the_first_rows_of_a_long_diff(client, api, member, leader, monkeypatch):
    # A whole 100,000-character text replaced is 50,000 rows: seconds of rendering.
    page = do_create_page(author=member, title="Plan", text="\n".join(f"line {i}" for i in range(10)))
    do_edit_page(page=page, author=leader, text="\n".join(f"LINE {i}" for i in range(10)), base_revision=1)
    client.force_login(member)
    monkeypatch.setattr(diff_module, "ROWS_SHOWN", 5)
    body = client.get("/wiki/plan/diff", {"from": "1", "to": "2"}).content.decode()
    assert body.count('<tr class="diff-removed">') == 5 and '<tr class="diff-added">' not in body
    assert "15 more rows of this comparison are not shown." in body and "10 lines added" in body
    got = api(member).get(f"/api/v1/wiki/pages/{page.pk}/diff", **{"from": 1, "to": 2}).json()
    assert len(got["lines"]) == 20  # the API gives them all
