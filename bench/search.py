#!/usr/bin/env python
"""Latency of a two-word post search over real HTTP, visibility filtering included.

    .venv/bin/python bench/search.py --data-dir /tmp/colony-bench --runs 3

Starts ``colony serve`` against DIR (made by bench/seed.py, which also fills
the search index; an older bench database is indexed here first, unmeasured),
signs in a sample of users and sends, one at a time over a keep-alive
connection, GET /api/v1/search?type=posts&q=WORD1+WORD2 with two words drawn
from the vocabulary the seeder writes with. Each run also measures GET
/healthz as the bare-stack baseline. Target: p95 <= 50 ms at 1,000,000 posts.
The last stdout line is one JSON object; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

import httpx
from _common import Http, Server, environment, get_tokens, load_users, log, summary_ms
from seed import ADJS, NOUNS, VERBS

NAME = "search"
TARGET_P95_MS = 50.0


def words(phrases: list[str]) -> list[str]:
    return sorted({w.lower() for phrase in phrases for w in phrase.split() if w.isalpha() and len(w) > 3})


def ensure_index(db_path: Path) -> float | None:
    """Fill the search index if this bench database predates it; return seconds spent, or None."""
    db = sqlite3.connect(db_path, timeout=60)
    try:
        has_table = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_post'").fetchone()[0]
        if not has_table or db.execute("SELECT rowid FROM search_post LIMIT 1").fetchone():
            return None
        started = time.perf_counter()
        db.execute("INSERT INTO search_post (rowid, text) SELECT id, text FROM social_post WHERE deleted_at IS NULL")
        db.execute("INSERT INTO search_post (search_post) VALUES ('optimize')")
        db.commit()
        return time.perf_counter() - started
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, type=Path)
    p.add_argument("--requests", type=int, default=500, help="searches per run")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--port", type=int, default=8767)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    data_dir = args.data_dir.resolve()
    handles, password = load_users(data_dir)
    rng = random.Random(args.seed)
    sample = rng.sample(handles, min(args.users, len(handles)))
    vocabulary = [words(ADJS), words(NOUNS), words(VERBS)]
    env_start = environment()
    runs, hits_per_query = [], []
    with Server(data_dir, args.port, NAME) as server:  # migrates, so the index table exists
        indexed_s = ensure_index(data_dir / "colony.sqlite3")
        if indexed_s is not None:
            log(NAME, f"indexed the posts for search in {indexed_s:.1f} s (not measured)")
        with httpx.Client(timeout=60) as client:
            tokens = get_tokens(client, server.base_url, sample, password, NAME)
        headers = [{"Authorization": f"Bearer {tokens[h]}", "Accept": "application/json"} for h in sample]
        http_ = Http(args.port)
        try:
            for i in range(50):  # warm-up, not measured
                http_.get(f"/api/v1/search?type=posts&q={rng.choice(vocabulary[1])}", headers[i % len(headers)])
            for run in range(1, args.runs + 1):
                base = [http_.get("/healthz", {"Accept": "application/json"})[2] for _ in range(200)]
                lat, errors = [], 0
                for i in range(args.requests):
                    first, second = rng.sample(vocabulary, 2)
                    q = urllib.parse.quote(f"{rng.choice(first)} {rng.choice(second)}")
                    status, body, elapsed = http_.get(f"/api/v1/search?type=posts&q={q}", headers[i % len(headers)])
                    if status != 200:
                        errors += 1
                    else:
                        hits_per_query.append(len(json.loads(body)["posts"]))
                    lat.append(elapsed)
                runs.append({"run": run, "search": summary_ms(lat), "healthz": summary_ms(base), "errors": errors})
                log(NAME, f"run {run}: p50 {runs[-1]['search']['p50']} ms, p95 {runs[-1]['search']['p95']} ms")
        finally:
            http_.close()
    median = {
        key: round(statistics.median(r["search"][key] for r in runs), 3) for key in ("p50", "p95", "p99", "mean")
    }
    median["healthz_p50"] = round(statistics.median(r["healthz"]["p50"] for r in runs), 3)
    median["p95_ratio_to_healthz"] = round(median["p95"] / median["healthz_p50"], 2)
    print(json.dumps({
        "benchmark": NAME, "data_dir": str(data_dir), "environment": {"start": env_start, "end": environment()},
        "indexed_now_s": indexed_s, "runs": runs, "median_ms": median,
        "results_per_query": {"mean": round(statistics.mean(hits_per_query), 1) if hits_per_query else 0,
                              "zero": sum(1 for h in hits_per_query if h == 0)},
        "target": {"p95_ms": TARGET_P95_MS, "met": median["p95"] <= TARGET_P95_MS and all(r["errors"] == 0 for r in runs)},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
