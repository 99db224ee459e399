"""Time-sortable 63-bit ids.

An id is ``milliseconds since 2020-01-01 << 22 | node << 12 | sequence``: the
order of ids is the order of creation, so timelines paginate with
``max_id``/``since_id`` over the primary key, as Mastodon clients expect,
and no separate timestamp index is needed. ``node`` is random per process so
several web and worker processes do not collide; ``sequence`` counts ids made
by this process within one millisecond.

Ids exceed JavaScript's safe integer range, so the API sends them as strings.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from datetime import datetime

EPOCH_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z
_NODE_BITS = 10
_SEQUENCE_BITS = 12
_TIME_SHIFT = _NODE_BITS + _SEQUENCE_BITS
_SEQUENCE_MASK = (1 << _SEQUENCE_BITS) - 1

# Every id a 64-bit integer column holds (SQLite INTEGER, PostgreSQL bigint).
# New ids are positive; posts imported from before 2020 have negative ones.
# A number outside this range is no id at all: SQLite raises OverflowError on
# it and PostgreSQL an "out of range" DataError, so edges refuse it first.
MIN_ID = -(1 << 63)
MAX_ID = (1 << 63) - 1
_ID_RE = re.compile(r"-?[0-9]{1,20}")

_lock = threading.Lock()
_node = secrets.randbits(_NODE_BITS)
_last_ms = 0
_sequence = 0


def new_id() -> int:
    """A fresh id, strictly greater than any other made by this process."""
    global _last_ms, _sequence
    with _lock:
        now = int(time.time() * 1000) - EPOCH_MS
        if now <= _last_ms:
            now = _last_ms
            _sequence = (_sequence + 1) & _SEQUENCE_MASK
            if _sequence == 0:
                now += 1  # sequence exhausted: borrow the next millisecond
        else:
            _sequence = 0
        _last_ms = now
        return (now << _TIME_SHIFT) | (_node << _SEQUENCE_BITS) | _sequence


def id_at(moment: datetime, salt: int = 0) -> int:
    """An id for something that happened at ``moment`` (imports, demo data)."""
    ms = int(moment.timestamp() * 1000) - EPOCH_MS
    return (ms << _TIME_SHIFT) | (salt & ((1 << _TIME_SHIFT) - 1))


def id_floor(moment: datetime) -> int:
    """The smallest id that could have been made at ``moment``, within the id range.

    A moment before the range gives the smallest id ("from the beginning"), one
    after it the largest, so any date can bound a search.
    """
    try:
        ms = int(moment.timestamp() * 1000) - EPOCH_MS
    except (OverflowError, ValueError, OSError):
        return MIN_ID if moment.year < 2020 else MAX_ID
    return max(MIN_ID, min(MAX_ID, ms << _TIME_SHIFT))


def is_id(value: int) -> bool:
    """Whether an id column can hold ``value``."""
    return MIN_ID <= value <= MAX_ID


def parse_id(value: object) -> int | None:
    """``value`` as an id: an int in the id range, or the same written in ASCII digits; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if is_id(value) else None
    if isinstance(value, str) and _ID_RE.fullmatch(value):
        number = int(value)
        return number if is_id(number) else None
    return None


def moment_of(object_id: int) -> datetime:
    from datetime import UTC

    ms = (object_id >> _TIME_SHIFT) + EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, tz=UTC)
