"""Train the guardrail classifiers from the examples in ``data/*.jsonl`` (numpy only, deterministic).

    COLONY_DATA_DIR=/tmp/colony-train .venv/bin/python -m colony.desk.checks.train

For each check (forward_looking, specificity, tone) it embeds every example
with the project's sentence encoder, adds the check's lexicon features (and,
for forward_looking and tone, the word evidence of ``model.grams``, computed
out of fold so the regression does not over-trust it), standardises, picks
the L2 strength by 5-fold cross-validation (folds by position, so the same
files always give the same folds) and fits an L2 logistic regression by
Newton's method. The weights go to ``data/<check>.npz`` (7 to 130 KB). The examples were written for Colony in
English, Dutch, Indonesian, Italian and Russian; the evaluation set in
``bench/guardrails_set/`` is separate and never trained on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from . import forward, specificity, tone
from .model import embed_sentences, evidence, feature_matrix, grams

DATA = Path(__file__).resolve().parent / "data"
CHECKS = ("forward_looking", "specificity", "tone")
# The examples were written in 2026; their "in 2028" is future and "in 2022" past.
# Pinning the year keeps training reproducible whatever the date.
REFERENCE_YEAR = 2026
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
# How much louder the lexicon features speak than one embedding number: a
# boost b divides their scale by b, which weakens the L2 pull on them by b².
BOOSTS = (1.0, 3.0, 10.0)
FOLDS = 5
# The example files of each check, in order. Within a file the rows of each
# language run in parallel (see data/README.md), which is what the folds rely on.
SOURCES = {
    "forward_looking": ("forward_looking.jsonl", "forward_looking_earlier_tests.jsonl", "forward_looking_more.jsonl"),
    "specificity": ("specificity.jsonl",),
    "tone": ("tone.jsonl", "tone_more.jsonl"),
}
# Checks that add the word-evidence feature: where tense, intent or sarcasm hide
# in small words the embedding blurs. Cross-validated log loss fell from 0.176
# to 0.169 for forward-looking statements with it, and from 0.1439 to 0.1426 for tone.
WORD_EVIDENCE = ("forward_looking", "tone")
EVIDENCE_MIN_COUNT = 2  # an n-gram seen once is a name or a typo, not evidence


def lexical(check: str) -> tuple[Callable[[str], list[float]], tuple[str, ...]]:
    if check == "forward_looking":
        return (lambda s: forward.features(s, REFERENCE_YEAR)), forward.FEATURE_NAMES
    if check == "specificity":
        return specificity.features, specificity.FEATURE_NAMES
    return tone.features, tone.FEATURE_NAMES


def _read(name: str) -> list[dict[str, object]]:
    with open(DATA / name, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    seen: dict[str, int] = {}
    for r in rows:  # the fold: position within the file and language, so translations share one
        lang = str(r["language"])
        r["fold"] = seen.get(lang, 0) % FOLDS
        seen[lang] = seen.get(lang, 0) + 1
    return rows


def load(check: str) -> list[dict[str, object]]:
    rows = [r for name in SOURCES[check] for r in _read(name)]
    if check == "tone":
        # Every example written for the other checks is a civil post: forecasts,
        # thanks, platitudes. They teach the tone model that enthusiasm and
        # big words are not hostility (without them it flagged "there has never
        # been a more exciting time to work here"). Together they weigh as much
        # as the civil examples written for tone (disagreement, correction,
        # apology): outnumbered twenty to one, those were drowned, and the
        # model learnt "disagreeing" as "hostile".
        borrowed = [{**r, "label": 0} for other in ("forward_looking", "specificity")
                    for name in SOURCES[other] for r in _read(name)]
        civil = sum(1 for r in rows if r["label"] == 0)
        for r in borrowed:
            r["weight"] = civil / len(borrowed)
        rows += borrowed
    return rows


def evidence_table(texts: list[str], y: np.ndarray, weight: np.ndarray | None = None,
                   smoothing: float = 1.0) -> dict[str, float]:
    """Log-odds of each n-gram (``model.grams``) seen at least EVIDENCE_MIN_COUNT times, Laplace-smoothed.

    Each example counts with its ``weight`` (1 when None).
    """
    from collections import Counter, defaultdict

    weight = np.ones(len(texts)) if weight is None else weight
    positive: defaultdict[str, float] = defaultdict(float)
    negative: defaultdict[str, float] = defaultdict(float)
    seen = Counter[str]()
    for text, label, w in zip(texts, y, weight, strict=True):
        found = grams(text)
        seen.update(found)
        side = positive if label == 1 else negative
        for gram in found:
            side[gram] += float(w)
    n_pos, n_neg = max(1.0, float(weight[y == 1].sum())), max(1.0, float(weight[y == 0].sum()))
    table = {}
    for gram in sorted(seen):
        if seen[gram] >= EVIDENCE_MIN_COUNT:
            table[gram] = float(np.log((positive[gram] + smoothing) / (n_pos + 2 * smoothing))
                                - np.log((negative[gram] + smoothing) / (n_neg + 2 * smoothing)))
    return table


def out_of_fold_evidence(texts: list[str], y: np.ndarray, folds: np.ndarray,
                         weight: np.ndarray | None = None) -> np.ndarray:
    """Each example's word evidence from a table counted without its fold (as a new sentence would see it)."""
    column = np.zeros((len(texts), 1))
    for k in range(FOLDS):
        table = evidence_table([t for t, f in zip(texts, folds, strict=True) if f != k], y[folds != k],
                               None if weight is None else weight[folds != k])
        for i in np.flatnonzero(folds == k):
            column[i, 0] = evidence(texts[i], table)
    return column


def fit(x: np.ndarray, y: np.ndarray, penalty: float, weight: np.ndarray | None = None,
        iterations: int = 30) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised).

    Classes are weighted to count equally: the example files hold more
    negatives (hard cases) than positives, and that ratio says nothing about
    how often a leader writes a forecast. ``weight`` scales single examples
    within their class (see ``load``).
    """
    n, d = x.shape
    weight = np.ones(n) if weight is None else weight
    total, positives = float(weight.sum()), max(1e-9, float(weight[y == 1].sum()))
    sample = weight * np.where(y == 1, total / (2 * positives), total / (2 * max(1e-9, total - positives)))
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, penalty)
    reg[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (sample * (p - y)) + reg * w
        hess = (xb * (sample * p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], float(w[-1])


def standardise(x: np.ndarray, lexical_columns: int, boost: float) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = np.where(x.std(axis=0) < 1e-6, 1.0, x.std(axis=0))
    scale[-lexical_columns:] /= boost
    return mean, scale


def log_loss(p: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    losses = y * np.log(p) + (1 - y) * np.log(1 - p)
    return float(-np.mean(losses) if weight is None else -np.average(losses, weights=weight))


def cross_validate(x: np.ndarray, y: np.ndarray, folds: np.ndarray, lexical_columns: int, penalty: float,
                   boost: float, weight: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """Mean held-out log loss (weighted like the fit) and the held-out probabilities of every example."""
    held_out = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        mean, scale = standardise(x[train], lexical_columns, boost)
        coef, bias = fit((x[train] - mean) / scale, y[train], penalty, None if weight is None else weight[train])
        held_out[test] = 1.0 / (1.0 + np.exp(-(((x[test] - mean) / scale) @ coef + bias)))
    return log_loss(held_out, y, weight), held_out


def best_threshold(held_out: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold, between 0.2 and 0.7, whose held-out F1 of the positive class is within 0.005 of the best.

    F1 is flat over a wide band of thresholds; within it the lowest is taken
    because the example files are mostly hard negatives (minimal pairs, "target
    audience", invitations), far more than a leader's posts hold, so held-out
    precision understates real precision while missed forecasts (futures
    marked only by a date) are what the evaluation found lacking.
    """
    def f1(t: float) -> float:
        predicted = held_out >= t
        tp = float(np.sum(predicted & (y == 1)))
        return 2 * tp / max(1.0, float(predicted.sum() + (y == 1).sum()))

    candidates = [round(0.2 + 0.05 * i, 2) for i in range(11)]
    best = max(f1(t) for t in candidates)
    return min(t for t in candidates if f1(t) >= best - 0.005)


def train(check: str, out_dir: Path) -> dict[str, object]:
    rows = load(check)
    texts = [str(r["text"]) for r in rows]
    y = np.asarray([int(str(r["label"])) for r in rows], dtype=np.float64)
    vectors = embed_sentences(texts)
    if vectors is None:
        raise SystemExit("the sentence encoder is not available; cannot train")
    features, names = lexical(check)
    x = feature_matrix(vectors, texts, features).astype(np.float64)
    # The example files are written in parallel: the n-th example of each language
    # is often a translation of the others. Folding by that position keeps a
    # sentence and its translations in the same fold, so the cross-validation
    # does not reward memorising a sentence across languages.
    folds = np.asarray([int(str(r["fold"])) for r in rows])
    weight = (np.asarray([float(str(r.get("weight", 1.0))) for r in rows])
              if any("weight" in r for r in rows) else None)
    arrays: dict[str, Any] = {}
    if check in WORD_EVIDENCE:
        x = np.hstack([x, out_of_fold_evidence(texts, y, folds, weight)])
        names = (*names, "word_evidence")
        table = evidence_table(texts, y, weight)
        arrays = {"evidence_grams": np.asarray(list(table)),
                  "evidence_weights": np.asarray(list(table.values()), dtype=np.float32)}
    grid = [(penalty, boost) for penalty in PENALTIES for boost in BOOSTS]
    results = {g: cross_validate(x, y, folds, len(names), *g, weight=weight) for g in grid}
    best = min(grid, key=lambda g: (round(results[g][0], 4), -g[0], g[1]))
    held_out = results[best][1]
    threshold = best_threshold(held_out, y)
    mean, scale = standardise(x, len(names), best[1])
    coef, bias = fit((x - mean) / scale, y, best[0], weight)
    # ``names`` lists the lexicon features that follow the 512 embedding numbers
    # (the last, "word_evidence", is computed from evidence_grams/evidence_weights).
    arrays.update(
        mean=mean.astype(np.float32), scale=scale.astype(np.float32), coef=coef.astype(np.float32),
        bias=np.float32(bias), names=np.asarray(names), penalty=np.float32(best[0]), boost=np.float32(best[1]),
        threshold=np.float32(threshold),
    )
    np.savez_compressed(out_dir / f"{check}.npz", **arrays)
    per_language, recall, precision = {}, {}, {}
    for lang in sorted({str(r["language"]) for r in rows}):
        idx = np.asarray([i for i, r in enumerate(rows) if r["language"] == lang])
        per_language[lang] = round(float(np.mean((held_out[idx] >= 0.5) == (y[idx] == 1))), 3)
        # At the chosen threshold: how many positives are found, and how many flags are right.
        flagged, positive = held_out[idx] >= threshold, y[idx] == 1
        recall[lang] = round(float(np.sum(flagged & positive)) / max(1.0, float(positive.sum())), 3)
        precision[lang] = round(float(np.sum(flagged & positive)) / max(1.0, float(flagged.sum())), 3)
    return {"check": check, "examples": len(rows), "penalty": best[0], "lexical_boost": best[1],
            "cv_log_loss": round(results[best][0], 4), "threshold": threshold,
            "cv_accuracy": round(float(np.mean((held_out >= 0.5) == (y == 1))), 3),
            "cv_accuracy_by_language": per_language, "cv_recall_by_language": recall,
            "cv_precision_by_language": precision}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", choices=CHECKS, action="append", help="train only this check (repeatable)")
    p.add_argument("--out", type=Path, default=DATA, help="where to write the .npz files")
    args = p.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")
    import django

    django.setup()
    for check in args.check or CHECKS:
        print(json.dumps(train(check, args.out)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
