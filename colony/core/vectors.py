"""Nearest-neighbour search over vectors, behind one small protocol.

The embedded default keeps every vector of an index in one float32 matrix and
answers a query with a matrix-vector product (brute force). For 10,000
people x 512 dimensions that is 20 MB and well under a millisecond; an ANN
index (usearch) or pgvector can implement the same protocol when an
organisation outgrows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np


class VectorIndex(Protocol):
    def upsert(self, ids: Sequence[int], vectors: np.ndarray) -> None: ...
    def remove(self, ids: Iterable[int]) -> None: ...
    def __len__(self) -> int: ...
    def similarities(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """All ids and their cosine similarity to ``query`` (unit vectors assumed)."""
        ...
    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]: ...


class NumpyVectorIndex:
    """Brute force over a growable float32 matrix; rows are kept dense by swapping on removal."""

    def __init__(self, dimensions: int) -> None:
        self.dimensions = dimensions
        self._matrix = np.zeros((0, dimensions), dtype=np.float32)
        self._ids = np.zeros(0, dtype=np.int64)
        self._row: dict[int, int] = {}
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def _grow(self, needed: int) -> None:
        if needed <= len(self._matrix):
            return
        capacity = max(needed, 2 * len(self._matrix), 64)
        matrix = np.zeros((capacity, self.dimensions), dtype=np.float32)
        ids = np.zeros(capacity, dtype=np.int64)
        matrix[: self._size] = self._matrix[: self._size]
        ids[: self._size] = self._ids[: self._size]
        self._matrix, self._ids = matrix, ids

    def upsert(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dimensions)
        self._grow(self._size + len(ids))
        for key, vector in zip(ids, vectors, strict=True):
            row = self._row.get(key)
            if row is None:
                row = self._size
                self._row[key] = row
                self._ids[row] = key
                self._size += 1
            self._matrix[row] = vector

    def remove(self, ids: Iterable[int]) -> None:
        for key in ids:
            row = self._row.pop(key, None)
            if row is None:
                continue
            last = self._size - 1
            if row != last:  # move the last row into the hole
                moved = int(self._ids[last])
                self._matrix[row] = self._matrix[last]
                self._ids[row] = moved
                self._row[moved] = row
            self._size -= 1

    def similarities(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        scores = self._matrix[: self._size] @ np.asarray(query, dtype=np.float32)
        return self._ids[: self._size].copy(), scores

    def vector(self, key: int) -> np.ndarray | None:
        row = self._row.get(key)
        return None if row is None else self._matrix[row]

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        ids, scores = self.similarities(query)
        if not len(ids) or k <= 0:
            return []
        k = min(k, len(ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(ids[i]), float(scores[i])) for i in top]
