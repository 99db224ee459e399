#!/usr/bin/env python
"""Wiki line diffs, in process (no server, no database): hostile texts and a realistic edit.

    .venv/bin/python bench/wiki_diff.py --runs 5

Times ``colony.wiki.diff.line_diff`` (wall and CPU, median, min and max over
``--runs``) on texts that made the old diff (difflib's SequenceMatcher,
``autojunk=False``) take time growing with about the cube of the line count:

* ``repeated``: one line repeated n times, against it interleaved with another;
* ``reworded``: every other line blank and all the others rewritten (a page
  reworded from top to bottom: the blank lines are the only common lines);

at 1,000, 2,000 and 5,000 lines; on a realistic edit of a 1,200-line page
(some lines reworded, a section added, a paragraph removed); and at the
limits: 20,000 lines (``LINE_CAP``: still compared line by line, until the
deadline) and 50,000 lines (about ``MAX_TEXT``, 100,000 characters: only the
common start and end are compared). The old algorithm runs once per size on
``--old-sizes`` only (500 and 1,000 lines), as the baseline in the same run:
at 2,000 lines it takes minutes. Target: never more than about a second of
CPU per diff (the deadline is ``DIFF_TIMEOUT``).

Progress goes to stderr; the last stdout line is one JSON object.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import statistics
import sys
import time
from collections.abc import Callable

from _common import REPO, environment, log

NAME = "wiki_diff"
SIZES = (1000, 2000, 5000)
REALISTIC_LINES = 1200
TARGET_CPU_MS = 1000.0
WORDS = ("the", "team", "owns", "release", "plan", "and", "checks", "dashboards", "before", "each", "deploy",
         "while", "on", "call", "person", "writes", "down", "what", "failed", "why", "so", "next", "can", "fix", "it")


def hostile(kind: str, n: int) -> tuple[str, str]:
    if kind == "repeated":
        return "\n".join(["x"] * n), "\n".join(["x", "y"] * (n // 2))
    return ("\n".join("" if i % 2 else f"old paragraph {i}" for i in range(n)),
            "\n".join("" if i % 2 else f"new paragraph {i}" for i in range(n)))


def realistic(lines: int, seed: int) -> tuple[str, str]:
    """A Markdown page of about ``lines`` lines, and the same page after an ordinary edit."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."

    page: list[str] = []
    section = 0
    while len(page) < lines:
        section += 1
        page += [f"## Section {section}: {rng.choice(WORDS)} {rng.choice(WORDS)}", ""]
        for _ in range(rng.randint(2, 5)):
            page += [sentence(), ""]
        if rng.random() < 0.5:
            page += [f"- {sentence()}" for _ in range(rng.randint(3, 8))] + [""]
    page = page[:lines]
    edited = list(page)
    for i in rng.sample(range(len(edited)), 15):  # reword some lines
        edited[i] = edited[i] + " (updated)" if edited[i] else "Note: see the runbook."
    middle = len(edited) // 2
    edited[middle:middle] = ["## A new section", "", *[sentence() for _ in range(8)], "", ""]  # add a section
    del edited[300:306]  # remove a paragraph
    return "\n".join(page), "\n".join(edited)


def old_line_diff(old: str, new: str) -> tuple[int, int]:
    """What the wiki did before: difflib's SequenceMatcher on lines (the costly part: the grouped opcodes)."""
    a = old.replace("\r\n", "\n").split("\n") if old else []
    b = new.replace("\r\n", "\n").split("\n") if new else []
    added = removed = 0
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(3):
        for tag, i1, i2, j1, j2 in group:
            if tag in ("replace", "delete"):
                removed += i2 - i1
            if tag in ("replace", "insert"):
                added += j2 - j1
    return added, removed


def measure(diff: Callable[[str, str], tuple[int, int, bool | None]], old: str, new: str, runs: int) -> dict:
    wall, cpu = [], []
    added = removed = 0
    approximate: bool | None = None
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        added, removed, approximate = diff(old, new)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    out = {"median_ms": round(statistics.median(wall) * 1000, 1), "min_ms": round(min(wall) * 1000, 1),
           "max_ms": round(max(wall) * 1000, 1), "cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
           "cpu_max_ms": round(max(cpu) * 1000, 1), "runs": runs, "added": added, "removed": removed}
    if approximate is not None:
        out["approximate"] = approximate
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5, help="runs per case of the new diff; the median is reported")
    p.add_argument("--old-sizes", default="500,1000",
                   help="line counts at which the old difflib diff runs once each (comma-separated; '' for none)")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from colony.wiki import diff as wiki_diff

    def new_diff(old: str, new: str) -> tuple[int, int, bool | None]:
        d = wiki_diff.line_diff(old, new)
        return d.added, d.removed, d.approximate

    started = time.perf_counter()
    result: dict = {"new": {"repeated": {}, "reworded": {}}, "old_difflib": {"repeated": {}, "reworded": {}}}
    for kind in ("repeated", "reworded"):
        for n in SIZES:
            result["new"][kind][str(n)] = figures = measure(new_diff, *hostile(kind, n), args.runs)
            log(NAME, f"new {kind} {n} lines: median {figures['median_ms']} ms, cpu {figures['cpu_median_ms']} ms")
    old_text, new_text = realistic(REALISTIC_LINES, args.seed)
    result["new"]["realistic_edit"] = figures = measure(new_diff, old_text, new_text, args.runs)
    figures["lines"] = [old_text.count("\n") + 1, new_text.count("\n") + 1]
    log(NAME, f"new realistic edit: median {figures['median_ms']} ms")
    result["new"]["at_limits"] = {}
    for n in (wiki_diff.LINE_CAP, 50_000):
        result["new"]["at_limits"][f"repeated_{n}"] = figures = measure(new_diff, *hostile("repeated", n), args.runs)
        log(NAME, f"new repeated {n} lines: median {figures['median_ms']} ms")
    for n in [int(s) for s in args.old_sizes.split(",") if s.strip()]:
        for kind in ("repeated", "reworded"):
            log(NAME, f"old difflib {kind} {n} lines (once)...")
            result["old_difflib"][kind][str(n)] = figures = measure(
                lambda old, new: (*old_line_diff(old, new), None), *hostile(kind, n), 1)
            log(NAME, f"old difflib {kind} {n} lines: {figures['median_ms']} ms")
    cases = [*(f for kind in ("repeated", "reworded") for f in result["new"][kind].values()),
             result["new"]["realistic_edit"], *result["new"]["at_limits"].values()]
    worst_cpu = max(f["cpu_max_ms"] for f in cases)
    old_1000 = result["old_difflib"]["repeated"].get("1000")
    print(json.dumps({
        "benchmark": NAME,
        "environment": environment(),
        "settings": {"diff_timeout_s": wiki_diff.DIFF_TIMEOUT, "line_cap": wiki_diff.LINE_CAP,
                     "context_lines": wiki_diff.CONTEXT_LINES},
        **result,
        "repeated_1000_speedup": round(old_1000["median_ms"] / result["new"]["repeated"]["1000"]["median_ms"], 1)
        if old_1000 else None,
        "target": {"max_cpu_ms": TARGET_CPU_MS, "worst_cpu_ms": worst_cpu, "met": worst_cpu <= TARGET_CPU_MS},
        "seconds": round(time.perf_counter() - started, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
