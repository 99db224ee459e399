"""Shared pieces of the bench scripts: the server under test, tokens, statistics."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # the bench binds and talks to loopback only


def log(name: str, msg: str) -> None:
    print(f"[{name} {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def colony_command() -> list[str]:
    exe = REPO / ".venv" / "bin" / "colony"
    if exe.exists():
        return [str(exe)]
    sibling = Path(sys.executable).parent / "colony"
    if sibling.exists():
        return [str(sibling)]
    return [sys.executable, "-m", "colony.cli"]


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex((HOST, port)) == 0


class Server:
    """``colony serve`` (web server + Huey worker child) as a subprocess of the bench.

    Started in its own session so that, if SIGTERM does not stop it in time,
    the whole group it spawned (and nothing else) can be killed.
    """

    def __init__(self, data_dir: Path, port: int, name: str, start_timeout: float = 180.0,
                 env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir.resolve()
        self.extra_env = env or {}
        self.port = port
        self.name = name
        self.start_timeout = start_timeout
        self.base_url = f"http://{HOST}:{port}"
        self.log_path = self.data_dir / f"bench-server-{port}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.startup_s: float | None = None
        self.exit_code: int | None = None
        self.orphaned_worker = False

    def start(self) -> None:
        if not (self.data_dir / "colony.sqlite3").exists():
            raise SystemExit(f"{self.name}: no database in {self.data_dir}; run bench/seed.py first")
        if port_in_use(self.port):
            raise SystemExit(f"{self.name}: something already listens on {HOST}:{self.port}; pick --port")
        # The benches publish faster than a person may (write-rate limits): they measure
        # the server, not its limiter, so the limits are off unless a caller sets them.
        unlimited = {"COLONY_WRITE_RATE_PER_MINUTE": "0", "COLONY_WRITE_RATE_PER_HOUR": "0",
                     "COLONY_TOKEN_WRITE_RATE_PER_MINUTE": "0"}
        env = {**unlimited, **os.environ, **self.extra_env, "COLONY_DATA_DIR": str(self.data_dir)}
        env.pop("COLONY_TASKS_IMMEDIATE", None)
        cmd = [*colony_command(), "serve", "--host", HOST, "--port", str(self.port)]
        shown = " ".join(f"{k}={v}" for k, v in {**self.extra_env, "COLONY_DATA_DIR": self.data_dir}.items())
        log(self.name, f"starting: {shown} {' '.join(cmd)} (log: {self.log_path})")
        t0 = time.perf_counter()
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(cmd, env=env, cwd=str(REPO), stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + self.start_timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise SystemExit(f"{self.name}: the server exited with {self.proc.returncode}; "
                                     f"see {self.log_path}")
                try:
                    if client.get(f"{self.base_url}/healthz").status_code == 200:
                        self.startup_s = round(time.perf_counter() - t0, 3)
                        log(self.name, f"server is up after {self.startup_s}s (pid {self.proc.pid})")
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
        raise SystemExit(f"{self.name}: the server did not answer /healthz within {self.start_timeout}s")

    def stop(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            self.exit_code = None if proc is None else proc.returncode
            return
        log(self.name, f"stopping the server (SIGTERM to pid {proc.pid})")
        proc.send_signal(signal.SIGTERM)
        try:
            # uvicorn drains for up to 5 s, then the worker child gets up to 10 s.
            self.exit_code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            log(self.name, "server did not stop in 30 s; killing its process group")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            self.exit_code = proc.wait(timeout=10)
        # The worker child lives in the same session. `colony serve` dies from the
        # SIGTERM uvicorn re-raises after its shutdown, so its `finally:
        # worker.stop()` never runs and the worker is orphaned. Stop what is left
        # of our group the way Worker.stop() would (SIGINT, wait), then SIGKILL.
        if not self._group_alive(proc.pid):
            return
        self.orphaned_worker = True
        log(self.name, "the server's worker outlived it; sending it SIGINT")
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and self._group_alive(proc.pid):
            time.sleep(0.2)
        if self._group_alive(proc.pid):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
                log(self.name, "killed leftover processes of the server's group")
            except ProcessLookupError:
                pass

    @staticmethod
    def _group_alive(pgid: int) -> bool:
        try:
            os.killpg(pgid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    def __enter__(self) -> Server:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def environment() -> dict[str, object]:
    """CPU count and load average: other work on the machine skews latency."""
    return {"cpus": os.cpu_count(), "loadavg_1m": round(os.getloadavg()[0], 2)}


def load_users(data_dir: Path) -> tuple[list[str], str]:
    path = data_dir / "bench-users.json"
    if not path.exists():
        raise SystemExit(f"no {path}; run bench/seed.py first")
    data = json.loads(path.read_text())
    return data["handles"], data["password"]


def get_tokens(client: httpx.Client, base_url: str, handles: list[str], password: str, name: str) -> dict[str, str]:
    """Sign in each handle once. Stops at the first failure: sign-in throttling locks
    out an address after a few failures, so never retry or carry on failing."""
    tokens: dict[str, str] = {}
    t0 = time.perf_counter()
    for i, handle in enumerate(handles):
        r = client.post(f"{base_url}/api/v1/tokens", json={"username": handle, "password": password})
        if r.status_code != 200:
            raise SystemExit(f"{name}: sign-in as {handle} failed with {r.status_code}: {r.text[:200]} "
                             "(stopping to avoid a sign-in lockout)")
        tokens[handle] = r.json()["token"]
        if (i + 1) % 50 == 0:
            log(name, f"tokens: {i + 1}/{len(handles)}")
    log(name, f"got {len(tokens)} tokens in {time.perf_counter() - t0:.1f}s")
    return tokens


def percentile(sorted_values: list[float], p: float) -> float:
    """Linear-interpolated percentile (like numpy's default) of an ascending list."""
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def summary_ms(samples_s: list[float]) -> dict[str, float]:
    ms = sorted(x * 1000.0 for x in samples_s)
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 3),
        "p95": round(percentile(ms, 95), 3),
        "p99": round(percentile(ms, 99), 3),
        "mean": round(statistics.fmean(ms), 3),
        "min": round(ms[0], 3),
        "max": round(ms[-1], 3),
    }


class Http:
    """A bare keep-alive HTTP/1.1 connection (less client overhead than httpx)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        self.reconnects = 0

    def get(self, path: str, headers: dict[str, str]) -> tuple[int, bytes, float]:
        for attempt in range(2):  # bounded: one reconnect if the server closed the connection
            try:
                t0 = time.perf_counter()
                self.conn.request("GET", path, headers=headers)
                resp = self.conn.getresponse()
                body = resp.read()
                return resp.status, body, time.perf_counter() - t0
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
                self.reconnects += 1
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()
