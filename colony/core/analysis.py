"""The analysis pipeline: language and meaning of every post and profile.

Each post's language is detected when it is written (``core.language``);
here every post and every profile also gets a sentence embedding, computed
in a background task after the write commits, so publishing never waits for
the model. ``colony analyze --backfill`` does the same for whatever has no
vector yet (after an upgrade, or a bulk import), with a progress bar.

Per person, two vectors are kept: the profile (title, team, skills, bio) and
the running sum of their organisation-wide posts. Routing compares an ask
with both; later features reuse them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from django.db import transaction

from colony.core.embeddings import MODEL_NAME, embed, from_bytes, to_bytes
from colony.core.language import detect_language
from colony.core.models import PersonVector, TextVector
from colony.core.progress import Progress

BATCH = 256


def profile_text(user: object) -> str:
    """The words that say what someone does, in the order that matters most."""
    from colony.people.models import User

    assert isinstance(user, User)
    skills = ", ".join(s.name.replace("-", " ") for s in user.skills.all())
    parts = [user.title, user.team.name if user.team else "", skills, user.bio]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def counts_as_writing(post: object) -> bool:
    """Whether a post may shape what routing thinks its author knows.

    Only what the whole organisation can read: never followers-only or
    mentioned-only posts, never posts in closed or secret communities, and
    not asks (a need is not expertise).
    """
    from colony.communities.models import Community
    from colony.social.models import Post, PostKind, Visibility

    assert isinstance(post, Post)
    if post.is_deleted or post.visibility != Visibility.ORGANISATION or post.kind != PostKind.POST:
        return False
    if post.repost_of_id is not None and not post.text:
        return False
    if post.community_id is not None:
        return Community.objects.filter(pk=post.community_id, kind=Community.Kind.OPEN).exists()
    return True


def _person(user_id: int) -> PersonVector:
    person, _ = PersonVector.objects.select_for_update().get_or_create(user_id=user_id)
    return person


def _shift_writing(user_id: int, old: np.ndarray | None, new: np.ndarray | None) -> None:
    """Move one post's contribution in its author's running sum (idempotent per post)."""
    if old is None and new is None:
        return
    person = _person(user_id)
    total = from_bytes(person.writing_sum).copy() if person.writing_sum else np.zeros(512, dtype=np.float32)
    if old is not None:
        total -= old
        person.writing_count = max(0, person.writing_count - 1)
    if new is not None:
        total += new
        person.writing_count += 1
    person.writing_sum = to_bytes(total)
    person.save(update_fields=["writing_sum", "writing_count", "updated_at"])


def analyze_posts(post_ids: Sequence[int]) -> int:
    """Embed these posts and fold them into their authors' writing vectors. Idempotent."""
    from colony.social.models import Post

    posts = list(Post.objects.filter(pk__in=list(post_ids)))
    if not posts:
        return 0
    vectors = embed([p.text for p in posts])
    with transaction.atomic():
        existing = {
            tv.object_id: tv for tv in TextVector.objects.select_for_update().filter(
                kind=TextVector.Kind.POST, object_id__in=[p.pk for p in posts]
            )
        }
        for post, vector in zip(posts, vectors, strict=True):
            counted = counts_as_writing(post) and bool(vector.any())
            row = existing.get(post.pk)
            old = from_bytes(row.vector) if row is not None and row.language != "-" else None
            # ``language`` "-" marks a stored vector that does not count as writing.
            language = (post.language or "") if counted else "-"
            if row is None:
                TextVector.objects.create(kind=TextVector.Kind.POST, object_id=post.pk, language=language,
                                          model=MODEL_NAME, vector=to_bytes(vector))
            else:
                row.vector, row.language, row.model = to_bytes(vector), language, MODEL_NAME
                row.save(update_fields=["vector", "language", "model", "updated_at"])
            _shift_writing(post.author_id, old, vector if counted else None)
    return len(posts)


def forget_post(post_id: int, author_id: int) -> None:
    """A deleted post stops counting for its author."""
    with transaction.atomic():
        row = TextVector.objects.select_for_update().filter(kind=TextVector.Kind.POST, object_id=post_id).first()
        if row is None:
            return
        if row.language != "-":
            _shift_writing(author_id, from_bytes(row.vector), None)
        row.delete()


def analyze_profiles(user_ids: Sequence[int]) -> int:
    from colony.people.models import User

    people = list(User.objects.filter(pk__in=list(user_ids)).select_related("team").prefetch_related("skills"))
    if not people:
        return 0
    texts = [profile_text(u) for u in people]
    vectors = embed(texts)
    with transaction.atomic():
        for user, text, vector in zip(people, texts, vectors, strict=True):
            TextVector.objects.update_or_create(
                kind=TextVector.Kind.PROFILE, object_id=user.pk,
                defaults={"vector": to_bytes(vector), "model": MODEL_NAME, "language": detect_language(text)},
            )
            person = _person(user.pk)
            person.profile = to_bytes(vector) if vector.any() else None
            person.save(update_fields=["profile", "updated_at"])
    return len(people)


def analyze_in_batches(ids: list[int], analyze: Callable[[list[int]], int], label: str | None) -> None:
    """Run ``analyze`` over ``ids`` in batches, with a progress bar when ``label`` is given."""
    bar = Progress(len(ids), label) if label else None
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        analyze(chunk)
        if bar:
            bar.advance(len(chunk))


def backfill(*, everything: bool = False, progress: bool = True) -> dict[str, int]:
    """Analyse every profile, and every post without a vector (all posts with ``everything``)."""
    from colony.people.models import User
    from colony.social.models import Post

    people = list(User.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    posts = Post.objects.live().exclude(text="").order_by("pk")
    if not everything:
        done = TextVector.objects.filter(kind=TextVector.Kind.POST).values("object_id")
        posts = posts.exclude(pk__in=done)
    post_ids = list(posts.values_list("pk", flat=True))
    analyze_in_batches(people, analyze_profiles, "profiles" if progress else None)
    analyze_in_batches(post_ids, analyze_posts, "posts" if progress else None)
    return {"profiles": len(people), "posts": len(post_ids)}
