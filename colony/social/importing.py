"""`colony import posts FILE.jsonl`: bring in posts from another system, idempotent on ids.

Each line: {"id", "author": handle, "text", "created_at": ISO-8601, "reply_to"?: id, "tags"?: [..]}.
A post keeps its original time (its Colony id is made from ``created_at``, so
timelines order it correctly), is rendered, language-detected and indexed for
search like any other, and home feeds are rebuilt at the end.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from django.db.models import F
from django.utils.dateparse import parse_datetime

from colony.core.analysis import analyze_in_batches, analyze_posts
from colony.core.errors import ActionError
from colony.core.html import render_markdown
from colony.core.ids import id_at
from colony.core.importing import ImportResult, import_lines
from colony.core.language import detect_language
from colony.core.progress import Progress
from colony.people.models import User
from colony.search.backends import post_index

from .actions import _set_hashtags, _set_mentions, check_post_text
from .models import Post, Visibility
from .tasks import rebuild_feed


def _moment(value: object) -> datetime:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise ActionError("created_at must be an ISO-8601 date and time")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _import_one(row: dict, authors: dict[str, User | None], touched: list[int]) -> bool:
    """Create or update one post; True when it was created."""
    import_id = str(row.get("id", "")).strip()
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
    if row.get("reply_to") not in (None, ""):
        reply_to = Post.objects.filter(import_id=str(row["reply_to"])).first()
        if reply_to is None:
            raise ActionError(f"reply_to {row['reply_to']} is not imported yet (order the file by time)")
    resolve = lambda h: f"/@{h}" if User.objects.filter(username=h).exists() else None  # noqa: E731
    rendered = render_markdown(text, resolve)
    tags = [str(t).lstrip("#") for t in row.get("tags") or [] if str(t).strip()]
    existing = Post.objects.filter(import_id=import_id).first()
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
    result = import_lines(path, lambda row: _import_one(row, authors, touched), label="posts", progress=progress)
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
