#!/usr/bin/env python
"""How long `colony demo` takes to seed its organisation (target: under a minute).

    .venv/bin/python bench/demo_seed.py --runs 3

Each run seeds ~300 people and ~3,000 posts into a fresh SQLite database in a
temporary directory (migrations not counted). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

RUN = """
import json, os, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from colony.demo.seed import seed
from colony.social.models import Post
started = time.monotonic()
result = seed(people=%d)
print(json.dumps({"seconds": time.monotonic() - started, "posts": Post.objects.count(), **result}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--people", type=int, default=300)
    args = parser.parse_args()
    runs = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as data_dir:
            env = {**os.environ, "COLONY_DATA_DIR": data_dir}
            out = subprocess.run([sys.executable, "-c", RUN % args.people], env=env, check=True,
                                 capture_output=True, text=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"run {i + 1}: {runs[-1]['seconds']:.1f} s", file=sys.stderr)
    seconds = [r["seconds"] for r in runs]
    print(json.dumps({
        "benchmark": "demo_seed", "runs": runs, "median_seconds": round(statistics.median(seconds), 2),
        "target_seconds": 60, "met": max(seconds) < 60,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
