"""The small trained classifiers: logistic regression over sentence embeddings plus lexicon features.

No shipped multilingual model knows "forward-looking" or "generic", so the
project writes its own labelled examples (``data/*.jsonl``), and
``train.py`` fits one logistic regression per check on the multilingual
sentence embedding (USE v3, 512 numbers) joined with the check's lexicon
features. The weights are a few KB of ``.npz``, loaded once per process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

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
                    _loaded[name] = Classifier(
                        mean=f["mean"], scale=f["scale"], coef=f["coef"], bias=float(f["bias"]),
                        feature_names=tuple(str(n) for n in f["names"]),
                        threshold=float(f["threshold"]) if "threshold" in f.files else 0.5,
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
        from colony.core.embeddings import embed

        return embed(list(texts))
    except Exception:  # an unusable encoder must not break writing a post
        log.exception("sentence encoder unavailable; guardrails fall back to word lists")
        return None


def feature_matrix(vectors: np.ndarray, texts: Sequence[str],
                   lexical: Callable[[str], list[float]]) -> np.ndarray:
    """The embedding of each sentence joined with its lexicon features."""
    extra = np.asarray([lexical(t) for t in texts], dtype=np.float32).reshape(len(texts), -1)
    return np.hstack([vectors.astype(np.float32), extra])


def scores(name: str, vectors: np.ndarray | None, texts: Sequence[str],
           lexical: Callable[[str], list[float]]) -> np.ndarray | None:
    """Probabilities of the positive class for each text, or None without a model or encoder."""
    model = classifier(name)
    if model is None or vectors is None or not texts:
        return None
    return model.predict(feature_matrix(vectors, texts, lexical))
