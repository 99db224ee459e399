#!/usr/bin/env python
"""Quality and speed of the desk's guardrail checks, in process (no server, no database).

    .venv/bin/python bench/guardrails.py --runs 3

Scores ``colony.desk.checks.check()`` on the labelled evaluation sets in
bench/guardrails_set/ (written separately from the training examples, never
trained on). Each check is scored on every split present for it:
forward-looking statements on "blind2" and "blind3" (100 sentences per
language each, written by other hands without seeing the checks, their
word lists or training examples); specificity also on "dev" (120 per
language; its errors were read while the checks were improved, so it
flatters them), "holdout" (20 per language) and "blind" (100 per language).
The forward-looking "dev", "holdout" and "blind" splits became training
examples (colony/desk/checks/data/forward_looking_earlier_tests.jsonl) once
their errors had been read. Per split:
precision, recall and F1 per language for forward-looking
statements (a sentence is flagged when check() returns a forward_looking
finding) and for specificity (specific when the score is >= 0.5; reported
for both classes). The word-list-only baselines (forward.keyword_hit and
specificity.keyword_score, the same lexicons without the classifier) are
computed in the same run so the classifier's gain is visible. Tone, as a
side check: hostile sentences found (a tone "warn") in tone.jsonl ("dev", 12
per language, read while the tone checks were built) and blind_tone.jsonl
("blind", 40 per language, written by another hand), and false alarms on
every civil sentence of the other sets.

Latency: check() on 1,000-character posts built from the set's sentences,
language detection included (language=None, as the composer calls it),
``--posts`` calls per run; p50/p95/p99 per run and the median over
``--runs``. Targets: forward-looking F1 >= 0.88 in every language; p95 <= 50 ms.
The last stdout line is one JSON object; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SET = REPO / "bench" / "guardrails_set"
NAME = "guardrails"
LANGUAGES = ("en", "nl", "id", "it", "ru")
TARGET_F1 = 0.88
TARGET_P95_MS = 50.0
POST_CHARS = 1000


def log(msg: str) -> None:
    print(f"[{NAME} {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load(name: str) -> list[dict]:
    with open(SET / f"{name}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def splits(check: str) -> dict[str, list[dict]]:
    """The evaluation splits of one check present in the set: "dev" (no prefix), "holdout", "blind", "blind2", …"""
    found = {}
    for path in sorted(SET.glob(f"*{check}.jsonl")):
        prefix = path.name.removesuffix(f"{check}.jsonl")
        if prefix and not prefix.endswith("_"):
            continue  # another check whose name ends the same way
        found[prefix.rstrip("_") or "dev"] = load(path.stem)
    return found


def prf(pairs: list[tuple[bool, bool]]) -> dict[str, float | int]:
    """Precision, recall, F1 of (predicted, actual) pairs for the positive class."""
    tp = sum(1 for p, a in pairs if p and a)
    fp = sum(1 for p, a in pairs if p and not a)
    fn = sum(1 for p, a in pairs if not p and a)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "n": len(pairs),
            "tp": tp, "fp": fp, "fn": fn}


def by_language(rows: list[dict], predicted: list[bool], positive: int = 1) -> dict[str, dict]:
    out = {}
    for lang in LANGUAGES:
        idx = [i for i, r in enumerate(rows) if r["language"] == lang]
        out[lang] = prf([(predicted[i], rows[i]["label"] == positive) for i in idx])
        hard = [i for i in idx if rows[i].get("hard")]
        if hard:
            out[lang]["hard_accuracy"] = round(
                sum(1 for i in hard if predicted[i] == (rows[i]["label"] == positive)) / len(hard), 3)
    return out


def evaluate_forward(rows: list[dict], details: list[dict], split: str) -> dict:
    from colony.desk.checks import check, forward

    model = [any(f.kind == "forward_looking" for f in check(r["text"], language=r["language"]).findings)
             for r in rows]
    keywords = [forward.keyword_hit(r["text"]) for r in rows]
    for r, m, k in zip(rows, model, keywords, strict=True):
        if m != bool(r["label"]) or k != bool(r["label"]):
            details.append({"check": "forward_looking", "split": split, **r, "model": m, "keywords": k})
    return {"model": by_language(rows, model), "keyword_baseline": by_language(rows, keywords)}


def evaluate_specificity(rows: list[dict], details: list[dict], split: str) -> dict:
    from colony.desk.checks import check, specificity

    scores = [check(r["text"], language=r["language"]).specificity for r in rows]
    keyword = [specificity.keyword_score(r["text"]) for r in rows]
    model_specific = [s >= 0.5 for s in scores]
    keyword_specific = [s >= 0.5 for s in keyword]
    for r, s, k in zip(rows, scores, keyword, strict=True):
        if (s >= 0.5) != bool(r["label"]):
            details.append({"check": "specificity", "split": split, **r, "score": round(s, 3),
                            "keyword_score": round(k, 3)})
    return {
        "model": {"specific": by_language(rows, model_specific, 1),
                  "generic": by_language(rows, [not p for p in model_specific], 0)},
        "keyword_baseline": {"specific": by_language(rows, keyword_specific, 1),
                             "generic": by_language(rows, [not p for p in keyword_specific], 0)},
    }


def evaluate_tone(rows: list[dict], details: list[dict], split: str) -> dict:
    model = [_warned(r["text"]) for r in rows]
    keywords = [_listed(r["text"]) for r in rows]
    for r, m in zip(rows, model, strict=True):
        if m != bool(r["label"]):
            details.append({"check": "tone", "split": split, **r, "model": m})
    return {
        "hostile": {"model": {"all": prf([(m, r["label"] == 1) for m, r in zip(model, rows, strict=True)]),
                              **by_language(rows, model)},
                    "keyword_baseline": {"all": prf([(k, r["label"] == 1) for k, r in zip(keywords, rows, strict=True)]),
                                         **by_language(rows, keywords)}},
    }


def _warned(text: str) -> bool:
    from colony.desk.checks import check

    return any(f.kind == "tone" and f.severity == "warn" for f in check(text).findings)


def _listed(text: str) -> bool:
    from colony.desk.checks import tone

    return bool(tone.INSULTS.search(text) or tone.HEATED.search(text))


def false_alarms(civil: list[str]) -> dict:
    """Tone warnings on civil sentences (every sentence of the forward-looking and specificity sets)."""
    return {"model": sum(1 for t in civil if _warned(t)), "keyword_baseline": sum(1 for t in civil if _listed(t)),
            "of": len(civil)}


def posts(rows: list[dict], count: int, rng: random.Random) -> list[str]:
    """1,000-character posts: sentences of one language from the set, joined, cut at a word."""
    by_lang = {lang: [r["text"] for r in rows if r["language"] == lang] for lang in LANGUAGES}
    out = []
    for i in range(count):
        pool = by_lang[LANGUAGES[i % len(LANGUAGES)]]
        text = ""
        while len(text) < POST_CHARS:
            text += rng.choice(pool) + " "
        out.append(text[:POST_CHARS].rsplit(" ", 1)[0][: POST_CHARS - 1] + ".")
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def latency(texts: list[str], runs: int) -> dict:
    from colony.desk.checks import check

    for text in texts[:20]:  # warm-up: model and lexicon loading, not measured
        check(text)
    per_run = []
    for run in range(1, runs + 1):
        times = []
        for text in texts:
            t0 = time.perf_counter()
            check(text)
            times.append((time.perf_counter() - t0) * 1000)
        summary = {key: round(percentile(times, q), 3) for key, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99))}
        summary["mean"] = round(statistics.mean(times), 3)
        per_run.append({"run": run, **summary})
        log(f"latency run {run}: p50 {summary['p50']} ms, p95 {summary['p95']} ms, p99 {summary['p99']} ms")
    median = {key: round(statistics.median(r[key] for r in per_run), 3) for key in ("p50", "p95", "p99", "mean")}
    return {"runs": per_run, "median_ms": median, "post_chars": POST_CHARS, "posts_per_run": len(texts)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=3, help="latency runs; the median is reported")
    p.add_argument("--posts", type=int, default=200, help="1,000-character posts checked per run")
    p.add_argument("--data-dir", type=Path, default=Path("/tmp/colony-guardrails"),
                   help="COLONY_DATA_DIR for Django settings (nothing is written to a database)")
    p.add_argument("--details", type=Path, help="write the misjudged sentences here as JSON lines")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")
    os.environ.setdefault("COLONY_DATA_DIR", str(args.data_dir))
    import django

    django.setup()
    from django.utils import translation

    translation.activate("en")
    started = time.perf_counter()
    forward_rows = splits("forward_looking")
    specific_rows = splits("specificity")
    log("sentences: forward-looking " + ", ".join(f"{k} {len(v)}" for k, v in forward_rows.items())
        + "; specificity " + ", ".join(f"{k} {len(v)}" for k, v in specific_rows.items()))
    details: list[dict] = []
    forward_result, specific_result = {}, {}
    for split, rows in forward_rows.items():
        t0 = time.perf_counter()
        forward_result[split] = evaluate_forward(rows, details, split)
        log(f"{split} forward-looking scored in {time.perf_counter() - t0:.1f} s: "
            + ", ".join(f"{k} F1 {v['f1']}" for k, v in forward_result[split]["model"].items()))
    for split, rows in specific_rows.items():
        t0 = time.perf_counter()
        specific_result[split] = evaluate_specificity(rows, details, split)
        log(f"{split} specificity (generic found) scored in {time.perf_counter() - t0:.1f} s: "
            + ", ".join(f"{k} F1 {v['f1']}" for k, v in specific_result[split]["model"]["generic"].items()))
    civil = [r["text"] for group in (forward_rows, specific_rows) for rows in group.values() for r in rows]
    tone_result: dict = {split: evaluate_tone(rows, details, split) for split, rows in splits("tone").items()}
    tone_result["false_alarms_on_civil_posts"] = false_alarms(civil)
    log("tone: hostile found " + ", ".join(f"{split} {tone_result[split]['hostile']['model']['all']['recall']}"
                                           for split in splits("tone"))
        + f"; false alarms {tone_result['false_alarms_on_civil_posts']['model']}")
    texts = posts([r for rows in forward_rows.values() for r in rows] + specific_rows["dev"], args.posts,
                  random.Random(args.seed))
    speed = latency(texts, args.runs)
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            for row in details:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        log(f"{len(details)} misjudged sentences written to {args.details}")
    import numpy

    weakest = {split: min(v["f1"] for v in result["model"].values()) for split, result in forward_result.items()}
    print(json.dumps({
        "benchmark": NAME,
        "environment": {"python": platform.python_version(), "numpy": numpy.__version__, "cpus": os.cpu_count(),
                        "embedding_threads": os.environ.get("COLONY_EMBEDDING_THREADS", "1")},
        "set": {"forward_looking": {split: len(rows) for split, rows in forward_rows.items()},
                "specificity": {split: len(rows) for split, rows in specific_rows.items()}},
        "forward_looking": forward_result,
        "specificity": specific_result,
        "tone": tone_result,
        "latency": speed,
        "target": {
            "forward_looking_f1": TARGET_F1, "p95_ms": TARGET_P95_MS,
            "forward_looking_met": {split: w >= TARGET_F1 for split, w in weakest.items()},
            "latency_met": speed["median_ms"]["p95"] <= TARGET_P95_MS,
        },
        "seconds": round(time.perf_counter() - started, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
