"""Home-feed fan-out, done by the worker after a post commits."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from colony.core.tasks import enqueue_on_commit
from colony.people.models import User

from . import analysis
from .audience import home_recipients
from .models import FeedEntry, Post
from .selectors import home_candidates, home_source

__all__ = [
    "analyze_post", "backfill_author", "backfill_community", "backfill_hashtag", "enqueue_on_commit", "fan_out_post",
    "forget_post", "rebuild_feed", "trim_feeds", "withdraw_community",
]

BACKFILL_COUNT = 40


def feed_recipients(post_id: int) -> set[int]:
    """Everyone whose home feed should get this post, author excluded (see ``audience``)."""
    post = Post.objects.live().filter(pk=post_id).first()
    return _recipients(post) if post is not None else set()


def _recipients(post: Post) -> set[int]:
    return set(home_recipients(post).values_list("pk", flat=True))


def _store(pairs: list[tuple[int, int]]) -> int:
    """Stored home rows, as (owner, post) pairs; rows already there are left as they are."""
    FeedEntry.objects.bulk_create([FeedEntry(owner_id=o, post_id=p) for o, p in pairs], ignore_conflicts=True,
                                  batch_size=500)
    return len(pairs)


def deliver_to(owner_id: int, post_ids: list[int]) -> int:
    """Put these posts into one person's stored home (after their audience grew)."""
    return _store([(owner_id, p) for p in post_ids])


def deliver(post_id: int, owners: set[int]) -> int:
    return _store([(o, post_id) for o in owners])


@db_task(retries=3, retry_delay=2)
def fan_out_post(post_id: int) -> int:
    """Put a post into the home feeds it belongs in, and take it out of any it
    no longer belongs in (after an edit changed its mentions or hashtags).
    Idempotent."""
    post = Post.objects.filter(pk=post_id).first()
    if post is None:
        return 0
    recipients = _recipients(post) if post.deleted_at is None else set()
    stored = set(FeedEntry.objects.filter(post_id=post_id).values_list("owner_id", flat=True))
    stale = sorted(stored - recipients - {post.author_id})  # none for a new post: only its author has it
    for start in range(0, len(stale), 500):
        FeedEntry.objects.filter(post_id=post_id, owner_id__in=stale[start : start + 500]).delete()
    return deliver(post_id, recipients - stored)


def _backfill(owner_id: int, **filters: object) -> int:
    """Copy the newest posts matching ``filters`` that belong in the owner's home
    (``audience``) into their stored feed, after their graph grew."""
    owner = User.objects.filter(pk=owner_id).first()
    if owner is None:
        return 0
    ids = list(home_candidates(owner).filter(**filters).order_by("-id").values_list("id", flat=True)[:BACKFILL_COUNT])
    return deliver_to(owner_id, ids)


@db_task(retries=3, retry_delay=2)
def backfill_author(follower_id: int, followee_id: int) -> int:
    """After a follow, bring the followee's recent posts into the follower's feed."""
    return _backfill(follower_id, author_id=followee_id)


@db_task(retries=3, retry_delay=2)
def backfill_hashtag(user_id: int, hashtag_id: int) -> int:
    """After following a hashtag, bring its recent organisation posts into the feed."""
    return _backfill(user_id, posthashtag__hashtag_id=hashtag_id)


@db_task(retries=3, retry_delay=2)
def backfill_community(user_id: int, community_id: int) -> int:
    """After joining a community, bring its recent posts into the new member's feed."""
    return _backfill(user_id, community_id=community_id)


@db_task(retries=3, retry_delay=2)
def withdraw_community(user_id: int, community_id: int) -> int:
    """After leaving a community, take out of the feed its posts that no longer belong there
    (those that mention the person, or are theirs, stay)."""
    owner = User.objects.filter(pk=user_id).first()
    if owner is None:
        return 0
    stored = FeedEntry.objects.filter(owner_id=user_id, post__community_id=community_id)
    deleted, _ = stored.exclude(post_id__in=home_candidates(owner).filter(community_id=community_id)
                                .values("id")).delete()
    return deleted


def rebuild_feed(owner_id: int, cap: int | None = None) -> int:
    """Recompute one stored home feed from the graph (after imports, or to repair).

    It stores what live fan-out would have delivered (``audience``); mutes
    are applied when the home is read, as for delivered posts.
    """
    owner = User.objects.filter(pk=owner_id).first()
    if owner is None:
        return 0
    cap = cap or settings.COLONY_FEED_CAP
    source, admitted = home_source(owner), home_candidates(owner)
    ids: list[int] = []
    cursor = None
    while len(ids) < cap:
        batch = source(cursor, None, 500)
        if not batch:
            break
        found = set(admitted.filter(id__in=batch).values_list("id", flat=True))
        ids += [i for i in batch if i in found][: cap - len(ids)]
        cursor = batch[-1]
    FeedEntry.objects.filter(owner_id=owner_id).delete()
    return deliver_to(owner_id, ids)


def trim_feed(owner_id: int, cap: int) -> int:

    entries = FeedEntry.objects.filter(owner_id=owner_id).order_by("-post_id")
    cutoff = entries.values_list("post_id", flat=True)[cap : cap + 1].first()
    if cutoff is None:
        return 0
    deleted, _ = FeedEntry.objects.filter(owner_id=owner_id, post_id__lte=cutoff).delete()
    return deleted


@db_periodic_task(crontab(minute="17"))
def trim_feeds() -> int:
    """Keep stored feeds near their cap; older pages are computed on demand."""
    cap = settings.COLONY_FEED_CAP
    heavy = (
        FeedEntry.objects.values("owner_id")
        .annotate(n=Count("post_id"))
        .filter(n__gt=cap + cap // 4)
        .values_list("owner_id", flat=True)
    )
    return sum(trim_feed(owner, cap) for owner in heavy)


@db_task(retries=2, retry_delay=5)
def analyze_post(post_id: int) -> int:
    """Embed a post after it commits, so publishing never waits for the model."""
    return analysis.analyze_posts([post_id])


@db_task(retries=2, retry_delay=5)
def forget_post(post_id: int, author_id: int) -> None:
    """A deleted post stops counting for its author."""
    analysis.forget_post(post_id, author_id)
