"""Routing: who in the organisation can help with an ask, and why.

Each person is scored on what the issue of an ask really needs:

- meaning: the ask against their profile (title, team, skills, bio) and
  against what they have written for the whole organisation, compared as
  multilingual sentence embeddings, so a Dutch ask finds an English profile;
- skills: the skills the asker named, or that the ask's words mention,
  that the person lists;
- helpfulness: how often they answered (and were shortlisted on) similar asks;
- proximity: follows between them and the asker, shared communities, same team;
- availability: people who are away, or were already sent today's share of
  asks, are left out so the same experts are not flooded.

The per-person vectors sit in an in-process ``VectorIndex`` refreshed
incrementally from ``core.PersonVector``; scoring 10,000 people is two
matrix-vector products. Reasons are kept structured and turned into words in
the reader's language only when shown.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from colony.communities.models import Membership
from colony.core.embeddings import DIMENSIONS, embed_one, from_bytes
from colony.core.models import PersonVector, TextVector
from colony.core.vectors import NumpyVectorIndex
from colony.graph.models import Block, Follow
from colony.people.actions import normalise_skill
from colony.people.models import Skill, User
from colony.social.models import Post

from .models import Match, Response

# How much each signal weighs in the score (they are all in [0, 1]).
WEIGHTS = {"profile": 0.45, "writing": 0.45, "skills": 0.20, "helpful": 0.10, "proximity": 0.05}
SHORTLIST = 200  # people scored in full after the vector pass
SIMILAR_ASK = 0.45  # cosine above which a past ask counts as similar


@dataclass
class Candidate:
    user_id: int
    handle: str
    score: float
    reasons: list[dict[str, Any]] = field(default_factory=list)


class _People:
    """Everyone's profile and writing vectors, side by side in one index, refreshed as they change.

    Each person is one 1,024-dimension row: the profile vector, then the
    direction of their writing. A query built as (w_p·q, w_w·q) then yields
    ``w_p·cos(profile) + w_w·cos(writing)`` for everyone in a single
    matrix-vector product.
    """

    def __init__(self) -> None:
        self.index = NumpyVectorIndex(2 * DIMENSIONS)
        self.seen: datetime | None = None
        self.lock = threading.Lock()

    def refresh(self) -> None:
        with self.lock:
            rows = PersonVector.objects.all()
            if self.seen is not None:
                # ">=": rows saved in the same instant as the last refresh are read again, harmlessly.
                rows = rows.filter(updated_at__gte=self.seen)
            newest = self.seen
            for user_id, profile, writing, count, updated in rows.values_list(
                "user_id", "profile", "writing_sum", "writing_count", "updated_at"
            ).iterator(chunk_size=2000):
                row = np.zeros(2 * DIMENSIONS, dtype=np.float32)
                if profile:
                    row[:DIMENSIONS] = from_bytes(profile)
                if writing and count:
                    vector = from_bytes(writing)
                    norm = float(np.linalg.norm(vector))
                    if norm > 0:
                        row[DIMENSIONS:] = vector / norm
                if row.any():
                    self.index.upsert([user_id], row[None, :])
                else:
                    self.index.remove([user_id])
                if newest is None or updated > newest:
                    newest = updated
            self.seen = newest

    def scores(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Ids and their weighted meaning score for a unit query vector."""
        both = np.concatenate([WEIGHTS["profile"] * query, WEIGHTS["writing"] * query]).astype(np.float32)
        with self.lock:
            return self.index.similarities(both)

    def parts(self, user_id: int, query: np.ndarray) -> tuple[float, float]:
        """(profile, writing) cosine for one person, for the reasons."""
        with self.lock:
            row = self.index.vector(user_id)
            if row is None:
                return 0.0, 0.0
            return float(row[:DIMENSIONS] @ query), float(row[DIMENSIONS:] @ query)


_people = _People()


def reset_cache() -> None:
    """Forget the in-process vectors (tests switch databases under it)."""
    global _people
    _people = _People()


def _skills_in(text: str, named: Sequence[str]) -> set[str]:
    """Skill names the asker typed, plus known skills the ask's words mention."""
    wanted = {normalise_skill(s) for s in named if normalise_skill(s)}
    words = " " + " ".join(re.findall(r"\w+", text.casefold())) + " "
    for name in Skill.objects.filter(people__isnull=False).distinct().values_list("name", flat=True):
        phrase = " " + name.replace("-", " ") + " "
        if len(name) > 1 and phrase in words:
            wanted.add(name)
    return wanted


def _sent_today(user_ids: Collection[int], now: datetime) -> dict[int, int]:
    rows = (
        Match.objects.filter(user_id__in=list(user_ids), notified_at__gte=now - timedelta(days=1))
        .values("user_id").annotate(n=Count("pk"))
    )
    return {r["user_id"]: r["n"] for r in rows}


def _helpfulness(query: np.ndarray, user_ids: Collection[int]) -> dict[int, tuple[int, int]]:
    """Per person: (similar asks answered, of which shortlisted)."""
    rows = list(
        Response.objects.filter(author_id__in=list(user_ids), kind="help")
        .values_list("author_id", "ask_id", "shortlisted_at")
    )
    if not rows:
        return {}
    vectors = {
        tv.object_id: from_bytes(tv.vector)
        for tv in TextVector.objects.filter(kind=TextVector.Kind.POST, object_id__in={r[1] for r in rows})
    }
    out: dict[int, tuple[int, int]] = {}
    for author, ask_id, shortlisted in rows:
        vector = vectors.get(ask_id)
        if vector is None or float(vector @ query) < SIMILAR_ASK:
            continue
        answered, chosen = out.get(author, (0, 0))
        out[author] = (answered + 1, chosen + (shortlisted is not None))
    return out


def _proximity(asker: User | None, user_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    if asker is None:
        return {}
    ids = list(user_ids)
    follows_them = set(Follow.objects.filter(follower_id=asker.pk, followee_id__in=ids).values_list("followee_id", flat=True))
    follow_you = set(Follow.objects.filter(followee_id=asker.pk, follower_id__in=ids).values_list("follower_id", flat=True))
    mine = Membership.objects.filter(user_id=asker.pk).values("community_id")
    shared = dict(
        Membership.objects.filter(community_id__in=mine, user_id__in=ids)
        .values("user_id").annotate(n=Count("pk")).values_list("user_id", "n")
    )
    team = set(User.objects.filter(pk__in=ids, team_id=asker.team_id).values_list("pk", flat=True)) if asker.team_id else set()
    return {
        i: {"you_follow": i in follows_them, "follows_you": i in follow_you, "shared": shared.get(i, 0),
            "team": i in team}
        for i in ids
    }


def _writing_evidence(query: np.ndarray, user_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """Each person's organisation-wide post closest to the ask (for the reason, not the score)."""
    posts = {
        p.pk: p for p in Post.objects.filter(author_id__in=list(user_ids), deleted_at__isnull=True)
        .only("id", "author_id", "text", "created_at").order_by("-id")[: 100 * max(len(user_ids), 1)]
    }
    best: dict[int, tuple[float, int]] = {}
    # language "-" marks vectors of posts that do not count (not for everyone's eyes).
    for tv in TextVector.objects.filter(kind=TextVector.Kind.POST, object_id__in=list(posts)).exclude(language="-"):
        post = posts[tv.object_id]
        similarity = float(from_bytes(tv.vector) @ query)
        if similarity > best.get(post.author_id, (-1.0, 0))[0]:
            best[post.author_id] = (similarity, post.pk)
    out = {}
    for author, (similarity, post_id) in best.items():
        if similarity >= 0.35:
            post = posts[post_id]
            excerpt = " ".join(post.text.split())
            out[author] = {"post": post_id, "excerpt": excerpt[:80] + ("…" if len(excerpt) > 80 else ""),
                           "date": post.created_at.date().isoformat()}
    return out


def _top(ids: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    if not len(ids):
        return []
    k = min(k, len(ids))
    top = np.argpartition(-scores, k - 1)[:k]
    return [(int(ids[i]), float(scores[i])) for i in top]


def eligible_people(*, asker: User | None, exclude: Collection[str] = (), audience: Collection[int] | None = None,
                    now: datetime) -> Any:
    """Who may be asked at all: active members (not guests), not away, not the asker, no blocks."""
    people = User.objects.filter(is_active=True, is_guest=False).exclude(away_until__gt=now)
    if asker is not None:
        people = people.exclude(pk=asker.pk).exclude(
            pk__in=Block.objects.filter(Q(user_id=asker.pk) | Q(target_id=asker.pk)).values("target_id")
        ).exclude(pk__in=Block.objects.filter(target_id=asker.pk).values("user_id"))
    if exclude:
        people = people.exclude(username__in=[h.lstrip("@").lower() for h in exclude])
    if audience is not None:
        people = people.filter(pk__in=list(audience))
    return people


def rank_candidates(
    text: str,
    *,
    skills: Sequence[str] = (),
    asker: User | None = None,
    limit: int = 20,
    exclude: Collection[str] = (),
    audience: Collection[int] | None = None,
    skip: Collection[int] = (),
    now: datetime | None = None,
) -> list[Candidate]:
    """The people routing would notify for this ask, best first, with their reasons.

    ``audience``: only these people (a community's members, named people).
    ``skip``: people already matched (when widening). Nobody is notified here.
    """
    now = now or timezone.now()
    wanted_skills = _skills_in(text, skills)
    query = embed_one(" ".join([text, *(s.replace("-", " ") for s in wanted_skills)]))
    _people.refresh()
    ids, meaning = _people.scores(query)

    # Skill overlap for everyone who lists a wanted skill.
    overlap: dict[int, list[str]] = {}
    if wanted_skills:
        for user_id, name in User.skills.through.objects.filter(skill__name__in=wanted_skills).values_list(
            "user_id", "skill__name"
        ):
            overlap.setdefault(user_id, []).append(name)
    skill_share = {u: len(names) / max(len(wanted_skills), 1) for u, names in overlap.items()}

    # Best first by meaning and skills. With an audience (a community, named
    # people) everyone in it is scored; otherwise the best by meaning, plus
    # everyone who lists a wanted skill.
    row_of: dict[int, int] = {}
    if audience is not None or skill_share:
        row_of = {u: i for i, u in enumerate(ids.tolist())}
    if audience is not None:
        base = {u: float(meaning[row_of[u]]) if u in row_of else 0.0 for u in audience}
    else:
        base = dict(_top(ids, meaning, SHORTLIST * 4))
    for user_id, share in skill_share.items():
        if audience is not None and user_id not in base:
            continue
        semantic = base.get(user_id)
        if semantic is None:
            semantic = float(meaning[row_of[user_id]]) if user_id in row_of else 0.0
        base[user_id] = semantic + WEIGHTS["skills"] * share
    for user_id in skip:
        base.pop(user_id, None)
    ranked = sorted(base, key=lambda u: (-base[u], u))[: SHORTLIST * 2]
    allowed = set(
        eligible_people(asker=asker, exclude=exclude, audience=audience, now=now)
        .filter(pk__in=ranked).values_list("pk", flat=True)
    )
    shortlist = [i for i in ranked if i in allowed][:SHORTLIST]
    sent = _sent_today(shortlist, now)
    shortlist = [i for i in shortlist if sent.get(i, 0) < settings.COLONY_ASK_DAILY_CAP]
    helpful = _helpfulness(query, shortlist)
    near = _proximity(asker, shortlist)

    scored = []
    for user_id in shortlist:
        answered, chosen = helpful.get(user_id, (0, 0))
        p = near.get(user_id, {})
        proximity = (0.4 * bool(p.get("you_follow") or p.get("follows_you"))
                     + 0.3 * min(p.get("shared", 0), 3) / 3 + 0.3 * bool(p.get("team")))
        score = base[user_id] + WEIGHTS["helpful"] * min(1.0, (answered + chosen) / 4) + WEIGHTS["proximity"] * proximity
        scored.append((score, user_id))
    scored.sort(key=lambda s: (-s[0], s[1]))
    top = scored[: max(0, limit)]
    if not top:
        return []
    handles = dict(User.objects.filter(pk__in=[u for _, u in top]).values_list("pk", "username"))
    titles = dict(User.objects.filter(pk__in=[u for _, u in top]).values_list("pk", "title"))
    evidence = _writing_evidence(query, [u for _, u in top])
    out = []
    for score, user_id in top:
        profile_cos, writing_cos = _people.parts(user_id, query)
        reasons: list[dict[str, Any]] = []
        if overlap.get(user_id):
            reasons.append({"code": "skills", "skills": sorted(overlap[user_id])})
        if profile_cos >= 0.35 and titles.get(user_id):
            reasons.append({"code": "profile", "title": titles[user_id]})
        if user_id in evidence and writing_cos > 0:
            reasons.append({"code": "wrote", **evidence[user_id]})
        answered, chosen = helpful.get(user_id, (0, 0))
        if answered:
            reasons.append({"code": "answered", "count": answered, "shortlisted": chosen})
        p = near.get(user_id, {})
        if p.get("you_follow") or p.get("follows_you"):
            reasons.append({"code": "follows", "you_follow": bool(p.get("you_follow")),
                            "follows_you": bool(p.get("follows_you"))})
        if p.get("shared"):
            reasons.append({"code": "communities", "count": p["shared"]})
        if p.get("team"):
            reasons.append({"code": "team"})
        if not reasons:
            reasons.append({"code": "similar"})
        out.append(Candidate(user_id=user_id, handle=handles[user_id], score=round(score, 4), reasons=reasons))
    return out


def warm_up_in_background() -> None:
    """Load the model and everyone's vectors now, so the first ask after a start is as fast as the rest."""

    def run() -> None:
        from django.db import connection

        try:
            embed_one("warm up")
            _people.refresh()
        except Exception:  # a cold start is slower, never broken
            import logging

            logging.getLogger(__name__).warning("routing warm-up failed", exc_info=True)
        finally:
            connection.close()

    threading.Thread(target=run, name="routing-warm-up", daemon=True).start()
