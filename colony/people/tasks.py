"""Background work for people (Huey finds each app's ``tasks`` module)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from .analysis import analyze_profiles


@db_task(retries=2, retry_delay=5)
def analyze_profile(user_id: int) -> int:
    """Embed a profile after it commits."""
    return analyze_profiles([user_id])
