"""Routing on a real community: the protocol of ``../shared/eval-dev/README.md``.

    .venv/bin/python bench/routing.py --external ../shared/eval-dev/routing-coffee \\
        --data-dir /tmp/colony-routing-coffee --force

DIR holds ``posts.jsonl`` (questions and answers in time order) and
``routing_test.jsonl`` (later questions with the people who answered them,
``gold``). The run:

1. Imports into an empty Colony with ``colony import people`` and ``colony
   import posts``: one person per owner who posted before the earliest test
   question, with a handle and a name only (no title, team, bio or skills),
   and every post created before that moment as ``{id, author, text: title +
   "\\n\\n" + body, created_at, tags, reply_to: the question, for answers}``
   (a text longer than Colony's post limit, 5,000 characters, is cut to it, so no post
   is lost).
2. Runs ``colony analyze --backfill``.
3. Starts ``colony serve`` and, for each test question, calls ``POST
   /api/v1/asks/preview`` with the title as ``text``, the tags as ``skills``,
   ``limit`` 50 and the asker in ``exclude`` (as a separate account made for
   the run, which the preview leaves out as the caller).
4. Scores MRR@50 and P@1 against ``gold``, with three baselines computed in
   the same run on the same people and posts: BM25 over each person's posts
   (query: title and tags), popularity (most answers), and tag overlap (the
   tags of threads a person posted in, weighted by how often; popularity
   breaks ties). Every ranking leaves out the asker.

The data is read where it lies and never copied into the repository.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

TOP = 50
MAX_TEXT = 5000  # COLONY_MAX_POST_LENGTH's default: a longer post is cut to it rather than dropped
TOKEN = re.compile(r"\w+", re.UNICODE)
ROUTER = "bench_router"
ROUTER_PASSWORD = "colony-routing-external-bench"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def handle(owner: str) -> str:
    return f"u{re.sub(r'[^0-9a-z_]', '_', str(owner).lower())}"[:30]


def load(ext_dir: Path) -> tuple[list[dict], list[dict], str]:
    posts_path, test_path = ext_dir / "posts.jsonl", ext_dir / "routing_test.jsonl"
    for path in (posts_path, test_path):
        if not path.exists():
            raise SystemExit(f"routing: {path} is missing: --external needs posts.jsonl and routing_test.jsonl "
                             "(see ../shared/eval-dev/README.md)")
    posts, tests = read_jsonl(posts_path), read_jsonl(test_path)
    cutoff = min(t["creation_date"] for t in tests)
    return [p for p in posts if p["creation_date"] < cutoff], tests, cutoff


def _text(post: dict) -> str:
    title = (post.get("title") or "").strip()
    body = (post.get("body") or "").strip()
    return f"{title}\n\n{body}".strip() if title else body


def write_import_files(before: list[dict], out_dir: Path) -> tuple[Path, Path]:
    """The people and posts files of step 1."""
    owners = sorted({str(p["owner"]) for p in before if p.get("owner") not in (None, "")}, key=lambda o: (len(o), o))
    people_path, posts_path = out_dir / "external-people.jsonl", out_dir / "external-posts.jsonl"
    with people_path.open("w", encoding="utf-8") as f:
        for owner in owners:
            f.write(json.dumps({"handle": handle(owner), "name": f"Person {owner}"}) + "\n")
    known = {str(p["id"]) for p in before}
    with posts_path.open("w", encoding="utf-8") as f:
        for p in before:
            if p.get("owner") in (None, "") or not _text(p):
                continue
            row: dict[str, Any] = {"id": str(p["id"]), "author": handle(str(p["owner"])), "text": _text(p)[:MAX_TEXT],
                                   "created_at": p["creation_date"] + ("" if "+" in p["creation_date"] else "+00:00"),
                                   "tags": p.get("tags") or []}
            if p.get("type") == "answer" and p.get("parent_id") is not None and str(p["parent_id"]) in known:
                row["reply_to"] = str(p["parent_id"])
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return people_path, posts_path


# --- scoring -------------------------------------------------------------------------------------

def rank_of_first(ranked: list[str], gold: set[str]) -> int | None:
    for i, h in enumerate(ranked[:TOP], start=1):
        if h in gold:
            return i
    return None


def figures(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks)
    return {"n": n, "mrr_at_50": round(sum(1.0 / r for r in ranks if r) / n, 4) if n else 0.0,
            "p_at_1": round(sum(1 for r in ranks if r == 1) / n, 4) if n else 0.0,
            "hit_at_50": round(sum(1 for r in ranks if r) / n, 4) if n else 0.0}


def score(rankings: dict[int, list[str]], tests: list[dict]) -> dict[str, float]:
    return figures([rank_of_first(rankings[t["question_id"]], {handle(g) for g in t["gold"]}) for t in tests])


# --- baselines -----------------------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _order(scores: dict[str, float], people: list[str], asker: str, tie: dict[str, float] | None = None) -> list[str]:
    tie = tie or {}
    ranked = sorted((h for h in people if h != asker and scores.get(h, 0) > 0),
                    key=lambda h: (-scores[h], -tie.get(h, 0), h))
    return ranked[:TOP]


def baselines(before: list[dict], tests: list[dict]) -> dict[str, dict[int, list[str]]]:
    from rank_bm25 import BM25Okapi

    people = sorted({handle(str(p["owner"])) for p in before if p.get("owner") not in (None, "")})
    writing: dict[str, list[str]] = defaultdict(list)
    answers: Counter[str] = Counter()
    thread_tags: dict[int, list[str]] = {}
    for p in before:
        if p.get("type") == "question":
            thread_tags[p["id"]] = p.get("tags") or []
    tag_weight: dict[str, Counter[str]] = defaultdict(Counter)
    for p in before:
        if p.get("owner") in (None, ""):
            continue
        h = handle(str(p["owner"]))
        writing[h].append(_text(p))
        if p.get("type") == "answer":
            answers[h] += 1
        thread = p["id"] if p.get("type") == "question" else p.get("parent_id")
        for tag in thread_tags.get(thread, []):
            tag_weight[h][tag] += 1
    bm25 = BM25Okapi([tokens(" ".join(writing[h])) for h in people])
    popularity = {h: float(answers[h]) for h in people}
    out: dict[str, dict[int, list[str]]] = {"bm25": {}, "popularity": {}, "tag_overlap": {}}
    for t in tests:
        asker = handle(str(t["asker"]))
        query = tokens(" ".join([t["title"], *t.get("tags", [])]))
        raw = bm25.get_scores(query) if query else [0.0] * len(people)
        out["bm25"][t["question_id"]] = _order({h: float(s) for h, s in zip(people, raw, strict=True)}, people, asker)
        out["popularity"][t["question_id"]] = _order(popularity, people, asker)
        overlap = {h: float(sum(tag_weight[h][tag] for tag in t.get("tags", []))) for h in people}
        out["tag_overlap"][t["question_id"]] = _order(overlap, people, asker, tie=popularity)
    return out


# --- Colony over HTTP ------------------------------------------------------------------------------

def colony_rankings(tests: list[dict], base_url: str, token: str, log: Any) -> tuple[dict[int, list[str]], list[float],
                                                                                 dict[int, list[dict]]]:
    import httpx

    rankings, latency, details = {}, [], {}
    with httpx.Client(base_url=base_url, timeout=60, headers={"Authorization": f"Bearer {token}"}) as client:
        for n, t in enumerate(tests, start=1):
            body = {"text": t["title"][:280], "skills": [s[:40] for s in t.get("tags", [])][:10], "limit": TOP,
                    "exclude": [handle(str(t["asker"]))]}
            started = time.perf_counter()
            r = client.post("/api/v1/asks/preview", json=body)
            latency.append(time.perf_counter() - started)
            if r.status_code != 200:
                raise SystemExit(f"routing: preview for question {t['question_id']} answered {r.status_code}: "
                                 f"{r.text[:300]}")
            found = r.json()
            found = found.get("candidates", found) if isinstance(found, dict) else found
            rankings[t["question_id"]] = [c["handle"] for c in found]
            details[t["question_id"]] = [{"handle": c["handle"], "reasons": c.get("reasons")} for c in found[:5]]
            if n % 20 == 0:
                log(f"colony: {n}/{len(tests)} questions")
    return rankings, latency, details


def create_router(cli_command: list[str], data_dir: Path, env: dict[str, str]) -> None:
    done = subprocess.run([*cli_command, "createuser", ROUTER, "--password-stdin"], input=ROUTER_PASSWORD + "\n",
                          text=True, env=env, capture_output=True, timeout=300, check=False)
    if done.returncode != 0 and "taken" not in (done.stdout + done.stderr):
        raise SystemExit(f"routing: createuser {ROUTER} failed: {done.stdout[-500:]} {done.stderr[-500:]}")


def ratios(result: dict) -> dict[str, Any]:
    colony = result["colony"]["mrr_at_50"]
    bm25 = result["baselines"]["bm25"]["mrr_at_50"]
    best_name = max(("popularity", "tag_overlap"), key=lambda k: result["baselines"][k]["mrr_at_50"])
    best = result["baselines"][best_name]["mrr_at_50"]
    return {
        "colony_to_bm25": round(colony / bm25, 3) if bm25 else None,
        "best_simple_baseline": best_name,
        "colony_to_best_simple": round(colony / best, 3) if best else None,
        "target": {"colony_to_bm25": 1.5, "colony_to_best_simple": 1.0,
                   "met": bool(bm25 and best and colony >= 1.5 * bm25 and colony >= best)},
    }


