"""Who may read a post, who receives it, and whose home it belongs in: defined once.

The rule is written a single time, as conditions on a (person, post) pair.
Each side of the pair is either *known* (a row already loaded) or *open* (the
rows of the query being filtered). Compiling the same conditions with the
person known gives a filter on posts (``Post.objects.visible_to``, the home
past its stored cap, ``rebuild_feed``); with the post known it gives a filter
on people (fan-out's recipients, who is told of a mention). A condition whose
sides are both known folds to a constant, so a page never pays for a branch
that cannot apply (a guest's rules for a member, a community's for a post
outside one).

The rule, in words:

* **Readers.** A member reads a live post when its visibility lets them in
  (organisation-wide; they wrote it; followers-only and they follow the
  author; they are mentioned) and its place does (no community, an open
  community, or one they belong to), and neither of them blocked the other.
  A guest reads the asks they were given and, within those asks' threads and
  the war rooms they belong to, what is organisation-wide, theirs, or
  mentions them.
* **Home.** A post belongs in a reader's home when they wrote it; when it
  mentions them; when it is in a community they belong to; or, outside
  communities, when they follow its author (a reply only if they also follow, or
  are, the person replied to), or when it is an organisation-wide top-level
  post with a hashtag they follow. Muting hides an author's posts from the
  home when it is read, without changing what is stored.
* **Recipients** of fan-out are the people whose home the post belongs in,
  less its author (whose own feed gets it at once).

``colony/tests/test_audience_property.py`` generates small organisations and
checks that the stored home after live fan-out, after ``rebuild_feeds``, past
the cap, and after an export and re-import are one and the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db import models
from django.db.models import F, Q, QuerySet

from colony.communities.models import Community, Membership
from colony.graph.models import Block, Follow, Mute
from colony.people.models import User

from .models import GuestAccess, HashtagFollow, Mention, Post, PostHashtag, Visibility

__all__ = [
    "community_filter", "for_whole_organisation", "hidden_by_mutes", "home_filter", "home_recipients",
    "home_sources", "may_read",
    "place_filter", "readable_filter", "readers", "readers_among",
]

# A condition: a constant (both sides known) or a filter on the open side.
Cond = bool | Q


@dataclass(frozen=True)
class Col:
    """A column of the open side (the rows being filtered)."""

    name: str


Term = Any  # a Col, or a known value


def _all(*conds: Cond) -> Cond:
    if any(c is False for c in conds):
        return False
    qs = [c for c in conds if not isinstance(c, bool)]
    return reduce(lambda a, b: a & b, qs) if qs else True


def _any(*conds: Cond) -> Cond:
    if any(c is True for c in conds):
        return True
    qs = [c for c in conds if not isinstance(c, bool)]
    return reduce(lambda a, b: a | b, qs) if qs else False


def _not(cond: Cond) -> Cond:
    return (not cond) if isinstance(cond, bool) else ~cond


def _eq(a: Term, b: Term) -> Cond:
    if isinstance(b, Col) and not isinstance(a, Col):
        a, b = b, a
    if isinstance(a, Col):
        if isinstance(b, Col):
            return Q(**{a.name: F(b.name)})
        return Q(**{f"{a.name}__isnull": True}) if b is None else Q(**{a.name: b})
    return bool(a == b)


def _linked(model: type[models.Model], **sides: Term) -> Cond:
    """A row of ``model`` links the sides (exactly one of them open).

    Compiles to ``column IN (SELECT field FROM model WHERE known fields)``,
    which both databases answer from the model's indexes.
    """
    open_sides = [(field, term) for field, term in sides.items() if isinstance(term, Col)]
    known = {field: term for field, term in sides.items() if not isinstance(term, Col)}
    if any(value is None for value in known.values()):
        return False  # nothing links to a missing post, author or community
    if len(open_sides) != 1:
        raise ValueError("a link needs exactly one open side")
    field, column = open_sides[0]
    return Q(**{f"{column.name}__in": model._default_manager.filter(**known).values(field)})


def _linked_through(person_id: Term, post_id: Term) -> Cond:
    """The person follows a hashtag the post carries (HashtagFollow ⋈ PostHashtag)."""
    if isinstance(person_id, Col):
        carried = PostHashtag.objects.filter(post_id=post_id).values("hashtag_id")
        return Q(**{f"{person_id.name}__in": HashtagFollow.objects.filter(hashtag_id__in=carried).values("user_id")})
    followed = HashtagFollow.objects.filter(user_id=person_id).values("hashtag_id")
    return Q(**{f"{post_id.name}__in": PostHashtag.objects.filter(hashtag_id__in=followed).values("post_id")})


@dataclass(frozen=True)
class PersonSide:
    id: Term
    is_guest: Term

    @classmethod
    def open(cls) -> PersonSide:
        return cls(id=Col("pk"), is_guest=Col("is_guest"))

    @classmethod
    def known(cls, user: User) -> PersonSide:
        return cls(id=user.pk, is_guest=bool(getattr(user, "is_guest", False)))


@dataclass(frozen=True)
class PostSide:
    id: Term
    author: Term
    visibility: Term
    community: Term
    community_kind: Term
    reply_to: Term
    parent_author: Term
    thread_root: Term
    deleted_at: Term

    @classmethod
    def open(cls) -> PostSide:
        return cls(
            id=Col("pk"), author=Col("author_id"), visibility=Col("visibility"), community=Col("community_id"),
            community_kind=Col("community__kind"), reply_to=Col("reply_to_id"),
            parent_author=Col("reply_to__author_id"), thread_root=Col("thread_root_id"),
            deleted_at=Col("deleted_at"),
        )

    @classmethod
    def known(cls, post: Post) -> PostSide:
        community_kind = None
        if post.community_id is not None:
            community_kind = Community.objects.filter(pk=post.community_id).values_list("kind", flat=True).first()
        parent_author = None
        if post.reply_to_id is not None:
            parent_author = Post.objects.filter(pk=post.reply_to_id).values_list("author_id", flat=True).first()
        return cls(
            id=post.pk, author=post.author_id, visibility=post.visibility, community=post.community_id,
            community_kind=community_kind, reply_to=post.reply_to_id, parent_author=parent_author,
            thread_root=post.thread_root_id, deleted_at=post.deleted_at,
        )


# --- the rule ---------------------------------------------------------------


def _place_lets_in(person: PersonSide, community: Term, kind: Term) -> Cond:
    """No community is the organisation (not its guests); an open community is
    read by the whole organisation; any community by its members."""
    return _any(
        _all(_eq(person.is_guest, False), _any(_eq(community, None), _eq(kind, Community.Kind.OPEN))),
        _linked(Membership, user_id=person.id, community_id=community),
    )


def _mentioned(person: PersonSide, post: PostSide) -> Cond:
    return _linked(Mention, user_id=person.id, post_id=post.id)


def _follows(person: PersonSide, someone: Term) -> Cond:
    return _linked(Follow, follower_id=person.id, followee_id=someone)


def _blocked(person: PersonSide, post: PostSide) -> Cond:
    return _any(
        _linked(Block, user_id=person.id, target_id=post.author),
        _linked(Block, user_id=post.author, target_id=person.id),
    )


def _reads(person: PersonSide, post: PostSide) -> Cond:
    member = _eq(person.is_guest, False)
    guest = _eq(person.is_guest, True)
    addressed = _any(
        _eq(post.visibility, Visibility.ORGANISATION),
        _eq(post.author, person.id),
        _all(member, _eq(post.visibility, Visibility.FOLLOWERS), _follows(person, post.author)),
        _mentioned(person, post),
    )
    asks_thread = _all(guest, _linked(GuestAccess, guest_id=person.id, post_id=post.thread_root))
    given_ask = _all(guest, _linked(GuestAccess, guest_id=person.id, post_id=post.id))
    return _all(
        _eq(post.deleted_at, None),
        _not(_blocked(person, post)),
        _any(given_ask, _all(addressed, _any(_place_lets_in(person, post.community, post.community_kind),
                                             asks_thread))),
    )


def _delivered(person: PersonSide, post: PostSide) -> Cond:
    reply_reaches = _any(
        _eq(post.reply_to, None),
        _eq(post.parent_author, post.author),
        _eq(post.parent_author, person.id),
        _follows(person, post.parent_author),
    )
    outside_communities = _any(
        _all(_follows(person, post.author), reply_reaches),
        _all(_eq(post.visibility, Visibility.ORGANISATION), _eq(post.reply_to, None),
             _linked_through(person.id, post.id)),
    )
    return _any(
        _eq(post.author, person.id),
        _mentioned(person, post),
        _all(_eq(post.community, None), outside_communities),
        _linked(Membership, user_id=person.id, community_id=post.community),
    )


def _in_home(person: PersonSide, post: PostSide) -> Cond:
    return _all(_reads(person, post), _delivered(person, post))


# --- compiled forms ---------------------------------------------------------


def _as_filter(cond: Cond) -> Q:
    if cond is True:
        return Q()
    if cond is False:
        return Q(pk__in=[])
    return cond


def readable_filter(user: User) -> Q:
    """A filter on posts: those ``user`` may read (behind ``Post.objects.visible_to``)."""
    return _as_filter(_reads(PersonSide.known(user), PostSide.open()))


def home_filter(user: User) -> Q:
    """A filter on posts: those that belong in ``user``'s home (fan-in and rebuilds)."""
    return _as_filter(_in_home(PersonSide.known(user), PostSide.open()))


def home_sources(user: User) -> list[tuple[QuerySet[Any], str]]:
    """Where the posts of ``user``'s home can come from, one indexed stream
    per way into a home (``_delivered``): their own posts, mentions of them,
    posts of people they follow, of communities they belong to, of hashtags
    they follow. Each is (rows, id column), read newest first; together
    they hold every post ``home_filter`` admits, which then decides.
    Computing a page past the stored cap this way costs a few index range
    scans instead of testing the rule against every older post.
    """
    return [
        (Post.objects.filter(author_id=user.pk), "id"),
        (Mention.objects.filter(user_id=user.pk), "post_id"),
        (Post.objects.filter(author_id__in=Follow.objects.filter(follower_id=user.pk).values("followee_id")), "id"),
        (Post.objects.filter(community_id__in=Membership.objects.filter(user_id=user.pk).values("community_id")),
         "id"),
        (PostHashtag.objects.filter(hashtag_id__in=HashtagFollow.objects.filter(user_id=user.pk).values("hashtag_id")),
         "post_id"),
    ]


def hidden_by_mutes(user: User) -> Q:
    """Posts timelines hide when read: those by people ``user`` muted (never their own)."""
    return Q(author_id__in=Mute.objects.filter(user_id=user.pk).values("target_id")) & ~Q(author_id=user.pk)


def readers(post: Post) -> QuerySet[User]:
    """Everyone who may read ``post``."""
    return User.objects.filter(_as_filter(_reads(PersonSide.open(), PostSide.known(post))))


def home_recipients(post: Post) -> QuerySet[User]:
    """Everyone whose home ``post`` belongs in, its author excluded (fan-out)."""
    side = PostSide.known(post)
    return User.objects.filter(_as_filter(_in_home(PersonSide.open(), side))).exclude(pk=post.author_id)


def readers_among(post: Post, people: list[int]) -> list[int]:
    """Which of ``people`` may read ``post`` (one query), in the order given."""
    if not people:
        return []
    allowed = set(readers(post).filter(pk__in=people).values_list("pk", flat=True))
    return [p for p in people if p in allowed]


def may_read(user: User, post: Post) -> bool:
    """One person, one post: a single query."""
    return Post.objects.filter(pk=post.pk).filter(readable_filter(user)).exists()


def place_filter(user: User, field: str = "community") -> Q:
    """A filter on anything that lives in a place (a wiki page, a post): the
    places ``user`` may read, ``field`` naming the community foreign key."""
    return _as_filter(_place_lets_in(PersonSide.known(user), Col(f"{field}_id"), Col(f"{field}__kind")))


def community_filter(user: User) -> Q:
    """A filter on communities: those whose posts and pages ``user`` may read."""
    return _as_filter(_place_lets_in(PersonSide.known(user), Col("pk"), Col("kind")))


def for_whole_organisation(post: Post) -> bool:
    """Whether every member may read ``post`` (what routing may learn from)."""
    side = PostSide.known(post)
    return bool(_all(
        _eq(side.deleted_at, None),
        _eq(side.visibility, Visibility.ORGANISATION),
        _any(_eq(side.community, None), _eq(side.community_kind, Community.Kind.OPEN)),
    ))
