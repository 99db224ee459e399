"""Reads for asks: one ask and its responses as a person may see them, the lists on the asks
place and in the API, routing previews, measures, and who is away.

Every ask read starts from ``Post.objects.visible_to`` (an ask is a post), so
a hidden ask is the same not-found as a missing one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from colony.communities.models import Community, Membership
from colony.core.errors import NotFound
from colony.people.models import User
from colony.social.models import GuestAccess, Post, PostKind

from .models import Ask, GuestInvite, Match, Response
from .routing import Candidate, rank_candidates

# --- one ask ------------------------------------------------------------------


def access_ask(user: User, ask_id: int | str) -> Ask:
    """An ask the user may see; missing and not-yours are the same not-found."""
    try:
        pk = int(ask_id)
    except (TypeError, ValueError):
        pk = 0
    post = Post.objects.visible_to(user).filter(pk=pk, kind=PostKind.ASK).first()
    ask = Ask.objects.filter(post=post).select_related("post", "post__author").first() if post else None
    if ask is None:
        raise NotFound(_("That ask does not exist or is not visible to you."))
    return ask


def responses_visible_to(ask: Ask, user: User) -> QuerySet[Response]:
    """The asker sees every response; others see public ones and their own."""
    rows = Response.objects.filter(ask=ask).select_related("author", "referred", "attachment")
    if ask.post.author_id == user.pk:
        return rows
    return rows.filter(Q(public=True) | Q(author=user) | Q(referred=user))


def access_response(ask: Ask, user: User, response_id: int | str) -> Response:
    try:
        pk = int(response_id)
    except (TypeError, ValueError):
        pk = 0
    found = responses_visible_to(ask, user).filter(pk=pk).first()
    if found is None:
        raise NotFound(_("That response does not exist or is not visible to you."))
    return found


def match_of(ask: Ask, user: User) -> Match | None:
    """Why ``user`` was sent this ask, if they were."""
    return Match.objects.filter(ask=ask, user=user).first()


def matches(ask: Ask) -> QuerySet[Match]:
    """Everyone the ask was sent to, with the person (for the asker's eyes only)."""
    return Match.objects.filter(ask=ask).select_related("user")


def war_room_for(ask: Ask, user: User) -> Community | None:
    """The ask's war room, for the asker and for the people in it; None for everyone else."""
    if not ask.war_room_id:
        return None
    if ask.post.author_id == user.pk or Membership.objects.filter(community_id=ask.war_room_id, user=user).exists():
        return ask.war_room
    return None


# --- lists --------------------------------------------------------------------


def with_related(asks: Iterable[Ask]) -> list[Ask]:
    """``asks`` with what their pages and API rows read (skills, responses, matches and their people) fetched
    in one query per relation, so a list of asks costs the same few queries however long it is."""
    asks = list(asks)
    prefetch_related_objects(asks, "skills", "responses",
                             Prefetch("matches", queryset=Match.objects.select_related("user")))
    return asks


def asks_for(user: User, *, mine: bool = True, limit: int = 20, before: int | None = None) -> list[Ask]:
    """The asks ``user`` posted (``mine``), or those sent to them, newest first, ready for ``measures``."""
    if mine:
        posts = Post.objects.filter(author=user, kind=PostKind.ASK, deleted_at__isnull=True)
    else:
        posts = Post.objects.visible_to(user).filter(Q(kind=PostKind.ASK), Q(ask__matches__user=user))
    if before:
        posts = posts.filter(pk__lt=before)
    ids = list(posts.order_by("-id").values_list("pk", flat=True)[:limit])
    return with_related(Ask.objects.filter(pk__in=ids).select_related("post__author", "war_room").order_by("-post_id"))


def matches_for(user: User, *, limit: int = 20) -> list[Match]:
    """The asks routing sent to ``user`` that they may still read, most recently sent first."""
    visible = Post.objects.visible_to(user).filter(kind=PostKind.ASK)
    return list(Match.objects.filter(user=user, ask__post__in=visible.values("pk"))
                .select_related("ask__post__author").order_by("-notified_at")[:limit])


def open_asks_around(user: User, *, limit: int = 20) -> list[Post]:
    """Open asks by others that ``user`` may read, newest first (as posts, for ``present``)."""
    visible = Post.objects.visible_to(user).filter(kind=PostKind.ASK)
    return list(visible.filter(ask__status=Ask.Status.OPEN).exclude(author=user)
                .select_related("author").order_by("-id")[:limit])


def communities_to_ask_in(user: User) -> QuerySet[Community]:
    """The communities an ask by ``user`` may be for: theirs, not archived."""
    return Community.objects.filter(memberships__user=user, archived_at__isnull=True)


def guest_places(guest: User) -> tuple[QuerySet[Ask], QuerySet[Community]]:
    """What a guest was let into: their asks and their war rooms."""
    asks = Ask.objects.filter(pk__in=GuestAccess.objects.filter(guest=guest).values("post_id")).select_related("post")
    return asks, Community.objects.filter(memberships__user=guest)


# --- routing --------------------------------------------------------------------


def preview_candidates(asker: User, text: str, *, skills: Sequence[str], limit: int,
                       exclude: Sequence[str] = ()) -> list[tuple[Candidate, User | None]]:
    """Who routing would notify for ``text``, with the person (None if they have gone since), notifying nobody."""
    candidates = rank_candidates(text, skills=list(skills), asker=asker, limit=limit, exclude=exclude)
    people = User.objects.in_bulk([c.user_id for c in candidates])
    return [(c, people.get(c.user_id)) for c in candidates]


def audience_ids(ask: Ask) -> set[int] | None:
    """Who routing may choose from: None means the whole organisation."""
    if ask.audience == Ask.Audience.COMMUNITY and ask.post.community_id:
        return set(Membership.objects.filter(community_id=ask.post.community_id).values_list("user_id", flat=True))
    if ask.audience == Ask.Audience.PEOPLE:
        return set(ask.audience_people.values_list("pk", flat=True))
    return None


def ask_text(ask: Ask) -> str:
    """What routing reads: the need, then the start of the brief."""
    return f"{ask.post.text}\n{ask.brief[:600]}".strip()


def asks_to_widen(now: Any = None) -> list[int]:
    """Open asks nobody has answered since their last round, once the wait is over."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.COLONY_ASK_WIDEN_MINUTES)
    return list(
        Ask.objects.filter(status=Ask.Status.OPEN, last_routed_at__lte=cutoff, rounds__lt=settings.COLONY_ASK_ROUNDS,
                           responses__isnull=True)
        .values_list("pk", flat=True)
    )


def away_until(user: User, now: datetime | None = None) -> datetime | None:
    """When ``user``'s away time ends, while it lasts; None when they can be sent asks."""
    now = now or timezone.now()
    return user.away_until if user.away_until is not None and user.away_until > now else None


# --- guests -------------------------------------------------------------------


def find_invite(raw: str) -> GuestInvite:
    """The invitation a link's token opens, while it is unused and unexpired; NotFound otherwise."""
    invite = GuestInvite.objects.filter(token_hash=GuestInvite.hash(raw or "")).select_related(
        "ask__post", "community").first()
    if invite is None or invite.used_at is not None or invite.expires_at < timezone.now():
        raise NotFound(_("This invitation is not valid: it was used already, has expired or never existed."))
    return invite


# --- measures -----------------------------------------------------------------


def measures(ask: Ask, viewer: User | None = None) -> dict[str, Any]:
    """People notified, time to first response and to first shortlisted response, responders, resolved.

    The asker's figures count every response; anyone else's count only the
    responses they may read (public ones, their own, those that name them),
    so the measures never reveal that private answers exist.
    Reads ``ask.responses`` and ``ask.matches`` through the related managers, so
    it costs nothing after ``with_related``.
    """
    rows = list(ask.responses.all())
    if viewer is not None and viewer.pk != ask.post.author_id:
        rows = [r for r in rows if r.public or viewer.pk in (r.author_id, r.referred_id)]
    responses = [(r.author_id, r.created_at, r.shortlisted_at) for r in rows]
    started = ask.post.created_at
    first = min((r[1] for r in responses), default=None)
    first_short = min((r[1] for r in responses if r[2] is not None), default=None)
    return {
        "people_notified": len(ask.matches.all()),
        "time_to_first_response_seconds": (first - started).total_seconds() if first else None,
        "time_to_first_shortlisted_seconds": (first_short - started).total_seconds() if first_short else None,
        "responses": len(responses),
        "responders": len({r[0] for r in responses}),
        "shortlisted": sum(1 for r in responses if r[2] is not None),
        "resolved": ask.status == Ask.Status.RESOLVED,
    }


# --- handed down to posts when the app is ready (``AsksConfig.ready``) ---


def asks_by_post(post_ids: list[int]) -> dict[int, Ask]:
    """The ask beside each ask post, for timelines that show asks distinctly."""
    return {a.pk: a for a in Ask.objects.filter(pk__in=post_ids).prefetch_related("skills")}


def may_read_response_attachment(user: User, attachment: Any) -> bool | None:
    """A document sent with a response: for whoever may read the ask and that
    response (None: not a response's attachment)."""
    response = Response.objects.filter(attachment_id=attachment.pk).select_related("ask").first()
    if response is None:
        return None
    if not Post.objects.visible_to(user).filter(pk=response.ask_id).exists():
        return False
    return responses_visible_to(response.ask, user).filter(pk=response.pk).exists()
