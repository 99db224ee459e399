#!/usr/bin/env python
"""Latency of POST /api/v1/desk/check over real HTTP for 1,000-character posts.

    .venv/bin/python bench/desk_check.py --data-dir /tmp/colony-desk-bench --runs 3

Makes DIR if needed (one account, ``colony createuser``), starts ``colony
serve`` on it, and sends, one at a time over a keep-alive connection, posts of
about 1,000 characters built from the sentences of bench/guardrails_set/ in
all five languages, to each of the five channels in turn. Each run also
measures GET /healthz as the bare-stack baseline. Target: p95 <= 50 ms.
The last stdout line is one JSON object; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import subprocess
import time
from pathlib import Path

import httpx
from _common import HOST, Server, colony_command, environment, get_tokens, log, summary_ms

NAME = "desk_check"
TARGET_P95_MS = 50.0
PASSWORD = "a-long-bench-password"
CHANNELS = ["colony", "mastodon", "x", "linkedin", "bluesky"]
SET_DIR = Path(__file__).resolve().parent / "guardrails_set"


def posts(count: int, seed: int) -> list[str]:
    sentences = [json.loads(line)["text"] for name in ("blind2_forward_looking.jsonl", "specificity.jsonl")
                 for line in (SET_DIR / name).read_text().splitlines() if line.strip()]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = ""
        while len(text) < 1000:
            text += rng.choice(sentences) + " "
        out.append(text[:1000])
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, type=Path)
    p.add_argument("--requests", type=int, default=300, help="checks per run")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--port", type=int, default=8768)
    p.add_argument("--seed", type=int, default=11)
    args = p.parse_args(argv)
    data_dir = args.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {"COLONY_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    if not (data_dir / "colony.sqlite3").exists():
        subprocess.run([*colony_command(), "createuser", "bench", "--password-stdin"], input=PASSWORD + "\n",
                       text=True, env=env, check=True, capture_output=True)
    bodies = posts(args.requests, args.seed)
    env_start = environment()
    runs = []
    with Server(data_dir, args.port, NAME) as server:
        with httpx.Client(timeout=60) as client:
            token = get_tokens(client, server.base_url, ["bench"], PASSWORD, NAME)["bench"]
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                   "Accept": "application/json"}
        conn = http.client.HTTPConnection(HOST, args.port, timeout=30)

        def call(method: str, path: str, body: bytes | None) -> tuple[int, float]:
            t0 = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status, time.perf_counter() - t0

        try:
            for i in range(30):  # warm-up (model and classifiers load), not measured
                call("POST", "/api/v1/desk/check", json.dumps({"text": bodies[i % len(bodies)]}).encode())
            for run in range(1, args.runs + 1):
                base = [call("GET", "/healthz", None)[1] for _ in range(200)]
                latencies, errors = [], 0
                for i, text in enumerate(bodies):
                    payload = json.dumps({"text": text, "channel": CHANNELS[i % len(CHANNELS)]}).encode()
                    status, elapsed = call("POST", "/api/v1/desk/check", payload)
                    errors += status != 200
                    latencies.append(elapsed)
                runs.append({"run": run, "check": summary_ms(latencies), "healthz": summary_ms(base),
                             "errors": errors})
                log(NAME, f"run {run}: p50 {runs[-1]['check']['p50']} ms, p95 {runs[-1]['check']['p95']} ms")
        finally:
            conn.close()
    median = {key: round(statistics.median(r["check"][key] for r in runs), 3) for key in ("p50", "p95", "p99")}
    median["healthz_p50"] = round(statistics.median(r["healthz"]["p50"] for r in runs), 3)
    print(json.dumps({
        "benchmark": NAME, "data_dir": str(data_dir), "environment": {"start": env_start, "end": environment()},
        "post_chars": 1000, "runs": runs, "median_ms": median,
        "target": {"p95_ms": TARGET_P95_MS, "met": median["p95"] <= TARGET_P95_MS and all(r["errors"] == 0 for r in runs)},
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
