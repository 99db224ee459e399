"""A scheduled post survives a server restart and publishes once (real processes, real worker)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
from datetime import UTC, datetime, timedelta
from pathlib import Path

from colony.tests.test_cli import _free_port, _request, server_env  # noqa: F401 (fixture)


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "colony.cli", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 40
    while True:
        try:
            if _request(f"http://127.0.0.1:{port}/healthz") == {"status": "ok"}:
                return server
        except (urllib.error.URLError, ConnectionError):
            pass
        assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def test_a_post_due_while_the_server_was_down_goes_out_once_it_is_back(server_env: dict[str, str],  # noqa: F811
                                                                         tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "colony.cli", "createuser", "leader", "--admin", "--password-stdin"],
                   input="a-long-enough-password\n", text=True, env=server_env, check=True, capture_output=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(server_env, port)
    try:
        token = _request(f"{base}/api/v1/tokens", {"username": "leader", "password": "a-long-enough-password"})["token"]
        draft = _request(f"{base}/api/v1/desk/drafts", {"text": "The canteen opens at 8 on Monday."}, token=token)
        due = datetime.now(UTC) + timedelta(seconds=4)
        scheduled = _request(f"{base}/api/v1/desk/drafts/{draft['id']}/submit", {"scheduled_at": due.isoformat()},
                             token=token)
        assert scheduled["status"] == "scheduled"
    finally:
        _stop(server)  # down before the post is due

    time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 1.5)
    server = _serve(server_env, port)
    try:
        token = _request(f"{base}/api/v1/tokens", {"username": "leader", "password": "a-long-enough-password"})["token"]
        deadline = time.monotonic() + 30
        while _request(f"{base}/api/v1/desk/drafts/{draft['id']}", token=token)["status"] != "published":
            assert time.monotonic() < deadline, "the scheduled post was not published after the restart"
            time.sleep(0.3)
        time.sleep(2)  # the queued timer fires too after the restart: it must find nothing left to do
        posts = _request(f"{base}/api/v1/people/leader/posts", token=token)
        assert [p["text"] for p in posts].count("The canteen opens at 8 on Monday.") == 1
        log = _request(f"{base}/api/v1/desk/audit?draft_id={draft['id']}", token=token)
        assert [e["action"] for e in log].count("published") == 1
    finally:
        _stop(server)
