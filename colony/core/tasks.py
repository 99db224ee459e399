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


# The analysis pipeline's tasks live here so Huey finds them (it imports
# each app's ``tasks`` module); the work itself is in ``core.analysis``.
from huey.contrib.djhuey import db_task  # noqa: E402


@db_task(retries=2, retry_delay=5)
def analyze_post(post_id: int) -> int:
    from colony.core.analysis import analyze_posts

    return analyze_posts([post_id])


@db_task(retries=2, retry_delay=5)
def forget_post(post_id: int, author_id: int) -> None:
    from colony.core.analysis import forget_post as forget

    forget(post_id, author_id)


@db_task(retries=2, retry_delay=5)
def analyze_profile(user_id: int) -> int:
    from colony.core.analysis import analyze_profiles

    return analyze_profiles([user_id])
