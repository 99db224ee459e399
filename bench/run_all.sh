#!/usr/bin/env bash
# Small end-to-end bench: seed a throwaway dataset in /tmp, then run the home
# timeline and fan-out benchmarks against `colony serve`. Prints each JSON result.
#
#   bench/run_all.sh                # 2,000 people x 100,000 posts x 50 follows
#   PEOPLE=10000 POSTS=1000000 FOLLOWS=100 DATA_DIR=/tmp/colony-bench bench/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DATA_DIR=${DATA_DIR:-/tmp/colony-bench-small}
PEOPLE=${PEOPLE:-2000}
POSTS=${POSTS:-100000}
FOLLOWS=${FOLLOWS:-50}
RUNS=${RUNS:-3}
REQUESTS=${REQUESTS:-2000}

case "$(realpath -m "$DATA_DIR")" in
  "$(pwd)"|"$(pwd)"/*) echo "run_all: keep bench data out of the repository (DATA_DIR=$DATA_DIR)" >&2; exit 2 ;;
esac
$PY -c "import numpy" 2>/dev/null || { echo "run_all: installing numpy (bench-only dependency)" >&2; $PY -m pip install -q numpy; }

echo "== seed ($PEOPLE people x $POSTS posts x $FOLLOWS follows into $DATA_DIR) ==" >&2
seed_json=$($PY bench/seed.py --data-dir "$DATA_DIR" --people "$PEOPLE" --posts "$POSTS" --follows "$FOLLOWS" --force)
echo "== timeline ==" >&2
timeline_json=$($PY bench/timeline.py --data-dir "$DATA_DIR" --runs "$RUNS" --requests "$REQUESTS")
echo "== fanout ==" >&2
fanout_json=$($PY bench/fanout.py --data-dir "$DATA_DIR")

echo "$seed_json"
echo "$timeline_json"
echo "$fanout_json"
