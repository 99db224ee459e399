"""Home-feed fan-out, done by the worker after a post commits."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from colony.core.tasks import enqueue_on_commit

__all__ = ["backfill_author", "backfill_hashtag", "enqueue_on_commit", "fan_out_post", "rebuild_feed", "trim_feeds"]

BACKFILL_COUNT = 40


def feed_recipients(post_id: int) -> set[int]:
    """Everyone whose home feed should get this post, author excluded."""
    from .models import (
        Follow,
        HashtagFollow,
        Mention,
        Post,
        PostHashtag,
        Visibility,
        blocked_either_way,
    )

    post = Post.objects.live().filter(pk=post_id).select_related("reply_to").first()
    if post is None:
        return set()
    recipients: set[int] = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    if post.community_id is not None:
        # Community posts go to the community's members (and, within it, to
        # the audience the post's visibility allows).
        from colony.communities.models import Membership

        members = set(Membership.objects.filter(community_id=post.community_id).values_list("user_id", flat=True))
        if post.visibility == Visibility.FOLLOWERS:
            members &= set(Follow.objects.filter(followee_id=post.author_id).values_list("follower_id", flat=True)) | recipients
        elif post.visibility == Visibility.MENTIONED:
            members &= recipients
        members.discard(post.author_id)
        members -= blocked_either_way(post.author)
        return members - _guests_who_cannot_read(post, members)
    if post.visibility in (Visibility.ORGANISATION, Visibility.FOLLOWERS):
        followers = Follow.objects.filter(followee_id=post.author_id)
        if post.reply_to is not None and post.reply_to.author_id != post.author_id:
            # A reply reaches followers only when they follow both sides of it.
            parent_author = post.reply_to.author_id
            followers = followers.filter(
                Q(follower_id=parent_author)
                | Q(follower__following__followee_id=parent_author)
            )
        recipients |= set(followers.values_list("follower_id", flat=True))
    if post.visibility == Visibility.ORGANISATION and post.reply_to_id is None:
        tags = PostHashtag.objects.filter(post=post).values("hashtag_id")
        recipients |= set(HashtagFollow.objects.filter(hashtag_id__in=tags).values_list("user_id", flat=True))
    recipients.discard(post.author_id)
    recipients -= blocked_either_way(post.author)
    return recipients - _guests_who_cannot_read(post, recipients)


def _guests_who_cannot_read(post, recipients: set[int]) -> set[int]:  # type: ignore[no-untyped-def]
    """Guests among ``recipients`` whose narrow view (their asks and war rooms) does not include ``post``."""
    from colony.people.models import User

    from .models import Post

    guests = User.objects.filter(pk__in=recipients, is_guest=True)
    return {g.pk for g in guests if not Post.objects.visible_to(g).filter(pk=post.pk).exists()}


def deliver(post_id: int, owners: set[int]) -> int:
    from .models import FeedEntry

    rows = [FeedEntry(owner_id=o, post_id=post_id) for o in owners]
    FeedEntry.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


@db_task(retries=3, retry_delay=2)
def fan_out_post(post_id: int) -> int:
    """Put a new post into its readers' home feeds. Idempotent."""
    return deliver(post_id, feed_recipients(post_id))


def _backfill(owner_id: int, **filters: object) -> int:
    """Copy the newest visible top-level posts matching ``filters`` into one feed."""
    from colony.people.models import User

    from .models import FeedEntry, Post

    owner = User.objects.filter(pk=owner_id).first()
    if owner is None:
        return 0
    ids = list(
        Post.objects.visible_to(owner)
        .filter(reply_to__isnull=True, **filters)
        .order_by("-id")
        .values_list("id", flat=True)[:BACKFILL_COUNT]
    )
    FeedEntry.objects.bulk_create([FeedEntry(owner_id=owner_id, post_id=i) for i in ids], ignore_conflicts=True)
    return len(ids)


@db_task(retries=3, retry_delay=2)
def backfill_author(follower_id: int, followee_id: int) -> int:
    """After a follow, bring the followee's recent posts into the follower's feed."""
    return _backfill(follower_id, author_id=followee_id)


@db_task(retries=3, retry_delay=2)
def backfill_hashtag(user_id: int, hashtag_id: int) -> int:
    """After following a hashtag, bring its recent organisation posts into the feed."""
    return _backfill(user_id, visibility="organisation", posthashtag__hashtag_id=hashtag_id)


def rebuild_feed(owner_id: int, cap: int | None = None) -> int:
    """Recompute one stored home feed from the follow graph (after imports, or to repair)."""
    from colony.people.models import User

    from .models import FeedEntry
    from .selectors import home_candidates

    owner = User.objects.filter(pk=owner_id).first()
    if owner is None:
        return 0
    cap = cap or settings.COLONY_FEED_CAP
    ids = list(home_candidates(owner).order_by("-id").values_list("id", flat=True)[:cap])
    FeedEntry.objects.filter(owner_id=owner_id).delete()
    FeedEntry.objects.bulk_create([FeedEntry(owner_id=owner_id, post_id=i) for i in ids], batch_size=500)
    return len(ids)


def trim_feed(owner_id: int, cap: int) -> int:
    from .models import FeedEntry

    entries = FeedEntry.objects.filter(owner_id=owner_id).order_by("-post_id")
    cutoff = entries.values_list("post_id", flat=True)[cap : cap + 1].first()
    if cutoff is None:
        return 0
    deleted, _ = FeedEntry.objects.filter(owner_id=owner_id, post_id__lte=cutoff).delete()
    return deleted


@db_periodic_task(crontab(minute="17"))
def trim_feeds() -> int:
    """Keep stored feeds near their cap; older pages are computed on demand."""
    from django.db.models import Count

    from .models import FeedEntry

    cap = settings.COLONY_FEED_CAP
    heavy = (
        FeedEntry.objects.values("owner_id")
        .annotate(n=Count("post_id"))
        .filter(n__gt=cap + cap // 4)
        .values_list("owner_id", flat=True)
    )
    return sum(trim_feed(owner, cap) for owner in heavy)
