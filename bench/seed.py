#!/usr/bin/env python
"""Bulk-generate a Colony benchmark database.

    .venv/bin/python bench/seed.py --data-dir /tmp/colony-bench \
        --people 10000 --posts 1000000 --follows 100

Creates (or, with --force, recreates) DIR/colony.sqlite3 with the app's own
schema (``migrate``), then loads people, follows, posts and the stored home
feeds (``social_feedentry``) the way fan-out would have left them, capped at
``settings.COLONY_FEED_CAP`` entries per person. Loading uses raw
``executemany`` on Django's connection inside one transaction per table, with
secondary indexes dropped during the load and recreated from their exact
original SQL afterwards, so the final schema is the migrated one.

Writes DIR/bench-users.json (handles + the shared password) for the load
scripts. Progress goes to stderr; the last line on stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PASSWORD = "colony-bench-password"

FIRST = [
    "Ada", "Alan", "Amara", "Anna", "Arjun", "Aya", "Bea", "Ben", "Carla", "Chen", "Dara",
    "David", "Elif", "Emma", "Eva", "Farid", "Femi", "Grace", "Hana", "Hugo", "Ines", "Ivan",
    "Jamal", "Jana", "Joao", "Kai", "Kenji", "Lea", "Leila", "Liam", "Lina", "Luca", "Maya",
    "Mei", "Mila", "Nia", "Noah", "Nora", "Omar", "Oscar", "Priya", "Rafael", "Rosa", "Sami",
    "Sara", "Sofia", "Tariq", "Tess", "Uma", "Victor", "Wen", "Yara", "Yusuf", "Zoe",
]
LAST = [
    "Adams", "Ahmed", "Almeida", "Bakker", "Banerjee", "Berg", "Costa", "Dubois", "Eriksen",
    "Fischer", "Garcia", "Haddad", "Hansen", "Ito", "Jansen", "Kim", "Kowalski", "Kumar",
    "Larsen", "Lopez", "Martin", "Mensah", "Meyer", "Moreau", "Nakamura", "Novak", "Okafor",
    "Olsen", "Park", "Patel", "Peeters", "Petrov", "Rossi", "Santos", "Schmidt", "Silva",
    "Smith", "Suzuki", "Tanaka", "Visser", "Wang", "Weber", "Wong", "Yilmaz", "Zhang",
]
TEAMS = [
    "Platform", "Payments", "Data", "Design", "Security", "Support", "Finance", "People",
    "Legal", "Marketing", "Sales", "Research", "Infrastructure", "Mobile", "Web", "Search",
    "Growth", "Operations", "Facilities", "Procurement",
]
TITLES = """Engineer|Senior Engineer|Staff Engineer|Engineering Manager|Product Manager|Designer|Analyst|
Data Scientist|Recruiter|Account Executive|Support Specialist|Director|Team Lead|Researcher|Architect""".replace(
    "\n", "").split("|")
LOCATIONS = ["Amsterdam", "Berlin", "Jakarta", "Milan", "London", "Lisbon", "Toronto", "Remote"]

SUBJECTS = """We|The team|Our squad|Everyone in R&D|The on-call crew|Finance|Design|The platform group|
Marketing|Support|The new hires|Leadership|Our partners|The data team|I""".replace("\n", "").split("|")
VERBS = """shipped|reviewed|finished|started|planned|discussed|tested|rolled back|documented|migrated|
celebrated|demoed|measured|simplified|fixed|launched|retired|redesigned""".replace("\n", "").split("|")
ADJS = """new|quarterly|internal|shared|long-awaited|experimental|customer-facing|updated|faster|
simpler|secure|company-wide|mobile|weekly""".replace("\n", "").split("|")
NOUNS = """release|roadmap|dashboard|onboarding guide|search index|billing flow|design system|budget|
incident review|hiring plan|API|data pipeline|style guide|offsite agenda|retro notes|status page|
feature flag|Q3 report""".replace("\n", "").split("|")
TAILS = """today|this week|ahead of schedule|after a long debate|with help from the team|in record time|
before the holidays|for the first time|again|at last|over lunch|on Friday""".replace("\n", "").split("|")
CLOSERS = [
    "Thanks, everyone!", "Questions welcome.", "Details in the wiki.", "More soon.",
    "Feedback appreciated.", "Great work, all.", "Let's keep going.", "Ping me if you're curious.",
    "Coffee's on me.", "Slides are in the shared drive.", "It's been a ride.", "Onwards & upwards.",
]


def log(msg: str) -> None:
    print(f"[seed {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", required=True, type=Path, help="COLONY_DATA_DIR for the bench database")
    p.add_argument("--people", type=int, required=True)
    p.add_argument("--posts", type=int, required=True)
    p.add_argument("--follows", type=int, required=True, help="followees per person")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--password", default=DEFAULT_PASSWORD, help="the password every bench user gets")
    p.add_argument("--days", type=float, default=365.0, help="posts are spread over this many past days")
    p.add_argument("--followers-share", type=float, default=0.10,
                   help="share of posts with visibility 'followers' (the rest 'organisation')")
    p.add_argument("--follow-skew", type=float, default=0.7,
                   help="popularity skew of followees: weight (rank+10)^-skew; 0 = uniform")
    p.add_argument("--force", action="store_true", help="delete an existing bench database in DIR first")
    p.add_argument("--analyze", action="store_true",
                   help="run ANALYZE at the end (off by default: a deployed Colony never runs it)")
    p.add_argument("--verify", action="store_true", help="run PRAGMA foreign_key_check at the end")
    args = p.parse_args(argv)
    if args.people < 2 or args.posts < 1 or args.follows < 0:
        p.error("need --people >= 2, --posts >= 1, --follows >= 0")
    return args


def prepare_dir(data_dir: Path, force: bool) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        data_dir.resolve().relative_to(REPO)
        log(f"warning: {data_dir} is inside the repository; bench data belongs elsewhere (e.g. /tmp)")
    except ValueError:
        pass
    db = data_dir / "colony.sqlite3"
    files = [db, data_dir / "colony.sqlite3-wal", data_dir / "colony.sqlite3-shm",
             data_dir / "tasks.sqlite3", data_dir / "tasks.sqlite3-wal", data_dir / "tasks.sqlite3-shm",
             data_dir / "bench-users.json"]
    if db.exists() and not force:
        raise SystemExit(f"seed: {db} already exists; pass --force to replace it")
    for f in files:
        if f.exists():
            f.unlink()


def fill_search_index(cur) -> None:
    """Index every post for search in one statement, then merge the index's segments."""
    cur.execute("DELETE FROM search_post")
    cur.execute("INSERT INTO search_post (rowid, text) SELECT id, text FROM social_post WHERE deleted_at IS NULL")
    cur.execute("INSERT INTO search_post (search_post) VALUES ('optimize')")


def sentence_pool(rng, n: int) -> list[str]:
    def pick(words):
        return words[int(rng.integers(len(words)))]

    pool = []
    for _ in range(n):
        s = f"{pick(SUBJECTS)} {pick(VERBS)} the {pick(ADJS)} {pick(NOUNS)} {pick(TAILS)}."
        if rng.random() < 0.35:
            s += " " + pick(CLOSERS)
        pool.append(s)
    return pool


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    t_start = time.perf_counter()
    phases: dict[str, float] = {}

    def phase_done(name: str, t0: float) -> float:
        phases[name] = round(time.perf_counter() - t0, 3)
        log(f"{name}: {phases[name]:.1f}s")
        return time.perf_counter()

    import numpy as np

    prepare_dir(args.data_dir, args.force)
    os.environ["COLONY_DATA_DIR"] = str(args.data_dir.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction

    from colony.core.ids import id_at

    if not settings.IS_SQLITE:
        raise SystemExit("seed: the bench loader targets SQLite (DATABASE_URL is set to something else)")

    t = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    t = phase_done("migrate", t)

    rng = np.random.default_rng(args.seed)
    n_people, n_posts = args.people, args.posts
    n_follows = min(args.follows, n_people - 1)
    cap = settings.COLONY_FEED_CAP
    now = datetime.now(UTC).replace(microsecond=0)
    db_path = Path(settings.SQLITE_PATH)

    cur = connection.cursor()
    # Bulk-load settings, outside any transaction. The app's own connections set
    # WAL/synchronous=NORMAL/foreign_keys=ON again on connect.
    cur.execute("PRAGMA foreign_keys=OFF")
    cur.execute("PRAGMA journal_mode=DELETE")
    cur.execute("PRAGMA synchronous=OFF")
    cur.execute("PRAGMA cache_size=-1048576")  # 1 GiB page cache for the index builds
    cur.execute("PRAGMA temp_store=MEMORY")

    # Secondary indexes of the bulk tables: dropped now, recreated from the same SQL later.
    bulk_tables = ("people_user", "social_post", "social_follow", "social_feedentry")
    cur.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN ({})".format(",".join(f"'{x}'" for x in bulk_tables))
    )
    saved_indexes = cur.fetchall()
    for name, _sql in saved_indexes:
        cur.execute(f'DROP INDEX "{name}"')

    # --- people -----------------------------------------------------------------
    password_hash = make_password(args.password)  # hashed once, shared by everyone
    width = max(5, len(str(n_people)))
    handles = [f"u{i:0{width}d}" for i in range(1, n_people + 1)]
    joined = (now - timedelta(days=args.days + 30)).strftime("%Y-%m-%d %H:%M:%S.000000")
    with transaction.atomic():
        cur.executemany(
            "INSERT INTO people_team (id, slug, name) VALUES (%s, %s, %s)",
            [(i + 1, name.lower(), name) for i, name in enumerate(TEAMS)],
        )
        team_of = rng.integers(1, len(TEAMS) + 1, n_people)
        first = rng.integers(len(FIRST), size=n_people)
        last = rng.integers(len(LAST), size=n_people)
        title = rng.integers(len(TITLES), size=n_people)
        loc = rng.integers(len(LOCATIONS), size=n_people)
        rows = (
            (i + 1, password_hash, None, False, "", "", f"{handles[i]}@bench.invalid", False, True, joined,
             handles[i], f"{FIRST[first[i]]} {LAST[last[i]]}", TITLES[title[i]], LOCATIONS[loc[i]], "UTC",
             "", "", "", "auto", None, int(team_of[i]))
            for i in range(n_people)
        )
        cur.executemany(
            "INSERT INTO people_user (id, password, last_login, is_superuser, first_name, last_name, email,"
            " is_staff, is_active, date_joined, username, display_name, title, location, time_zone, bio,"
            " avatar, ui_language, theme, manager_id, team_id)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            rows,
        )
    t = phase_done("people", t)

    # --- follows ------------------------------------------------------------------
    # Each person follows n_follows distinct others, drawn without replacement with
    # popularity weights (Gumbel top-k), so some people have many followers.
    popularity_rank = rng.permutation(n_people)  # rank of user index i
    logw = -args.follow_skew * np.log(popularity_rank.astype(np.float64) + 10.0)
    followees = np.empty((n_people, n_follows), dtype=np.int32)  # user indexes (0-based)
    chunk = max(1, 4_000_000 // n_people)
    for start in range(0, n_people, chunk):
        stop = min(n_people, start + chunk)
        keys = logw[None, :] + rng.gumbel(size=(stop - start, n_people))
        keys[np.arange(stop - start), np.arange(start, stop)] = -np.inf  # no self-follow
        if n_follows:
            top = np.argpartition(keys, n_people - n_follows, axis=1)[:, n_people - n_follows:]
            top.sort(axis=1)
            followees[start:stop] = top
    follow_created = (now - timedelta(days=args.days + 1)).strftime("%Y-%m-%d %H:%M:%S.000000")
    with transaction.atomic():
        follower_col = np.repeat(np.arange(1, n_people + 1), n_follows).tolist()
        followee_col = (followees.reshape(-1) + 1).tolist()
        cur.executemany(
            "INSERT INTO social_follow (created_at, followee_id, follower_id) VALUES (%s, %s, %s)",
            zip([follow_created] * len(follower_col), followee_col, follower_col, strict=True),
        )
    follower_counts = np.bincount(followees.reshape(-1), minlength=n_people)
    t = phase_done("follows", t)

    # --- posts ----------------------------------------------------------------------
    # Moments: sorted random milliseconds over the last --days, the newest a minute ago.
    end_ms = int((now - timedelta(minutes=1)).timestamp() * 1000)
    start_ms = end_ms - int(args.days * 86_400_000)
    ms = np.sort(rng.integers(start_ms, end_ms, n_posts, dtype=np.int64))
    # Ids via the app's id_at(); salt = rank among posts sharing a millisecond, so
    # ids are unique and strictly increasing in time order.
    base = np.fromiter(
        (id_at(datetime.fromtimestamp(int(m) / 1000, tz=UTC), 0) for m in ms), dtype=np.int64, count=n_posts
    )
    new_group = np.empty(n_posts, dtype=bool)
    new_group[0] = True
    new_group[1:] = base[1:] != base[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(n_posts), 0))
    salt = np.arange(n_posts) - group_start
    if int(salt.max()) >= (1 << 22):
        raise SystemExit("seed: too many posts in one millisecond")
    post_ids = base | salt
    if not bool(np.all(np.diff(post_ids) > 0)):
        raise SystemExit("seed: post ids are not strictly increasing (bug)")
    post_author = rng.integers(0, n_people, n_posts, dtype=np.int32)  # user index
    followers_only = rng.random(n_posts) < args.followers_share
    created = np.char.replace(np.datetime_as_string(ms.astype("datetime64[ms]"), unit="us"), "T", " ")

    pool = sentence_pool(rng, 20_000)
    pool_html = [html.escape(s) for s in pool]
    n_sent = rng.integers(1, 4, n_posts)
    sent_idx = rng.integers(0, len(pool), (n_posts, 3))
    insert_post = (
        "INSERT INTO social_post (id, text, html, visibility, created_at, edited_at, deleted_at,"
        " replies_count, reposts_count, author_id, reply_to_id, repost_of_id, thread_root_id)"
        " VALUES (%s, %s, %s, %s, %s, NULL, NULL, 0, 0, %s, NULL, NULL, NULL)"
    )
    with transaction.atomic():
        step = 100_000
        for lo in range(0, n_posts, step):
            hi = min(n_posts, lo + step)
            rows = []
            for i in range(lo, hi):
                k = n_sent[i]
                idx = sent_idx[i, :k]
                text = " ".join([pool[j] for j in idx])
                body = "<p>" + " ".join([pool_html[j] for j in idx]) + "</p>"
                rows.append((int(post_ids[i]), text, body, "followers" if followers_only[i] else "organisation",
                             str(created[i]), int(post_author[i]) + 1))
            cur.executemany(insert_post, rows)
            log(f"posts: {hi}/{n_posts}")
    t = phase_done("posts", t)

    # --- stored home feeds ------------------------------------------------------------
    # Feed of u = newest `cap` of: u's own posts + posts of everyone u follows (all
    # generated posts are top-level, organisation or followers visibility).
    by_author = np.argsort(post_author, kind="stable").astype(np.int64)  # post indexes, ascending per author
    ptr = np.searchsorted(post_author[by_author], np.arange(n_people + 1))
    per_author = [by_author[ptr[a]:ptr[a + 1]][-cap:] for a in range(n_people)]
    feed_lengths = np.zeros(n_people, dtype=np.int64)
    feed_rows = 0
    insert_feed = "INSERT INTO social_feedentry (owner_id, post_id) VALUES (%s, %s)"
    with transaction.atomic():
        owners_buf: list[np.ndarray] = []
        posts_buf: list[np.ndarray] = []
        buffered = 0

        def flush() -> None:
            nonlocal buffered
            if not buffered:
                return
            cur.executemany(
                insert_feed,
                zip(np.concatenate(owners_buf).tolist(), np.concatenate(posts_buf).tolist(), strict=True),
            )
            owners_buf.clear()
            posts_buf.clear()
            buffered = 0

        for u in range(n_people):
            parts = [per_author[u]] + [per_author[a] for a in followees[u]]
            cand = np.concatenate(parts)
            if len(cand) > cap:
                cand = np.partition(cand, len(cand) - cap)[len(cand) - cap:]
            cand.sort()
            feed_lengths[u] = len(cand)
            owners_buf.append(np.full(len(cand), u + 1, dtype=np.int64))
            posts_buf.append(post_ids[cand])
            buffered += len(cand)
            feed_rows += len(cand)
            if buffered >= 500_000:
                flush()
                log(f"feeds: {u + 1}/{n_people} people, {feed_rows} entries")
        flush()
    t = phase_done("feeds", t)

    # --- indexes and finish --------------------------------------------------------------
    for _name, sql in saved_indexes:
        cur.execute(sql)
    t = phase_done("indexes", t)

    # --- full-text search index (what publishing does one post at a time) ----------------
    fill_search_index(cur)
    t = phase_done("search", t)

    if args.analyze:
        cur.execute("ANALYZE")
        t = phase_done("analyze", t)
    if args.verify:
        cur.execute("PRAGMA foreign_key_check")
        problems = cur.fetchall()
        if problems:
            raise SystemExit(f"seed: foreign key problems, e.g. {problems[:5]}")
        # The stored feeds must equal what the app itself computes from the graph.
        connection.close()  # back to the app's own connection settings
        from colony.people.models import User
        from colony.social.models import FeedEntry
        from colony.social.selectors import _fan_in

        for pk in sorted({1, n_people // 2, n_people}):
            viewer = User.objects.get(pk=pk)
            expected = [p.id for p in _fan_in(viewer, max_id=None, limit=cap)]
            stored = list(FeedEntry.objects.filter(owner_id=pk).order_by("-post_id")
                          .values_list("post_id", flat=True))
            if expected != stored:
                raise SystemExit(f"seed: stored feed of user {pk} differs from the app's fan-in")
        cur = connection.cursor()
        t = phase_done("verify", t)

    counts = {}
    for table in ("people_user", "social_follow", "social_post", "social_feedentry"):
        cur.execute(f"SELECT count(*) FROM {table}")
        counts[table] = cur.fetchone()[0]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    connection.close()
    t = phase_done("finish", t)

    users_file = args.data_dir / "bench-users.json"
    users_file.write_text(json.dumps({"password": args.password, "handles": handles}))

    def dist(a: np.ndarray) -> dict[str, float]:
        return {"min": int(a.min()), "p50": round(float(np.percentile(a, 50)), 1),
                "p99": round(float(np.percentile(a, 99)), 1), "max": int(a.max()),
                "mean": round(float(a.mean()), 2)}

    result = {
        "data_dir": str(args.data_dir.resolve()),
        "db_path": str(db_path),
        "db_bytes": db_path.stat().st_size,
        "users_file": str(users_file),
        "seed": args.seed,
        "feed_cap": cap,
        "counts": {
            "people": counts["people_user"],
            "follows": counts["social_follow"],
            "posts": counts["social_post"],
            "followers_only_posts": int(followers_only.sum()),
            "feed_entries": counts["social_feedentry"],
        },
        "followers_per_person": dist(follower_counts),
        "feed_length": dist(feed_lengths),
        "analyzed": bool(args.analyze),
        "elapsed_s": {**phases, "total": round(time.perf_counter() - t_start, 3)},
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
