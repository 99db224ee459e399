from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


@pytest.fixture
def server_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "COLONY_TASKS_IMMEDIATE"}}
    env["COLONY_DATA_DIR"] = str(tmp_path / "data")
    return env


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
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


@pytest.mark.django_db
def test_administrators_reach_the_admin_and_others_do_not(client, admin_user, member):
    client.force_login(member)
    assert client.get("/admin/").status_code == 302
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/people/user/", "/admin/social/post/", f"/admin/people/user/{member.pk}/change/"):
        assert client.get(url).status_code == 200, url
