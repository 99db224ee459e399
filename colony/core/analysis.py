"""The analysis pipeline: language and meaning of every post and profile.

Each post's language is detected when it is written (``core.language``);
here every post and every profile also gets a sentence embedding, computed
in a background task after the write commits, so publishing never waits for
the model. ``colony analyze --backfill`` does the same for whatever has no
vector yet (after an upgrade, or a bulk import), with a progress bar.

Per person, two vectors are kept: the profile (title, team, skills, bio) and
the running sum of their organisation-wide posts. Routing compares an ask
with both; later features reuse them.

This module holds what both need; what is read from a profile lives in
``people.analysis`` and what is read from posts in ``social.analysis``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from colony.core.embeddings import from_bytes, to_bytes
from colony.core.models import PersonVector
from colony.core.progress import Progress

BATCH = 256


def person_vector(user_id: int) -> PersonVector:
    person, _ = PersonVector.objects.select_for_update().get_or_create(user_id=user_id)
    return person


def shift_writing(user_id: int, old: np.ndarray | None, new: np.ndarray | None) -> None:
    """Move one post's contribution in its author's running sum (idempotent per post)."""
    if old is None and new is None:
        return
    person = person_vector(user_id)
    total = from_bytes(person.writing_sum).copy() if person.writing_sum else np.zeros(512, dtype=np.float32)
    if old is not None:
        total -= old
        person.writing_count = max(0, person.writing_count - 1)
    if new is not None:
        total += new
        person.writing_count += 1
    person.writing_sum = to_bytes(total)
    person.save(update_fields=["writing_sum", "writing_count", "updated_at"])


def analyze_in_batches(ids: list[int], analyze: Callable[[list[int]], int], label: str | None) -> None:
    """Run ``analyze`` over ``ids`` in batches, with a progress bar when ``label`` is given."""
    bar = Progress(len(ids), label) if label else None
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        analyze(chunk)
        if bar:
            bar.advance(len(chunk))


