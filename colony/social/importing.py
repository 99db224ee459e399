"""`colony import posts FILE.jsonl`: bring in posts from another system, idempotent on ids.

Each line: {"id", "author": handle, "text", "created_at": ISO-8601, "reply_to"?: id, "tags"?: [..]}.
``reply_to`` names a post of the same file (listed anywhere in it) or one
imported before; parents are imported before their replies whatever the order
of the lines, and replies that form a cycle are refused. When the file holds an
id more than once, its last line wins (as if the lines were imported one after
the other). A post keeps its original time (its Colony id is made from
``created_at``, so timelines order it correctly), is rendered, language-detected
and indexed for search like any other, and home feeds are rebuilt at the end.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from datetime import UTC, datetime
from pathlib import Path

from django.db.models import F
from django.utils.dateparse import parse_datetime

from colony.core.analysis import analyze_in_batches
from colony.core.errors import ActionError
from colony.core.html import render_markdown
from colony.core.ids import id_at
from colony.core.importing import ImportResult, import_lines
from colony.core.language import detect_language
from colony.core.progress import Progress
from colony.people.models import User

from .actions import _set_hashtags, _set_mentions, check_post_text
from .analysis import analyze_posts
from .models import Post, Visibility
from .search_index import post_index
from .tasks import rebuild_feed


def _moment(value: object) -> datetime:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise ActionError("created_at must be an ISO-8601 date and time")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _post_id(row: dict) -> str:
    return str(row.get("id", "")).strip()


def _parent_id(row: dict) -> str | None:
    return None if row.get("reply_to") in (None, "") else str(row["reply_to"])


def reply_order(lines: list[str], where: dict[str, int] | None = None) -> tuple[array, dict[int, str]]:
    """The order to import ``lines`` in, parents before their replies, and the
    lines refused because their ``reply_to`` forms a cycle.

    Each line waits for the last line of the file carrying its ``reply_to`` id
    (the version of the parent that wins) and for the previous line carrying
    its own id (so the last line with an id is still imported last). Lines
    are otherwise kept in file order. An iterative Tarjan walk over these
    (at most two) dependencies per line: linear in time and memory, however
    long the reply chains; every strongly connected group of more than one
    line, or a line waiting for itself, is a cycle. ``where``, when given, is
    filled with the index of the last line of each id.
    """
    n = len(lines)
    last: dict[str, int] = {} if where is None else where
    previous = array("q", [-1]) * n
    parents: dict[int, str] = {}
    for index, line in enumerate(lines):
        try:
            row = json.loads(line) if line.strip() else None
        except ValueError:
            row = None
        if not isinstance(row, dict):
            continue  # the import reports it
        own, parent = _post_id(row), _parent_id(row)
        if own:
            previous[index] = last.get(own, -1)
            last[own] = index
        if parent is not None:
            parents[index] = parent
    parent_line = array("q", [-1]) * n
    for index, parent in parents.items():
        parent_line[index] = last.get(parent, -1)
    del parents

    rank, low = array("q", [-1]) * n, array("q", [0]) * n
    on_stack = bytearray(n)
    stack: list[int] = []
    sequence = array("q")
    refused: dict[int, str] = {}
    counter = 0
    for root in range(n):
        if rank[root] >= 0:
            continue
        calls = [(root, 0)]
        while calls:
            node, step = calls.pop()
            if step == 0:
                rank[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = 1
            descended = False
            while step < 2:
                other = (parent_line[node], previous[node])[step]
                step += 1
                if other < 0:
                    continue
                if rank[other] < 0:
                    calls.append((node, step))
                    calls.append((other, 0))
                    descended = True
                    break
                if on_stack[other]:
                    low[node] = min(low[node], rank[other])
            if descended:
                continue
            if calls:  # hand the low link back to the caller
                caller = calls[-1][0]
                low[caller] = min(low[caller], low[node])
            if low[node] != rank[node]:
                continue
            group = []
            while True:
                member = stack.pop()
                on_stack[member] = 0
                group.append(member)
                if member == node:
                    break
            sequence.extend(group)
            if len(group) > 1 or parent_line[node] == node:
                numbers = sorted(member + 1 for member in group)
                shown = ", ".join(map(str, numbers[:10])) + (", …" if len(numbers) > 10 else "")
                reason = (f"reply_to forms a cycle (line{'s' if len(numbers) > 1 else ''} "
                          f"{shown})")
                refused.update(dict.fromkeys(group, reason))
    return sequence, refused


def _closes_cycle(post: Post, parent: Post) -> bool:
    """Whether making an existing ``post`` a reply to ``parent`` closes a cycle."""
    seen: set[int] = set()
    node: int | None = parent.pk
    while node is not None and node not in seen:
        if node == post.pk:
            return True
        seen.add(node)
        node = Post.objects.filter(pk=node).values_list("reply_to_id", flat=True).first()
    return node is not None


def _import_one(row: dict, authors: dict[str, User | None], touched: list[int],
                in_file: dict[str, int] | None = None) -> bool:
    """Create or update one post; True when it was created."""
    import_id = _post_id(row)
    if not import_id:
        raise ActionError("a post needs an id")
    handle = str(row.get("author", "")).strip().lstrip("@").lower()
    if handle not in authors:
        authors[handle] = User.objects.filter(username=handle).first()
    author = authors[handle]
    if author is None:
        raise ActionError(f"there is nobody called @{handle} (import people first)")
    text = check_post_text(row.get("text"))
    moment = _moment(row.get("created_at"))
    reply_to = None
    parent_id = _parent_id(row)
    if parent_id is not None:
        reply_to = Post.objects.filter(import_id=parent_id).first()
        if reply_to is None and in_file and parent_id in in_file:
            raise ActionError(f"reply_to {parent_id}: its line {in_file[parent_id] + 1} could not be imported")
        if reply_to is None:
            raise ActionError(f"reply_to {parent_id} is neither in the file nor imported before")
    resolve = lambda h: f"/@{h}" if User.objects.filter(username=h).exists() else None  # noqa: E731
    rendered = render_markdown(text, resolve)
    tags = [str(t).lstrip("#") for t in row.get("tags") or [] if str(t).strip()]
    existing = Post.objects.filter(import_id=import_id).first()
    if existing and reply_to and existing.reply_to_id != reply_to.pk and _closes_cycle(existing, reply_to):
        raise ActionError(f"reply_to {parent_id} would form a cycle with posts imported before")
    salt = int(hashlib.sha256(import_id.encode()).hexdigest()[:5], 16)
    post = existing or Post(id=id_at(moment, salt), import_id=import_id)
    post.author, post.text, post.html, post.created_at = author, text, rendered.html, moment
    post.language, post.visibility = detect_language(text), Visibility.ORGANISATION
    post.reply_to = reply_to
    post.thread_root = (reply_to.thread_root or reply_to) if reply_to else None
    post.save()
    _set_hashtags(post, list(dict.fromkeys(rendered.hashtags + tags)))
    _set_mentions(post, list(User.objects.filter(username__in=rendered.mentions)))
    post_index().index(post.pk, text, post.language)
    touched.append(post.pk)
    if existing is None and reply_to is not None:
        Post.objects.filter(pk=reply_to.pk).update(replies_count=F("replies_count") + 1)
    return existing is None


def import_posts(path: Path, *, progress: bool = True) -> ImportResult:
    authors: dict[str, User | None] = {}
    touched: list[int] = []
    in_file: dict[str, int] = {}  # id -> index of its last line, filled by the ordering
    result = import_lines(path, lambda row: _import_one(row, authors, touched, in_file), label="posts",
                          progress=progress, order=lambda lines: reply_order(lines, in_file))
    # Imported posts go through the same analysis as written ones, in batches here.
    analyze_in_batches(touched, analyze_posts, "analysis" if progress else None)
    if result.created or result.updated:
        people = list(User.objects.active().values_list("pk", flat=True))
        feeds = Progress(len(people), "feeds") if progress else None
        for pk in people:
            rebuild_feed(pk)
            if feeds:
                feeds.advance()
    return result
