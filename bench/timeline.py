#!/usr/bin/env python
"""Sequential latency of GET /api/v1/timelines/home over real HTTP.

    .venv/bin/python bench/timeline.py --data-dir /tmp/colony-bench --runs 3

Starts ``colony serve`` on 127.0.0.1:PORT against DIR (made by bench/seed.py),
signs in a sample of the bench users (POST /api/v1/tokens), then, over one
keep-alive connection, one request at a time:

* warm-up: --warmup timeline requests (not measured), once;
* per run: --baseline-requests GET /healthz (the bare stack: uvicorn, Django's
  middleware, one ``SELECT 1``), then --requests GET
  /api/v1/timelines/home?limit=20 cycling over the signed-in users.

With ``--past-cap`` each request asks for the page just older than the user's
stored feed (``max_id`` = the oldest post in it), which Colony computes from
the follow graph and the audience rule instead of reading stored rows; its
target is p50 <= 30 ms.

Every timeline response must be 200 with 20 posts; others are counted and
reported. Latency is measured client-side from sending the request to having
read the whole body. The server is stopped (SIGTERM, then wait) at the end,
also on errors. Progress goes to stderr; the last stdout line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
from _common import Http, Server, environment, get_tokens, load_users, log, summary_ms

NAME = "timeline"
TARGET_P50_MS = 15.0
TARGET_P99_MS = 60.0
TARGET_PAST_CAP_P50_MS = 30.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, type=Path)
    p.add_argument("--requests", type=int, default=2000, help="timeline requests per run")
    p.add_argument("--warmup", type=int, default=200, help="unmeasured timeline requests before the runs")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--users", type=int, default=100, help="how many bench users to sign in and cycle over")
    p.add_argument("--baseline-requests", type=int, default=1000, help="GET /healthz requests per run")
    p.add_argument("--limit", type=int, default=20, help="page size asked for (and expected)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--past-cap", action="store_true",
                   help="request the page older than each user's stored feed (max_id = its oldest post)")
    p.add_argument("--py-spy", type=Path, metavar="FILE",
                   help="after the runs, one more (unmeasured) pass of --requests timeline requests "
                        "with py-spy sampling the server: raw collapsed stacks to FILE, top functions "
                        "in the JSON; needs py-spy in the venv")
    args = p.parse_args(argv)
    if args.requests < 1 or args.runs < 1 or args.users < 1 or args.warmup < 0 or args.baseline_requests < 1:
        p.error("counts must be positive")
    return args


def dataset_info(data_dir: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{data_dir / 'colony.sqlite3'}?mode=ro", uri=True, timeout=20)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("people_user", "social_post", "social_follow", "social_feedentry")}
    finally:
        con.close()


def oldest_stored(data_dir: Path, handles: list[str]) -> dict[str, int]:
    """Per handle, the oldest post id in the stored home feed (where computed pages begin)."""
    con = sqlite3.connect(f"file:{data_dir / 'colony.sqlite3'}?mode=ro", uri=True, timeout=20)
    try:
        return {h: con.execute(
            "SELECT min(f.post_id) FROM social_feedentry f JOIN people_user u ON u.id = f.owner_id "
            "WHERE u.username = ?", (h,)).fetchone()[0] for h in handles}
    finally:
        con.close()


def start_py_spy(out: Path, server: Server) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).parent / "py-spy"
    if not exe.exists():
        raise SystemExit(f"{NAME}: --py-spy needs {exe} (pip install py-spy into the venv)")
    assert server.proc is not None
    cmd = [str(exe), "record", "--pid", str(server.proc.pid), "--format", "raw", "--rate", "250",
           "--output", str(out)]
    log(NAME, "profiling the server: " + " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)  # let it attach
    return proc


def stop_py_spy(proc: subprocess.Popen[bytes], out: Path, top: int = 25) -> dict:
    proc.send_signal(signal.SIGINT)  # py-spy writes its output on Ctrl-C
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if not out.exists():
        return {"error": (proc.stderr.read() if proc.stderr else b"").decode()[-500:]}
    total = 0
    self_t: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    for line in out.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        count = int(n)
        total += count
        frames = stack.split(";")
        self_t[frames[-1]] += count
        for f in set(frames):
            incl[f] += count
    def pct(c: Counter[str]) -> list[list[object]]:
        return [[f, round(100.0 * v / total, 1)] for f, v in c.most_common(top)]
    return {"file": str(out), "samples": total, "self_pct": pct(self_t), "inclusive_pct": pct(incl)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir = args.data_dir.resolve()
    env_start = environment()
    handles, password = load_users(data_dir)
    sample = random.Random(args.seed).sample(handles, min(args.users, len(handles)))
    info = dataset_info(data_dir)
    path = f"/api/v1/timelines/home?limit={args.limit}"
    paths = [path] * len(sample)
    if args.past_cap:
        floors = oldest_stored(data_dir, sample)
        paths = [f"{path}&max_id={floors[h]}" for h in sample]
    server = Server(data_dir, args.port, NAME)
    runs = []
    spy = None
    profile: dict | None = None
    problems: dict[str, object] = {"non_200": 0, "wrong_count": 0, "baseline_non_200": 0, "examples": []}
    with server:
        with httpx.Client(timeout=60) as client:
            tokens = get_tokens(client, server.base_url, sample, password, NAME)
        headers = [{"Authorization": f"Bearer {tokens[h]}", "Accept": "application/json"} for h in sample]
        http_ = Http(args.port)
        try:
            def timeline_request(i: int) -> float:
                status, body, elapsed = http_.get(paths[i % len(paths)], headers[i % len(headers)])
                if status != 200:
                    problems["non_200"] += 1  # type: ignore[operator]
                    if len(problems["examples"]) < 5:  # type: ignore[arg-type]
                        problems["examples"].append({"status": status, "body": body[:200].decode("utf-8", "replace")})  # type: ignore[union-attr]
                else:
                    n = len(json.loads(body))
                    if n != args.limit:
                        problems["wrong_count"] += 1  # type: ignore[operator]
                        if len(problems["examples"]) < 5:  # type: ignore[arg-type]
                            problems["examples"].append({"status": status, "posts": n, "user": sample[i % len(sample)]})  # type: ignore[union-attr]
                return elapsed

            log(NAME, f"warm-up: {args.warmup} timeline requests")
            for i in range(args.warmup):
                timeline_request(i)
            for run in range(1, args.runs + 1):
                base = []
                for _ in range(args.baseline_requests):
                    status, _body, elapsed = http_.get("/healthz", {"Accept": "application/json"})
                    if status != 200:
                        problems["baseline_non_200"] += 1  # type: ignore[operator]
                    base.append(elapsed)
                lat = []
                t0 = time.perf_counter()
                for i in range(args.requests):
                    lat.append(timeline_request(i))
                wall = time.perf_counter() - t0
                r = {"run": run, "timeline_ms": summary_ms(lat), "rps": round(args.requests / wall, 1),
                     "healthz_ms": summary_ms(base)}
                r["p50_ratio_to_healthz"] = round(r["timeline_ms"]["p50"] / r["healthz_ms"]["p50"], 2)
                runs.append(r)
                log(NAME, f"run {run}: timeline p50 {r['timeline_ms']['p50']} ms, p99 {r['timeline_ms']['p99']} ms, "
                          f"{r['rps']} req/s; healthz p50 {r['healthz_ms']['p50']} ms")
            if args.py_spy:
                # A separate, unmeasured pass: sampling pauses the server, so it
                # must not overlap the measured runs.
                spy = start_py_spy(args.py_spy, server)
                for i in range(args.requests):
                    timeline_request(i)
        finally:
            http_.close()
            if spy is not None:
                profile = stop_py_spy(spy, args.py_spy)

    def med(key: str, field: str) -> float:
        return round(statistics.median(r[key][field] for r in runs), 3)

    median = {
        "timeline_p50_ms": med("timeline_ms", "p50"),
        "timeline_p95_ms": med("timeline_ms", "p95"),
        "timeline_p99_ms": med("timeline_ms", "p99"),
        "timeline_mean_ms": med("timeline_ms", "mean"),
        "rps": round(statistics.median(r["rps"] for r in runs), 1),
        "healthz_p50_ms": med("healthz_ms", "p50"),
        "healthz_p99_ms": med("healthz_ms", "p99"),
    }
    median["p50_ratio_to_healthz"] = round(median["timeline_p50_ms"] / median["healthz_p50_ms"], 2)
    median["p99_ratio_to_healthz"] = round(median["timeline_p99_ms"] / median["healthz_p99_ms"], 2)
    result = {
        "benchmark": "home_timeline_past_cap" if args.past_cap else "home_timeline_sequential",
        "data_dir": str(data_dir),
        "dataset": info,
        "endpoint": path + ("&max_id=<oldest stored>" if args.past_cap else ""),
        "users_sampled": len(sample),
        "requests_per_run": args.requests,
        "warmup": args.warmup,
        "baseline_requests_per_run": args.baseline_requests,
        "environment": {"start": env_start, "end": environment()},
        "server_startup_s": server.startup_s,
        "server_exit_code": server.exit_code,
        "server_worker_orphaned_by_sigterm": server.orphaned_worker,
        "client_reconnects": http_.reconnects,
        "runs": runs,
        "median": median,
        "problems": problems,
        "py_spy": profile,
        "target": (
            {"p50_ms": TARGET_PAST_CAP_P50_MS,
             "met": median["timeline_p50_ms"] <= TARGET_PAST_CAP_P50_MS
             and problems["non_200"] == 0 and problems["wrong_count"] == 0}
            if args.past_cap else
            {"p50_ms": TARGET_P50_MS, "p99_ms": TARGET_P99_MS,
             "met": median["timeline_p50_ms"] <= TARGET_P50_MS and median["timeline_p99_ms"] <= TARGET_P99_MS
             and problems["non_200"] == 0 and problems["wrong_count"] == 0}),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
