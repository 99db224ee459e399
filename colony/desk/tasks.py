"""Scheduled posts go out through the worker, once, even across restarts.

Three paths lead to ``publish_due`` and any of them may run twice without
harm (it claims each draft with a conditional update): a task queued for the
draft's time, a sweep every minute, and a sweep when the worker starts (a
post due while the server was down goes out as soon as it is back).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task

from .models import Draft


@db_task(retries=3, retry_delay=10)
def publish_due_now() -> int:
    from .actions import publish_due  # actions imports this module to queue these tasks

    return publish_due()


def publish_at_time(draft_id: int) -> None:
    """Queue a sweep for the moment this draft is due (the queue survives restarts)."""
    draft = Draft.objects.filter(pk=draft_id, status=Draft.Status.SCHEDULED).first()
    if draft is None or draft.scheduled_at is None:
        return
    delay = max(0.0, (draft.scheduled_at - timezone.now()).total_seconds())
    if HUEY.immediate and delay > 0:
        return  # tests drive the sweep themselves
    publish_due_now.schedule(delay=delay + 0.5)


@db_periodic_task(crontab(minute="*"))
def publish_due_every_minute() -> int:
    from .actions import publish_due  # actions imports this module to queue these tasks

    return publish_due()


@HUEY.on_startup()
def publish_what_fell_due_while_stopped() -> None:
    from django.db import connection

    from .actions import publish_due  # actions imports this module to queue these tasks

    try:
        publish_due(timezone.now() + timedelta(seconds=1))
    finally:
        connection.close()
