"""The ``colony`` command: serve, demo, createuser, worker, and Django's own commands.

``colony serve`` is the whole server on one machine: it migrates, starts the
Huey worker as a child process and the ASGI web server (uvicorn) in this
process, and on Ctrl-C or SIGTERM stops both.
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import signal
import subprocess
import sys
import threading
import time


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")
    import django

    django.setup()


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def _die_with_parent() -> None:
    """In the child: ask Linux to send SIGTERM if the server dies without stopping us."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _exit_quietly(signum: int, frame: object) -> None:
    raise SystemExit(0)


class Worker:
    """The Huey consumer as a supervised child process, restarted if it dies."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = False
        self._thread = threading.Thread(target=self._supervise, daemon=True)

    def _spawn(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "colony.cli", "worker"], preexec_fn=_die_with_parent)

    def start(self) -> None:
        self._spawn()
        self._thread.start()

    def _supervise(self) -> None:
        while not self.stopping:
            time.sleep(1)
            if self.process and self.process.poll() is not None and not self.stopping:
                print("colony: the background worker stopped; starting it again", file=sys.stderr)
                self._spawn()

    def stop(self) -> None:
        self.stopping = True
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # Huey finishes running tasks on SIGINT
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def serve(host: str, port: int, workers: int = 1, with_worker: bool = True) -> None:
    _setup()
    _migrate()
    import uvicorn
    from django.conf import settings

    worker = Worker()
    if with_worker and not settings.HUEY.get("immediate"):
        worker.start()
    print(f"Colony is running at http://{host}:{port}/  (Ctrl-C stops it)", flush=True)
    # uvicorn shuts down gracefully, then re-raises the signal it caught; this
    # handler turns that into a normal exit so the worker is stopped below.
    signal.signal(signal.SIGTERM, _exit_quietly)
    try:
        uvicorn.run(
            "colony.asgi:application",
            host=host,
            port=port,
            workers=workers,
            log_level=os.environ.get("COLONY_LOG_LEVEL", "warning").lower(),
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=5,
        )
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()
        print("Colony stopped.", flush=True)


def run_worker() -> None:
    _setup()
    from django.core.management import call_command

    from colony.asks.routing import warm_up_in_background  # after django.setup(): it imports models

    warm_up_in_background()

    call_command("run_huey", workers=int(os.environ.get("COLONY_WORKERS", "2")), worker_type="thread",
                 initial_delay=0.05, max_delay=0.1, backoff=1.25,
                 verbose={"DEBUG": True, "INFO": None}.get(os.environ.get("COLONY_LOG_LEVEL", "").upper(), False))


def createuser(handle: str, admin: bool, password_stdin: bool, display_name: str) -> int:
    _setup()
    _migrate()
    # Project code is imported after django.setup(): most of it imports models, and
    # this module's top stays standard-library only so `colony --help` starts fast.
    from colony.core.errors import ActionError
    from colony.people.actions import do_create_user

    generated = False
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            print("colony: the passwords differ; nothing was created", file=sys.stderr)
            return 2
    else:
        password, generated = secrets.token_urlsafe(12), True
    try:
        user = do_create_user(handle=handle, password=password, display_name=display_name, is_admin=admin)
    except ActionError as exc:
        print(f"colony: {exc.message}", file=sys.stderr)
        return 2
    print(f"Created @{user.username}{' (administrator)' if admin else ''}.")
    if generated:
        print(f"Password: {password}")
    return 0


def import_file(kind: str, file: str) -> int:
    """Import people or posts; lines that cannot be imported are listed and the rest go in."""
    from pathlib import Path

    path = Path(file)
    if not path.is_file():
        print(f"colony: there is no file {file}", file=sys.stderr)
        return 2
    _setup()
    _migrate()
    if kind == "people":  # the importers import models: only after django.setup()
        from colony.people.importing import import_people as run
    else:
        from colony.social.importing import import_posts as run  # type: ignore[assignment]
    result = run(path, progress=True)
    print(f"{kind}: {result.created} created, {result.updated} updated, {len(result.errors)} not imported")
    for error in result.errors[:50]:
        print(f"  {error}", file=sys.stderr)
    return 1 if result.errors else 0


def analyze(backfill: bool, everything: bool) -> int:
    """Compute the analysis (embeddings) of profiles and posts that have none yet."""
    if not backfill:
        print("colony: say --backfill to analyse what has no analysis yet (add --all to redo everything)",
              file=sys.stderr)
        return 2
    _setup()
    _migrate()
    from colony.social.analysis import backfill as run  # after django.setup(): it imports models

    started = time.monotonic()
    done = run(everything=everything, progress=True)
    print(f"analysed {done['profiles']} profiles and {done['posts']} posts in {time.monotonic() - started:.1f} s")
    return 0


def demo(host: str, port: int, people: int) -> None:
    _setup()
    _migrate()
    from colony.demo.seed import DEMO_LOGINS, DEMO_PASSWORD, seed_if_empty  # after django.setup()

    started = time.monotonic()
    created = seed_if_empty(people=people, progress=True)
    if created:
        print(f"Demo organisation created in {time.monotonic() - started:.1f} s.")
    else:
        print("Demo organisation already present; not touching it.")
    print(f"\nOpen http://{host}:{port}/ and sign in with password '{DEMO_PASSWORD}' as one of:")
    for handle, role in DEMO_LOGINS:
        print(f"  {handle:<12} {role}")
    print()
    serve(host, port)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="colony", description="Colony: a social platform for an organisation.")
    sub = parser.add_subparsers(dest="command")

    p_serve = sub.add_parser("serve", help="migrate, then run the web server and the background worker")
    p_serve.add_argument("--host", default=os.environ.get("COLONY_HOST", "127.0.0.1"))
    p_serve.add_argument("--port", type=int, default=int(os.environ.get("COLONY_PORT", "8000")))
    p_serve.add_argument("--workers", type=int, default=int(os.environ.get("COLONY_WEB_WORKERS", "1")),
                         help="web server processes (default 1)")
    p_serve.add_argument("--no-worker", action="store_true", help="do not start the background worker")

    p_demo = sub.add_parser("demo", help="seed the demo organisation if the database is empty, then serve")
    p_demo.add_argument("--host", default="127.0.0.1")
    p_demo.add_argument("--port", type=int, default=8000)
    p_demo.add_argument("--people", type=int, default=300)

    p_user = sub.add_parser("createuser", help="create an account")
    p_user.add_argument("handle")
    p_user.add_argument("--admin", action="store_true", help="may use the admin pages")
    p_user.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p_user.add_argument("--name", default="", help="display name")

    p_import = sub.add_parser("import", help="import people or posts from a JSON-lines file (idempotent)")
    p_import.add_argument("kind", choices=["people", "posts"])
    p_import.add_argument("file")

    p_analyze = sub.add_parser("analyze", help="compute language and embeddings for posts and profiles")
    p_analyze.add_argument("--backfill", action="store_true", help="analyse everything that has no analysis yet")
    p_analyze.add_argument("--all", action="store_true", dest="everything", help="with --backfill: redo every post")

    sub.add_parser("worker", help="run only the background worker")
    sub.add_parser("manage", help="run a Django management command", add_help=False)

    if argv and argv[0] == "manage":
        _setup()
        from django.core.management import execute_from_command_line

        execute_from_command_line(["colony manage", *argv[1:]])
        return 0
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve(args.host, args.port, args.workers, with_worker=not args.no_worker)
    elif args.command == "demo":
        demo(args.host, args.port, args.people)
    elif args.command == "createuser":
        return createuser(args.handle, args.admin, args.password_stdin, args.name)
    elif args.command == "import":
        return import_file(args.kind, args.file)
    elif args.command == "analyze":
        return analyze(args.backfill, args.everything)
    elif args.command == "worker":
        run_worker()
    else:
        parser.print_help()
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
