"""The small trained classifiers: logistic regression over sentence embeddings plus lexicon features.

No shipped multilingual model knows "forward-looking" or "generic", so the
project writes its own labelled examples (``data/*.jsonl``), and
``train.py`` fits one logistic regression per check on the multilingual
sentence embedding (USE v3, 512 numbers) joined with the check's lexicon
features. A check can add one more feature, its *word evidence*: the summed
log-odds of the words, word pairs and word endings of a sentence, counted
in the examples (a naive-Bayes score). The sentence embedding blurs small
grammatical words that decide the matter ("zal", "akan", "будет", "-erà",
a perfective "откроем"); the counts keep them. The weights are a few
hundred KB of ``.npz``, loaded once per process.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from colony.core.embeddings import embed

DATA = Path(__file__).resolve().parent / "data"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Classifier:
    """Standardise, then a dot product and a sigmoid."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    bias: float
    feature_names: tuple[str, ...]
    threshold: float = 0.5  # chosen by cross-validated F1 when trained
    word_evidence: dict[str, float] | None = None  # n-gram -> log-odds; the last feature when present

    def predict(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.coef + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


_lock = threading.Lock()
_loaded: dict[str, Classifier | None] = {}


def classifier(name: str) -> Classifier | None:
    """The trained classifier ``data/<name>.npz``, or None when it has not been trained."""
    with _lock:
        if name not in _loaded:
            path = DATA / f"{name}.npz"
            if path.exists():
                with np.load(path) as f:
                    table = None
                    if "evidence_grams" in f.files:
                        table = dict(zip((str(g) for g in f["evidence_grams"]),
                                         (float(w) for w in f["evidence_weights"]), strict=True))
                    _loaded[name] = Classifier(
                        mean=f["mean"], scale=f["scale"], coef=f["coef"], bias=float(f["bias"]),
                        feature_names=tuple(str(n) for n in f["names"]),
                        threshold=float(f["threshold"]) if "threshold" in f.files else 0.5,
                        word_evidence=table,
                    )
            else:
                log.warning("guardrail classifier %s is missing; using its word list alone", name)
                _loaded[name] = None
        return _loaded[name]


def threshold(name: str) -> float:
    model = classifier(name)
    return model.threshold if model is not None else 0.5


def embed_sentences(texts: Sequence[str]) -> np.ndarray | None:
    """Embeddings of ``texts`` in one batch, or None if the encoder cannot run here.

    A composer check should degrade to its word lists rather than fail the
    writer, so an encoder that cannot load is logged and skipped.
    """
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    try:
        return embed(list(texts))
    except Exception:  # an unusable encoder must not break writing a post
        log.exception("sentence encoder unavailable; guardrails fall back to word lists")
        return None


_WORD = re.compile(r"\w+")


def grams(text: str) -> set[str]:
    """Words, word pairs and word endings of ``text``, lower-cased, digits folded to one token.

    Endings carry tense where a language inflects it ("-erà", "-ится"); pairs
    carry it where small words do ("will grow", "akan naik", "gaan openen").
    """
    words = ["<num>" if w.isdigit() else w for w in _WORD.findall(text.lower())]
    found = set(words)
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    found.update("~" + w[-3:] for w in words if len(w) > 4)
    return found


def evidence(text: str, table: dict[str, float]) -> float:
    """The summed log-odds of the known n-grams of ``text``, damped by their number."""
    weights = [table[g] for g in grams(text) if g in table]
    return sum(weights) / math.sqrt(len(weights) + 1)


def feature_matrix(vectors: np.ndarray, texts: Sequence[str], lexical: Callable[[str], list[float]],
                   word_evidence: dict[str, float] | None = None) -> np.ndarray:
    """The embedding of each sentence joined with its lexicon features (and its word evidence, if any)."""
    extra = np.asarray([lexical(t) for t in texts], dtype=np.float32).reshape(len(texts), -1)
    columns = [vectors.astype(np.float32), extra]
    if word_evidence is not None:
        columns.append(np.asarray([[evidence(t, word_evidence)] for t in texts], dtype=np.float32))
    return np.hstack(columns)


def scores(name: str, vectors: np.ndarray | None, texts: Sequence[str],
           lexical: Callable[[str], list[float]]) -> np.ndarray | None:
    """Probabilities of the positive class for each text, or None without a model or encoder."""
    model = classifier(name)
    if model is None or vectors is None or not texts:
        return None
    return model.predict(feature_matrix(vectors, texts, lexical, model.word_evidence))
