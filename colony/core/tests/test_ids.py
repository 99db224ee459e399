from __future__ import annotations

from datetime import UTC, datetime, timedelta

from colony.core.ids import id_at, moment_of, new_id


def test_ids_grow_strictly_even_within_one_millisecond():
    ids = [new_id() for _ in range(10_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_ids_encode_their_moment_and_sort_by_it():
    earlier = datetime(2024, 5, 1, tzinfo=UTC)
    later = earlier + timedelta(milliseconds=1)
    assert id_at(earlier, 999) < id_at(later, 0)
    assert abs((moment_of(id_at(earlier)) - earlier).total_seconds()) < 0.001


def test_ids_fit_a_signed_64_bit_column():
    assert new_id() < 2**63
