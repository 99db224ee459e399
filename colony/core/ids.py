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

import secrets
import threading
import time
from datetime import datetime

EPOCH_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z
_NODE_BITS = 10
_SEQUENCE_BITS = 12
_TIME_SHIFT = _NODE_BITS + _SEQUENCE_BITS
_SEQUENCE_MASK = (1 << _SEQUENCE_BITS) - 1

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
    """The smallest id that could have been made at ``moment``."""
    return id_at(moment, 0)


def moment_of(object_id: int) -> datetime:
    from datetime import UTC

    ms = (object_id >> _TIME_SHIFT) + EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, tz=UTC)
