"""Reads for posts: timelines, threads, and the data a page of posts needs.

Timelines share one shape: a stream of candidate ids in descending order
(the stored home feed, a hashtag's index, or the posts table), filtered
through ``Post.objects.visible_to`` in batches until a page is full. A page
costs a fixed handful of queries whatever its length; tests pin the count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from colony.communities.models import Membership
from colony.people.models import User

from .audience import hidden_by_mutes, home_filter, home_sources
from .models import (
    Attachment,
    FeedEntry,
    Hashtag,
    Mention,
    Post,
    PostHashtag,
    PostKind,
    Reaction,
    Visibility,
)

MAX_LIMIT = 40
DEFAULT_LIMIT = 20

# How a page finds the ask beside each ask post (``present``): the asks
# feature, above posts, registers it when the app is ready (``AsksConfig``).
ASK_LOADER: list[Callable[[list[int]], dict[int, Any]]] = []

# A source yields candidate ids below ``max_id`` (exclusive), newest first.
IdSource = Callable[[int | None, int | None, int], list[int]]


@dataclass
class PostView:
    """A post with everything a page shows about it, gathered in bulk."""

    post: Post
    reactions: dict[str, int] = field(default_factory=dict)
    my_reactions: set[str] = field(default_factory=set)
    attachments: list[Attachment] = field(default_factory=list)
    original: PostView | None = None  # for reposts
    mentioned: list[str] = field(default_factory=list)
    ask: Any = None  # the asks.Ask of an ask post, shown distinctly


def clamp_limit(limit: int | None) -> int:
    if not limit or limit < 1:
        return DEFAULT_LIMIT
    return min(limit, MAX_LIMIT)


def _visible_page(
    viewer: User,
    source: IdSource,
    *,
    max_id: int | None,
    since_id: int | None,
    limit: int,
    admitted: QuerySet[Post] | None = None,
    rounds: int = 4,
) -> list[Post]:
    """Pull candidate ids from ``source`` and keep the ``admitted`` ones (by
    default, what the viewer may read, less muted authors) until ``limit``.

    Each round asks for twice as many candidates as the last, so a stream
    where most candidates fail the rule still fills a page in a few rounds.
    """
    if admitted is None:
        admitted = Post.objects.visible_to(viewer).exclude(hidden_by_mutes(viewer))
    page: list[Post] = []
    cursor = max_id
    ask = limit
    for _round in range(rounds):
        want = limit - len(page)
        batch = source(cursor, since_id, ask)
        if not batch:
            break
        qs = admitted.filter(id__in=batch).select_related("author", "repost_of", "repost_of__author")
        found = sorted(qs, key=lambda p: p.id, reverse=True)
        page.extend(found[:want])
        if len(page) >= limit or len(batch) < ask:
            break
        cursor = batch[-1]
        ask = min(ask * 2, 8 * MAX_LIMIT)
    return page


def home_source(viewer: User) -> IdSource:
    """Candidate ids for a home computed from the graph: the newest of the
    indexed streams ``audience.home_sources`` names, merged."""
    sources = home_sources(viewer)

    def source(max_id: int | None, since_id: int | None, n: int) -> list[int]:
        ids: set[int] = set()
        for rows, column in sources:
            ids.update(_range(rows, column, max_id, since_id, n))
        return sorted(ids, reverse=True)[:n]

    return source


def _range(qs: QuerySet, column: str, max_id: int | None, since_id: int | None, n: int) -> list[int]:
    if max_id is not None:
        qs = qs.filter(**{f"{column}__lt": max_id})
    if since_id is not None:
        qs = qs.filter(**{f"{column}__gt": since_id})
    return list(qs.order_by(f"-{column}").values_list(column, flat=True)[:n])


def home_timeline(
    viewer: User, *, max_id: int | None = None, since_id: int | None = None, limit: int | None = None
) -> list[Post]:
    """The stored home feed; past its end, posts computed from the follow graph."""
    limit = clamp_limit(limit)

    def stored(max_id: int | None, since_id: int | None, n: int) -> list[int]:
        return _range(FeedEntry.objects.filter(owner_id=viewer.pk), "post_id", max_id, since_id, n)

    page = _visible_page(viewer, stored, max_id=max_id, since_id=since_id, limit=limit)
    if len(page) < limit and since_id is None:
        oldest_stored = FeedEntry.objects.filter(owner_id=viewer.pk).order_by("post_id").values_list(
            "post_id", flat=True
        ).first()
        floor = min([p.id for p in page] + [x for x in (max_id, oldest_stored) if x is not None], default=None)
        page += _fan_in(viewer, max_id=floor, limit=limit - len(page))
    return page


def home_candidates(viewer: User) -> QuerySet[Post]:
    """Every post that belongs in ``viewer``'s home, computed from the graph.

    The same rule as fan-out's recipients (``audience``), so a rebuilt or
    past-the-cap home holds exactly what live fan-out delivered. Read it
    through ``home_source`` (indexed streams) rather than scanning it.
    """
    return Post.objects.filter(home_filter(viewer))


def _fan_in(viewer: User, *, max_id: int | None, limit: int) -> list[Post]:
    """Home posts computed from the graph, for pages older than the stored feed."""
    admitted = home_candidates(viewer).exclude(hidden_by_mutes(viewer))
    return _visible_page(viewer, home_source(viewer), max_id=max_id, since_id=None, limit=limit,
                         admitted=admitted, rounds=8)


def organisation_timeline(
    viewer: User, *, max_id: int | None = None, since_id: int | None = None, limit: int | None = None
) -> list[Post]:
    """Top-level posts everyone in the organisation can see."""
    limit = clamp_limit(limit)

    def source(max_id: int | None, since_id: int | None, n: int) -> list[int]:
        qs = Post.objects.live().filter(visibility=Visibility.ORGANISATION, reply_to__isnull=True,
                                        community__isnull=True)
        return _range(qs, "id", max_id, since_id, n)

    return _visible_page(viewer, source, max_id=max_id, since_id=since_id, limit=limit)


def hashtag_timeline(
    viewer: User, name: str, *, max_id: int | None = None, since_id: int | None = None,
    limit: int | None = None,
) -> list[Post]:
    limit = clamp_limit(limit)
    tag = Hashtag.objects.filter(name=name).first()
    if tag is None:
        return []

    def source(max_id: int | None, since_id: int | None, n: int) -> list[int]:
        return _range(PostHashtag.objects.filter(hashtag_id=tag.pk), "post_id", max_id, since_id, n)

    return _visible_page(viewer, source, max_id=max_id, since_id=since_id, limit=limit)


def profile_timeline(
    viewer: User, author: User, *, max_id: int | None = None, since_id: int | None = None,
    limit: int | None = None, with_replies: bool = False,
) -> list[Post]:
    limit = clamp_limit(limit)
    qs: QuerySet[Post] = Post.objects.visible_to(viewer).filter(author=author)
    if not with_replies:
        qs = qs.filter(reply_to__isnull=True)
    if max_id is not None:
        qs = qs.filter(id__lt=max_id)
    if since_id is not None:
        qs = qs.filter(id__gt=since_id)
    return list(qs.select_related("author", "repost_of", "repost_of__author").order_by("-id")[:limit])


def thread(viewer: User, post: Post) -> list[tuple[Post, int]]:
    """The conversation around ``post`` as (post, depth) in reading order.

    Deleted posts stay in the list as tombstones so the conversation keeps
    its shape; posts the viewer may not see are left out, and so are their
    replies' links to them.
    """
    root_id = post.thread_root_id or post.pk
    visible = (
        Post.objects.visible_to(viewer)
        .filter(Q(pk=root_id) | Q(thread_root_id=root_id))
        .select_related("author", "repost_of", "repost_of__author")
        .order_by("id")[:1000]
    )
    tombstones = Post.objects.filter(Q(pk=root_id) | Q(thread_root_id=root_id), deleted_at__isnull=False).select_related("author")
    posts = {p.pk: p for p in list(visible) + list(tombstones)}
    children: dict[int | None, list[Post]] = defaultdict(list)
    for p in sorted(posts.values(), key=lambda p: p.pk):
        parent = p.reply_to_id if p.reply_to_id in posts else None
        if p.pk == root_id or parent is not None:
            children[parent if p.pk != root_id else None].append(p)
    ordered: list[tuple[Post, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for child in children.get(parent, []):
            ordered.append((child, depth))
            walk(child.pk, depth + 1)

    walk(None, 0)
    if post.pk not in {p.pk for p, _ in ordered}:
        ordered.append((post, 0))
    return ordered


def present(viewer: User, posts: Iterable[Post]) -> list[PostView]:
    """Gather reactions, attachments and reposted originals for a page in bulk."""
    posts = list(posts)
    originals = [p.repost_of for p in posts if p.repost_of is not None]
    visible_originals = set(
        Post.objects.visible_to(viewer).filter(id__in=[o.pk for o in originals]).values_list("id", flat=True)
    ) if originals else set()
    everything = posts + [o for o in originals if o.pk in visible_originals]
    ids = [p.pk for p in everything]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    mine: dict[int, set[str]] = defaultdict(set)
    files: dict[int, list[Attachment]] = defaultdict(list)
    names: dict[int, list[str]] = defaultdict(list)
    if ids:
        for row in Reaction.objects.filter(post_id__in=ids).values("post_id", "kind").annotate(n=Count("id")):
            counts[row["post_id"]][row["kind"]] = row["n"]
        for pid, kind in Reaction.objects.filter(post_id__in=ids, user_id=viewer.pk).values_list("post_id", "kind"):
            mine[pid].add(kind)
        for attachment in Attachment.objects.filter(post_id__in=ids).order_by("id"):
            files[attachment.post_id].append(attachment)  # type: ignore[index]
        for pid, handle in Mention.objects.filter(post_id__in=ids).values_list("post_id", "user__username"):
            names[pid].append(handle)
    asks: dict[int, Any] = {}
    ask_ids = [p.pk for p in everything if p.kind == PostKind.ASK]
    if ask_ids and ASK_LOADER:
        asks = ASK_LOADER[0](ask_ids)

    def view(p: Post) -> PostView:
        return PostView(post=p, reactions=counts.get(p.pk, {}), my_reactions=mine.get(p.pk, set()),
                        attachments=files.get(p.pk, []), mentioned=names.get(p.pk, []), ask=asks.get(p.pk))

    result = []
    for p in posts:
        v = view(p)
        if p.repost_of is not None and p.repost_of.pk in visible_originals:
            v.original = view(p.repost_of)
        result.append(v)
    return result


def newest_feed_id(owner: User | int) -> int:
    """The id of the newest post in a stored home feed (0 if empty), for live updates."""
    owner_id = owner if isinstance(owner, int) else owner.pk
    entries = FeedEntry.objects.filter(owner_id=owner_id)
    if not isinstance(owner, int) and owner.is_guest:
        entries = entries.filter(post__in=Post.objects.visible_to(owner))  # never an id a guest may not open
    newest = entries.order_by("-post_id").values_list("post_id", flat=True)
    return newest.first() or 0


def people_known_to(viewer: User) -> QuerySet[User]:
    """The people (active or not) whose name and picture ``viewer`` may see.

    A member knows everyone in the organisation. A guest knows only the
    people they work with: the authors of what they may read (their asks and
    war rooms) and the members of their war rooms. Avatars, generated
    avatars and mentions written by a guest ask this.
    """
    people = User.objects.all()
    if not getattr(viewer, "is_guest", False):
        return people
    rooms = Membership.objects.filter(user_id=viewer.pk).values("community_id")
    return people.filter(
        Q(pk=viewer.pk)
        | Q(pk__in=Post.objects.visible_to(viewer).values("author_id"))
        | Q(pk__in=Membership.objects.filter(community_id__in=rooms).values("user_id"))
    )
