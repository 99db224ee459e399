#!/usr/bin/env python
"""Time from publishing a post until it shows in followers' home timelines.

    .venv/bin/python bench/fanout.py --data-dir /tmp/colony-bench --posts 20

Starts ``colony serve`` (web server + its Huey worker) on 127.0.0.1:PORT
against DIR (made by bench/seed.py). Picks the --authors people with the most
followers (read from the database with sqlite3), samples up to --followers of
each one's followers, signs them all in, then publishes --posts posts
(POST /api/v1/posts, round-robin over the authors, --gap seconds apart so the
worker is idle as it would be for sporadic posting) and, for each post, polls
GET /api/v1/timelines/home?limit=5 as the sampled followers until the post is
in every one of their timelines, or --timeout passes.

Polling: every --interval (20 ms) one still-waiting follower is polled (a
probe, rotating through them) and the database is checked (read-only) for
the post's feed rows of all sampled followers. Once any follower sees the
post, or the rows are there, every follower still waiting is polled back to
back (each at most once per interval) until all have seen it. The fan-out
task writes all of a post's feed rows in one transaction, so the probe is
enough to notice it. Followers are confirmed over --readers parallel
connections; `all_visible_ms` still includes that confirmation time.

Per post (milliseconds from sending the POST):
  post_ms           the POST's own latency;
  worker_start_ms   when the worker started the post's fan_out_post task, and
  task_ms           how long the task ran (both from the worker's INFO log
                    lines in the server log, so the server runs with
                    COLONY_LOG_LEVEL=INFO unless set otherwise; 1 ms resolution);
  db_fanout_ms      when the feed rows for all sampled followers were in the
                    database (the fan-out latency proper, ±interval);
  first_visible_ms  first follower whose timeline showed the post;
  all_visible_ms    slowest sampled follower (response that confirmed it).

The last stdout line is one JSON object; progress goes to stderr. Note: the
published posts stay in the bench database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import httpx
from _common import Http, Server, environment, get_tokens, load_users, log, percentile

NAME = "fanout"
TARGET_MS = 1000.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, type=Path)
    p.add_argument("--posts", type=int, default=20)
    p.add_argument("--port", type=int, default=8766)
    p.add_argument("--authors", type=int, default=5, help="distinct authors, most-followed first")
    p.add_argument("--followers", type=int, default=50, help="followers sampled per author")
    p.add_argument("--interval", type=float, default=0.020, help="polling interval, seconds")
    p.add_argument("--readers", type=int, default=4, help="parallel connections confirming followers")
    p.add_argument("--timeout", type=float, default=10.0, help="give up on a post after this many seconds")
    p.add_argument("--gap", type=float, default=1.0, help="pause between posts, seconds")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    if args.posts < 1 or args.authors < 1 or args.followers < 1 or args.interval <= 0 or args.timeout <= 0:
        p.error("counts and times must be positive")
    return args


def pick_audience(db: sqlite3.Connection, n_authors: int, n_followers: int, rng: random.Random):
    rows = db.execute(
        "SELECT followee_id, count(*) AS n FROM social_follow GROUP BY followee_id ORDER BY n DESC, followee_id LIMIT ?",
        (n_authors,),
    ).fetchall()
    handle = dict(db.execute("SELECT id, username FROM people_user"))
    authors = []
    for author_id, n in rows:
        followers = [r[0] for r in db.execute(
            "SELECT f.follower_id FROM social_follow f JOIN people_user u ON u.id = f.follower_id"
            " WHERE f.followee_id = ? AND u.is_active ORDER BY f.follower_id", (author_id,))]
        sample = rng.sample(followers, min(n_followers, len(followers)))
        authors.append({"id": author_id, "handle": handle[author_id], "followers_total": n,
                        "sample": [(fid, handle[fid]) for fid in sample]})
    return authors


def summarise(values: list[float]) -> dict[str, float]:
    v = sorted(values)
    if not v:
        return {"n": 0}
    return {"n": len(v), "p50": round(percentile(v, 50), 1), "p99": round(percentile(v, 99), 1),
            "max": round(v[-1], 1), "min": round(v[0], 1)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = args.data_dir.resolve()
    env_start = environment()
    _handles, password = load_users(data_dir)
    rng = random.Random(args.seed)
    db_path = data_dir / "colony.sqlite3"
    if not db_path.exists():
        raise SystemExit(f"{NAME}: no database in {data_dir}; run bench/seed.py first")
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=20, isolation_level=None)
    authors = pick_audience(db, args.authors, args.followers, rng)
    log(NAME, "authors: " + ", ".join(f"@{a['handle']} ({a['followers_total']} followers)" for a in authors))

    # The worker logs each task's start and run time only at INFO; those lines
    # give worker_start_ms and task_ms.
    server = Server(data_dir, args.port, NAME, env={"COLONY_LOG_LEVEL": os.environ.get("COLONY_LOG_LEVEL", "INFO")})
    results = []
    with server:
        logins = sorted({a["handle"] for a in authors} | {h for a in authors for _, h in a["sample"]})
        with httpx.Client(timeout=60) as client:
            tokens = get_tokens(client, server.base_url, logins, password, NAME)
            auth = {h: {"Authorization": f"Bearer {tokens[h]}", "Accept": "application/json"} for h in logins}
            readers = [Http(args.port) for _ in range(args.readers)]
            reader = readers[0]
            pool = ThreadPoolExecutor(max_workers=args.readers)
            try:
                # Warm every follower's connection path once (and check they can read).
                for h in logins:
                    status, body, _ = reader.get("/api/v1/timelines/home?limit=5", auth[h])
                    if status != 200:
                        raise SystemExit(f"{NAME}: timeline of @{h} answered {status}: {body[:200]!r}")
                time.sleep(args.gap)
                for k in range(args.posts):
                    a = authors[k % len(authors)]
                    offset = server.log_path.stat().st_size
                    results.append(one_post(k, a, client, readers, pool, server.base_url, auth, db, args))
                    r = results[-1]
                    time.sleep(0.3)  # let the worker's log lines land
                    r.update(worker_timing(server.log_path, offset, r.pop("_sent_wall")))
                    log(NAME, f"post {k + 1}/{args.posts} by @{a['handle']}: db {r['db_fanout_ms']} ms, "
                              f"first {r['first_visible_ms']} ms, all {r['all_visible_ms']} ms"
                              + (" TIMEOUT" if r["timed_out"] else ""))
                    time.sleep(args.gap)
            finally:
                pool.shutdown()
                for r in readers:
                    r.close()
                # Close our read-only connection before the server stops, so the
                # server's last connection can checkpoint and remove the WAL.
                db.close()

    ok = [r for r in results if not r["timed_out"]]
    summary = {
        "all_visible_ms": summarise([r["all_visible_ms"] for r in ok]),
        "first_visible_ms": summarise([r["first_visible_ms"] for r in ok if r["first_visible_ms"] is not None]),
        "db_fanout_ms": summarise([r["db_fanout_ms"] for r in results if r["db_fanout_ms"] is not None]),
        "post_ms": summarise([r["post_ms"] for r in results]),
        "worker_start_ms": summarise([r["worker_start_ms"] for r in results if r["worker_start_ms"] is not None]),
        "task_ms": summarise([r["task_ms"] for r in results if r["task_ms"] is not None]),
        "confirm_sweep_ms": summarise([r["all_visible_ms"] - max(r["first_visible_ms"], r["db_fanout_ms"] or 0)
                                       for r in ok if r["first_visible_ms"] is not None]),
        "timeouts": len(results) - len(ok),
    }
    result = {
        "benchmark": "fanout_time_to_visible",
        "data_dir": str(data_dir),
        "posts": args.posts,
        "authors": [{"handle": a["handle"], "followers_total": a["followers_total"],
                     "followers_sampled": len(a["sample"])} for a in authors],
        "interval_ms": args.interval * 1000,
        "timeout_s": args.timeout,
        "gap_s": args.gap,
        "environment": {"start": env_start, "end": environment()},
        "server_startup_s": server.startup_s,
        "server_exit_code": server.exit_code,
        "server_worker_orphaned_by_sigterm": server.orphaned_worker,
        "server_log": str(server.log_path),
        "per_post": results,
        "summary": summary,
        "target": {"all_visible_max_ms": TARGET_MS,
                   "met": summary["timeouts"] == 0 and bool(ok)
                   and summary["all_visible_ms"]["max"] <= TARGET_MS},
    }
    print(json.dumps(result))
    return 0


LOG_TIME = re.compile(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})\]")


def worker_timing(log_path: Path, offset: int, sent_wall: float) -> dict:
    """From the Huey worker's log (written into the server log): when it started the
    post's fan_out_post task, relative to sending the POST, and how long it ran."""
    out: dict = {"worker_start_ms": None, "task_ms": None}
    try:
        with open(log_path, "rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return out
    for line in text.splitlines():
        m = LOG_TIME.match(line)
        if not m or "fan_out_post" not in line:
            continue
        if "Executing" in line and out["worker_start_ms"] is None:
            started = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S").timestamp() + int(m.group(2)) / 1000
            out["worker_start_ms"] = round((started - sent_wall) * 1000, 1)
        elif "executed in" in line and out["task_ms"] is None:
            secs = re.search(r"executed in ([0-9.]+)s", line)
            if secs:
                out["task_ms"] = round(float(secs.group(1)) * 1000, 1)
    return out


def poll(reader: Http, handles: list[str], post_id: str, auth: dict, t0: float,
         deadline: float) -> tuple[list[tuple[str, float]], int]:
    """Read each follower's timeline once; return who already sees the post (and when)."""
    hits = []
    for h in handles:
        if time.perf_counter() >= deadline:
            break
        status, body, _ = reader.get("/api/v1/timelines/home?limit=5", auth[h])
        if status == 200 and any(p["id"] == post_id for p in json.loads(body)):
            hits.append((h, (time.perf_counter() - t0) * 1000))
    return hits, len(handles)


def one_post(k: int, author: dict, client: httpx.Client, readers: list[Http], pool: ThreadPoolExecutor,
             base_url: str, auth: dict, db: sqlite3.Connection, args: argparse.Namespace) -> dict:
    text = f"Fan-out bench post {k + 1}, run {uuid.uuid4().hex[:8]}: checking how fast news travels."
    sent_wall = time.time()
    t0 = time.perf_counter()
    r = client.post(f"{base_url}/api/v1/posts", json={"text": text, "visibility": "organisation"},
                    headers=auth[author["handle"]])
    post_ms = (time.perf_counter() - t0) * 1000
    if r.status_code != 201:
        raise SystemExit(f"{NAME}: publishing as @{author['handle']} answered {r.status_code}: {r.text[:200]}")
    post_id = r.json()["id"]
    sample = author["sample"]
    owner_ids = [fid for fid, _ in sample]
    pending = [h for _, h in sample]
    seen: dict[str, float] = {}
    polls = 0
    db_ms: float | None = None
    sweeping = False
    placeholders = ",".join("?" * len(owner_ids))
    count_sql = f"SELECT count(*) FROM social_feedentry WHERE post_id = ? AND owner_id IN ({placeholders})"
    deadline = t0 + args.timeout
    max_rounds = int(args.timeout / args.interval) + 10  # bounded even if the clock misbehaves
    for _round in range(max_rounds):
        if not pending or time.perf_counter() >= deadline:
            break
        tick = time.perf_counter()
        if db_ms is None and db.execute(count_sql, (int(post_id), *owner_ids)).fetchone()[0] == len(owner_ids):
            db_ms = (time.perf_counter() - t0) * 1000
            sweeping = True
        if sweeping:
            # Confirm the waiting followers in parallel, one connection per reader,
            # so the sweep measures the timeline rather than queueing behind itself.
            chunks = [pending[i::len(readers)] for i in range(len(readers))]
            found = pool.map(lambda rc: poll(rc[0], rc[1], post_id, auth, t0, deadline), zip(readers, chunks, strict=True))
        else:
            found = [poll(readers[0], [pending[_round % len(pending)]], post_id, auth, t0, deadline)]
        for hits, n in found:
            polls += n
            for h, at in hits:
                seen[h] = at
                pending.remove(h)
                sweeping = True
        rest = args.interval - (time.perf_counter() - tick)
        if rest > 0 and pending:
            time.sleep(rest)
    # If the HTTP side finished first, still note when the rows were there (bounded).
    if db_ms is None and db.execute(count_sql, (int(post_id), *owner_ids)).fetchone()[0] == len(owner_ids):
        db_ms = (time.perf_counter() - t0) * 1000
    timed_out = bool(pending)
    return {
        "post": k + 1,
        "id": post_id,
        "author": author["handle"],
        "followers_total": author["followers_total"],
        "followers_sampled": len(sample),
        "post_ms": round(post_ms, 1),
        "db_fanout_ms": None if db_ms is None else round(db_ms, 1),
        "first_visible_ms": round(min(seen.values()), 1) if seen else None,
        "all_visible_ms": round(max(seen.values()), 1) if not timed_out else None,
        "seen": len(seen),
        "timed_out": timed_out,
        "polls": polls,
        "_sent_wall": sent_wall,
    }


if __name__ == "__main__":
    sys.exit(main())
