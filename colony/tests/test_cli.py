from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(url: str, body: dict | None = None, token: str | None = None, method: str | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method or ("POST" if data else "GET"))
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=5) as response:
        return json.loads(response.read() or b"null")


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


def _is_postgresql(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


def _database(url: str, name: str) -> str:
    """``url`` with its database replaced by ``name`` (credentials, host and options kept)."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@pytest.fixture
def server_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of the ``colony`` processes a test starts: a data directory and a database of their own.

    They use the engine the suite runs on. On SQLite their database is a file in their data directory. On
    PostgreSQL (``DATABASE_URL`` set, as in the suite's second run) it is a fresh database on the same server,
    created here and dropped afterwards: pytest-django's ``test_…`` database belongs to this process, whose
    tests roll it back and flush it, and ``colony`` migrates its own.
    """
    env = {k: v for k, v in os.environ.items() if k != "COLONY_TASKS_IMMEDIATE"}
    env["COLONY_DATA_DIR"] = str(tmp_path / "data")
    url = os.environ.get("DATABASE_URL", "")
    if not _is_postgresql(url):
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg
    from psycopg import sql

    name = f"colony_cli_{secrets.token_hex(6)}"
    server = _database(url, "postgres")  # the maintenance database, as Django uses to create test databases
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    env["DATABASE_URL"] = _database(url, name)
    try:
        yield env
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _post_texts(env: dict[str, str]) -> list[str]:
    """The posts in the database the processes started with ``env`` used."""
    query = "SELECT text FROM social_post"
    if _is_postgresql(env.get("DATABASE_URL", "")):
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as connection:
            return [row[0] for row in connection.execute(query)]
    with closing(sqlite3.connect(Path(env["COLONY_DATA_DIR"]) / "colony.sqlite3")) as connection:
        return [row[0] for row in connection.execute(query)]


def test_processes_use_the_database_engine_the_suite_runs_on(server_env):
    """On PostgreSQL the processes never fall back to a SQLite file of their own."""
    subprocess.run([sys.executable, "-m", "colony.cli", "createuser", "someone", "--password-stdin"],
                   input="a-long-enough-password\n", text=True, env=server_env, check=True, capture_output=True)
    on_postgresql = _is_postgresql(os.environ.get("DATABASE_URL", ""))
    assert (Path(server_env["COLONY_DATA_DIR"]) / "colony.sqlite3").exists() is not on_postgresql
    assert _post_texts(server_env) == []  # migrated, and empty


def test_serve_runs_web_and_worker_and_stops_both_on_sigterm(server_env):
    for handle in ("writer", "reader"):
        subprocess.run([sys.executable, "-m", "colony.cli", "createuser", handle, "--password-stdin"],
                       input="a-long-enough-password\n", text=True, env=server_env, check=True,
                       capture_output=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "colony.cli", "serve", "--port", str(port)], env=server_env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert _request(f"{base}/healthz") == {"status": "ok"}
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        workers = _children(server.pid)
        assert workers, "no background worker child process"
        tokens = {h: _request(f"{base}/api/v1/tokens", {"username": h, "password": "a-long-enough-password"})["token"]
                  for h in ("writer", "reader")}
        _request(f"{base}/api/v1/people/writer/follow", token=tokens["reader"], method="POST")
        post = _request(f"{base}/api/v1/posts", {"text": "delivered by the worker"}, token=tokens["writer"])
        # The follower's home feed is filled by the worker process, not the web process.
        deadline = time.monotonic() + 10
        while post["id"] not in [p["id"] for p in _request(f"{base}/api/v1/timelines/home", token=tokens["reader"])]:
            assert time.monotonic() < deadline, "the worker never delivered the post"
            time.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert code == 0
    assert _post_texts(server_env) == ["delivered by the worker"]
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


@pytest.mark.django_db
def test_administrators_reach_the_admin_and_others_do_not(client, admin_user, member):
    client.force_login(member)
    assert client.get("/admin/").status_code == 302
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/people/user/", "/admin/social/post/", f"/admin/people/user/{member.pk}/change/"):
        assert client.get(url).status_code == 200, url
