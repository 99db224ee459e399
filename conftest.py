"""Fixtures shared by the whole suite.

Every test hits the real database (SQLite, or PostgreSQL when DATABASE_URL
says so). Background tasks run in Huey's immediate mode, after the
transaction commits, exactly as the worker would run them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.test import Client

from colony.testing import ApiClient, make_person


@pytest.fixture(autouse=True, scope="session")
def _tasks_run_immediately() -> Iterator[None]:
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield


@pytest.fixture(autouse=True)
def _fresh_routing_vectors() -> None:
    """Each test's database starts empty; so must routing's in-process copy of it."""
    from colony.asks.routing import reset_cache

    reset_cache()


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Write-rate counters are keyed by person id, and ids repeat from one test's database to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    # Argon2 is slow on purpose; the suite creates hundreds of accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class CommittingClient(Client):
    """A test client that runs on-commit callbacks after each request, like production."""

    capture: Any = None

    def request(self, **request: Any) -> Any:  # type: ignore[override]
        with self.capture(execute=True):
            return super().request(**request)


@pytest.fixture
def client(django_capture_on_commit_callbacks: Any) -> Client:
    c = CommittingClient()
    c.capture = django_capture_on_commit_callbacks
    return c


@pytest.fixture
def commit(django_capture_on_commit_callbacks: Any):
    """``with commit(): do_something()`` runs the queued tasks when the block ends."""

    @contextmanager
    def run() -> Iterator[None]:
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return run


@pytest.fixture
def leader(db: Any):
    return make_person("leader", display_name="Lena Leader", title="Chief Executive Officer")


@pytest.fixture
def member(db: Any):
    return make_person("member", display_name="Max Member", title="Engineer")


@pytest.fixture
def outsider(db: Any):
    return make_person("outsider", display_name="Olga Outsider", title="Analyst")


@pytest.fixture
def admin_user(db: Any):
    return make_person("admin", admin=True, display_name="Ada Admin")


@pytest.fixture
def api(client: Client):
    """``api(user)`` gives a JSON client signed in with a bearer token (or anonymous)."""

    def make(user: Any = None) -> ApiClient:
        return ApiClient(client, user)

    return make
