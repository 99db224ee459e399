"""Background work: Huey tasks queued after the current transaction commits.

Huey (``huey.contrib.djhuey``) runs the tasks: on the embedded default it
keeps its queue in a SQLite file in the data dir and ``colony serve`` starts
its consumer as a child process; with ``COLONY_REDIS_URL`` it uses Redis and
any number of workers on any number of hosts. Tests run it in immediate mode.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Queue ``task(*args)`` only once the surrounding transaction has committed.

    A task that ran before the commit could read rows that then roll back, or
    miss rows that are not yet visible to the worker's connection.
    """
    transaction.on_commit(lambda: task(*args))
