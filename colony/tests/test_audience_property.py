"""The audience rule, proven on random organisations.

Hypothesis builds small organisations through the real actions: people (some
guests, an administrator), follows, hashtag follows, blocks, mutes,
communities of each kind with members, guests given asks, then posts of each
visibility in and out of communities, replies, mentions, hashtags, reposts
and deletions, each published with its live fan-out. For every person and
post it checks:

* who may read equals a plain restatement of the rule written here, apart
  from the code (``_Oracle``): ``Post.objects.visible_to`` compiles it to SQL;
* fan-out's recipients are readers;
* the home after live fan-out equals the oracle's home, the home after
  ``rebuild_feed``, the home read past a one-entry cap (trimmed, and rebuilt
  with the cap), page by page;
* for what the import format carries (organisation-wide posts and replies
  outside communities), the home after exporting those posts to JSON lines
  and importing them with ``colony import posts`` (``import_posts``, what the
  command runs) into the same people and graph.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from colony.communities.actions import do_create_community
from colony.communities.models import Community, Membership
from colony.core.errors import ActionError
from colony.graph.models import Block, Follow, Mute
from colony.people.actions import do_create_user
from colony.people.models import User
from colony.social import actions
from colony.social.importing import import_posts
from colony.social.models import (
    FeedEntry,
    GuestAccess,
    HashtagFollow,
    Mention,
    Post,
    PostHashtag,
    Visibility,
)
from colony.social.selectors import home_timeline
from colony.social.tasks import feed_recipients, rebuild_feed, trim_feed

TAGS = ["alpha", "beta"]
VISIBILITIES = [Visibility.ORGANISATION, Visibility.FOLLOWERS, Visibility.MENTIONED]
KINDS = [Community.Kind.OPEN, Community.Kind.CLOSED, Community.Kind.SECRET]
EXAMPLES = int(os.environ.get("COLONY_AUDIENCE_EXAMPLES", "60"))


@dataclass
class PostSpec:
    author: int
    visibility: str
    community: int | None
    reply_to: int | None
    repost_of: int | None
    mentions: list[int]
    tags: list[str]
    deleted: bool


@dataclass
class World:
    guests: list[bool]
    kinds: list[Community.Kind]
    members: list[list[int]]
    follows: list[tuple[int, int]]
    tag_follows: list[tuple[int, str]]
    blocks: list[tuple[int, int]]
    mutes: list[tuple[int, int]]
    grants: list[tuple[int, int]]  # (guest, index of a top-level post)
    posts: list[PostSpec] = field(default_factory=list)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    n = draw(st.integers(3, 6))
    people = st.integers(0, n - 1)
    pairs = st.lists(st.tuples(people, people).filter(lambda p: p[0] != p[1]), max_size=n * 2, unique=True)
    guests = [False, *draw(st.lists(st.booleans(), min_size=n - 1, max_size=n - 1))]  # person 0 is a member
    kinds = draw(st.lists(st.sampled_from(KINDS), max_size=3))
    members = [draw(st.lists(people, max_size=n, unique=True)) for _ in kinds]
    m = draw(st.integers(1, 12))
    posts: list[PostSpec] = []
    for i in range(m):
        earlier = st.none() | st.integers(0, i - 1) if i else st.none()
        posts.append(PostSpec(
            author=draw(people), visibility=draw(st.sampled_from(VISIBILITIES)),
            community=draw(st.none() | st.integers(0, len(kinds) - 1)) if kinds else None,
            reply_to=draw(earlier), repost_of=draw(earlier) if draw(st.integers(0, 4)) == 0 else None,
            mentions=draw(st.lists(people, max_size=2, unique=True)),
            tags=draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True)),
            deleted=bool(draw(st.integers(0, 6)) == 0),
        ))
    return World(
        guests=guests, kinds=kinds, members=members, follows=draw(pairs),
        tag_follows=draw(st.lists(st.tuples(people, st.sampled_from(TAGS)), max_size=n, unique=True)),
        blocks=draw(st.lists(st.tuples(people, people).filter(lambda p: p[0] != p[1]), max_size=2, unique=True)),
        mutes=draw(st.lists(st.tuples(people, people).filter(lambda p: p[0] != p[1]), max_size=2, unique=True)),
        grants=draw(st.lists(st.tuples(people, st.integers(0, m - 1)), max_size=3, unique=True)),
        posts=posts,
    )


def _post(author: int, visibility: Visibility = Visibility.ORGANISATION, *, community: int | None = None,
          reply_to: int | None = None, mentions: tuple[int, ...] = (), deleted: bool = False) -> PostSpec:
    return PostSpec(author=author, visibility=visibility, community=community, reply_to=reply_to, repost_of=None,
                    mentions=list(mentions), tags=[], deleted=deleted)


# Found by the test: a guest given an ask after it was published (as an invitation does) must
# find it in their home like everyone the rule puts it before; the grant itself delivers it.
GIVEN_AFTER_PUBLISHING = World(
    guests=[False, False, True], kinds=[Community.Kind.OPEN], members=[[0, 1, 2]],
    follows=[(2, 0)], tag_follows=[], blocks=[], mutes=[], grants=[(2, 1)],
    posts=[_post(0, community=0), _post(0, Visibility.MENTIONED), _post(1, Visibility.MENTIONED, reply_to=1)],
)


def _build(world: World, case: TestCase) -> list[User]:
    """Make the world through the actions; what they refuse simply does not exist."""
    people = []
    for i, guest in enumerate(world.guests):
        person = do_create_user(handle=f"p{i}", display_name=f"P{i}", is_admin=(i == 1))
        if guest:
            person.is_guest = True
            person.save(update_fields=["is_guest"])
        people.append(person)
    communities = []
    for c, (kind, members) in enumerate(zip(world.kinds, world.members, strict=True)):
        community = do_create_community(creator=people[0], name=f"Room {c}", kind=kind)
        Membership.objects.filter(community=community).delete()  # the creator belongs only if drawn
        for i in members:
            Membership.objects.get_or_create(community=community, user=people[i])
        communities.append(community)

    def act(fn, **kwargs):  # type: ignore[no-untyped-def]
        try:
            with case.captureOnCommitCallbacks(execute=True):
                return fn(**kwargs)
        except ActionError:
            return None

    for a, b in world.follows:
        act(actions.do_follow, follower=people[a], followee=people[b])
    for a, tag in world.tag_follows:
        act(actions.do_follow_hashtag, user=people[a], name=tag)
    for a, b in world.mutes:
        act(actions.do_mute, user=people[a], target=people[b])
    for a, b in world.blocks:
        act(actions.do_block, user=people[a], target=people[b])
    posts: dict[int, Post] = {}
    for i, spec in enumerate(world.posts):
        words = [f"post {i}"] + [f"@p{m}" for m in spec.mentions] + [f"#{t}" for t in spec.tags]
        post = act(
            actions.do_publish_post, author=people[spec.author], text=" ".join(words), visibility=spec.visibility,
            community=communities[spec.community] if spec.community is not None else None,
            reply_to=posts.get(spec.reply_to) if spec.reply_to is not None else None,
            repost_of=posts.get(spec.repost_of) if spec.repost_of is not None else None,
        )
        if post is not None:
            posts[i] = post
            # A guest is given an ask when it is published, before anyone replies.
            for grantee, target in world.grants:
                if target == i and people[grantee].is_guest and post.reply_to_id is None:
                    act(actions.do_grant_guest_access, guest=people[grantee], post=post)
    for i, spec in enumerate(world.posts):
        if spec.deleted and i in posts:
            act(actions.do_delete_post, actor=people[spec.author], post=posts[i])
    return people


class _Oracle:
    """The audience rule restated in plain Python over the rows as they are."""

    def __init__(self) -> None:
        self.posts = {p.pk: p for p in Post.objects.all()}
        self.follows = set(Follow.objects.values_list("follower_id", "followee_id"))
        self.blocks = set(Block.objects.values_list("user_id", "target_id"))
        self.mutes = set(Mute.objects.values_list("user_id", "target_id"))
        self.members = set(Membership.objects.values_list("user_id", "community_id"))
        self.kinds = dict(Community.objects.values_list("pk", "kind"))
        self.grants = set(GuestAccess.objects.values_list("guest_id", "post_id"))
        self.mentions = set(Mention.objects.values_list("user_id", "post_id"))
        self.tags: dict[int, set[int]] = defaultdict(set)
        for post_id, tag_id in PostHashtag.objects.values_list("post_id", "hashtag_id"):
            self.tags[post_id].add(tag_id)
        self.followed_tags: dict[int, set[int]] = defaultdict(set)
        for user_id, tag_id in HashtagFollow.objects.values_list("user_id", "hashtag_id"):
            self.followed_tags[user_id].add(tag_id)

    def reads(self, person: User, post: Post) -> bool:
        v, a = person.pk, post.author_id
        if post.deleted_at is not None or (v, a) in self.blocks or (a, v) in self.blocks:
            return False
        mentioned = (v, post.pk) in self.mentions
        if person.is_guest:
            if (v, post.pk) in self.grants:
                return True
            addressed = post.visibility == Visibility.ORGANISATION or a == v or mentioned
            inside = (v, post.community_id) in self.members or (v, post.thread_root_id) in self.grants
            return addressed and inside
        addressed = (post.visibility == Visibility.ORGANISATION or a == v or mentioned
                     or (post.visibility == Visibility.FOLLOWERS and (v, a) in self.follows))
        place = (post.community_id is None or self.kinds[post.community_id] == Community.Kind.OPEN
                 or (v, post.community_id) in self.members)
        return addressed and place

    def delivered(self, person: User, post: Post) -> bool:
        v, a = person.pk, post.author_id
        if a == v or (v, post.pk) in self.mentions:
            return True
        if post.community_id is not None:
            return (v, post.community_id) in self.members
        parent = self.posts[post.reply_to_id] if post.reply_to_id else None
        if (v, a) in self.follows and (parent is None or parent.author_id in (a, v)
                                       or (v, parent.author_id) in self.follows):
            return True
        return (post.visibility == Visibility.ORGANISATION and parent is None
                and bool(self.tags[post.pk] & self.followed_tags[v]))

    def home(self, person: User) -> list[int]:
        return sorted(
            (p.pk for p in self.posts.values()
             if self.reads(person, p) and self.delivered(person, p)
             and not ((person.pk, p.author_id) in self.mutes and p.author_id != person.pk)),
            reverse=True,
        )


def _home(person: User, page: int = 3) -> list[int]:
    """Every page of the home timeline, newest first, following ``max_id``."""
    ids: list[int] = []
    max_id = None
    for _ in range(100):
        batch = [p.pk for p in home_timeline(person, max_id=max_id, limit=page)]
        if not batch:
            return ids
        ids += batch
        max_id = batch[-1]
    raise AssertionError("the home timeline does not end")


def _export(path: Path, posts: list[Post]) -> None:
    names = dict(User.objects.values_list("pk", "username"))
    with path.open("w") as out:
        for p in reversed(posts):  # replies before their parents: the import must not care about order
            row = {"id": str(p.pk), "author": names[p.author_id], "text": p.text,
                   "created_at": p.created_at.isoformat(),
                   "tags": sorted(p.hashtags.values_list("name", flat=True))}
            if p.reply_to_id:
                row["reply_to"] = str(p.reply_to_id)
            out.write(json.dumps(row) + "\n")


@pytest.mark.slow
class AudienceProperty(TestCase):
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(worlds())
    @example(world=GIVEN_AFTER_PUBLISHING)
    def test_readers_recipients_and_every_home_agree(self, world: World) -> None:
        people = _build(world, self)
        oracle = _Oracle()
        everything = list(Post.objects.all())

        for person in people:
            readable = set(Post.objects.visible_to(person).values_list("pk", flat=True))
            expected = {p.pk for p in everything if oracle.reads(person, p)}
            assert readable == expected, f"who may read, for {person.username}"
        for post in everything:
            recipients = feed_recipients(post.pk)
            readers = {person.pk for person in people if oracle.reads(person, post)}
            assert recipients <= readers, f"fan-out of post {post.pk} reaches people who may not read it"

        live = {person.pk: _home(person) for person in people}
        for person in people:
            assert live[person.pk] == oracle.home(person), f"live home of {person.username}"
        for person in people:
            rebuild_feed(person.pk)
        assert {person.pk: _home(person) for person in people} == live, "home after rebuild_feed"
        for person in people:
            trim_feed(person.pk, 1)
        assert {person.pk: _home(person, page=2) for person in people} == live, "home past a trimmed cap"
        with override_settings(COLONY_FEED_CAP=1):
            for person in people:
                rebuild_feed(person.pk)
            assert {person.pk: _home(person, page=2) for person in people} == live, "home rebuilt with a cap of 1"

        # What the import format carries: live organisation-wide posts and
        # replies outside communities (not reposts), whose parents it carries too.
        carried: dict[int, Post] = {}
        for p in sorted(everything, key=lambda p: p.pk):
            if (p.deleted_at is None and p.visibility == Visibility.ORGANISATION and p.community_id is None
                    and p.repost_of_id is None and (p.reply_to_id is None or p.reply_to_id in carried)):
                carried[p.pk] = p
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "posts.jsonl"
            _export(path, list(carried.values()))
            FeedEntry.objects.all().delete()
            Post.objects.all().delete()
            result = import_posts(path, progress=False)
        assert result.created == len(carried), result
        original_of = {pk: int(i or 0) for pk, i in Post.objects.values_list("pk", "import_id")}
        for person in people:
            imported_home = sorted((original_of[pk] for pk in _home(person)), reverse=True)
            if person.is_guest:
                # Which asks a guest was given is not in the format: without it they read nothing.
                assert imported_home == [], f"guest {person.username} reads imported posts"
                continue
            expected_home = [pk for pk in live[person.pk] if pk in carried]
            assert imported_home == expected_home, f"home of {person.username} after export and import"


# The two drifts the rule ended, as plain examples.

@pytest.mark.django_db(transaction=False)
def test_a_community_post_stays_in_a_members_home_after_a_rebuild_and_past_the_cap() -> None:
    author = do_create_user(handle="author")
    member = do_create_user(handle="member")
    room = do_create_community(creator=author, name="Room", kind=Community.Kind.CLOSED)
    Membership.objects.create(community=room, user=member)
    with TestCase.captureOnCommitCallbacks(execute=True):
        post = actions.do_publish_post(author=author, text="for the room", community=room)
    assert _home(member) == [post.pk]
    rebuild_feed(member.pk)
    assert _home(member) == [post.pk]
    FeedEntry.objects.filter(owner=member).delete()  # past the cap: nothing stored
    assert _home(member) == [post.pk]


@pytest.mark.django_db(transaction=False)
def test_a_reply_between_people_someone_follows_stays_in_their_home_after_a_rebuild() -> None:
    ann, bob, reader = (do_create_user(handle=h) for h in ("ann", "bob", "reader"))
    for followee in (ann, bob):
        actions.do_follow(follower=reader, followee=followee)
    with TestCase.captureOnCommitCallbacks(execute=True):
        question = actions.do_publish_post(author=ann, text="a question")
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer = actions.do_publish_post(author=bob, text="an answer", reply_to=question)
    assert _home(reader) == [answer.pk, question.pk]
    rebuild_feed(reader.pk)
    assert _home(reader) == [answer.pk, question.pk]


@pytest.mark.django_db(transaction=False)
def test_a_profiles_post_count_never_tells_of_posts_only_some_may_read() -> None:
    from colony.people.selectors import counts

    author = do_create_user(handle="author")
    room = do_create_community(creator=author, name="Hidden", kind=Community.Kind.SECRET)
    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.do_publish_post(author=author, text="for everyone")
        actions.do_publish_post(author=author, text="for the room", community=room)
        actions.do_publish_post(author=author, text="for followers", visibility=Visibility.FOLLOWERS)
    assert counts(author)["posts"] == 1


@pytest.mark.django_db(transaction=False)
def test_joining_and_leaving_a_community_keeps_the_stored_home_equal_to_a_rebuilt_one() -> None:
    from colony.communities.actions import do_join, do_leave

    author, newcomer = do_create_user(handle="author"), do_create_user(handle="newcomer")
    room = do_create_community(creator=author, name="Open room", kind=Community.Kind.OPEN)
    with TestCase.captureOnCommitCallbacks(execute=True):
        post = actions.do_publish_post(author=author, text="before you came", community=room)
        reply = actions.do_publish_post(author=author, text="and a reply", reply_to=post)
    assert _home(newcomer) == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        do_join(user=newcomer, community=room)
    stored = set(FeedEntry.objects.filter(owner=newcomer).values_list("post_id", flat=True))
    assert stored == {post.pk, reply.pk}
    assert _home(newcomer) == [reply.pk, post.pk]
    with TestCase.captureOnCommitCallbacks(execute=True):
        do_leave(user=newcomer, community=room)
    assert not FeedEntry.objects.filter(owner=newcomer).exists()
    assert _home(newcomer) == []
    rebuild_feed(newcomer.pk)
    assert _home(newcomer) == []
