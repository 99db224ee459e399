"""What posts say about their authors: each post's embedding, and the running
sum of what a person wrote for the whole organisation (see ``core.analysis``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from colony.core.analysis import analyze_in_batches, shift_writing
from colony.core.embeddings import MODEL_NAME, embed, from_bytes, to_bytes
from colony.core.models import TextVector
from colony.people.analysis import analyze_profiles
from colony.people.models import User

from .audience import for_whole_organisation
from .models import Post, PostKind


def counts_as_writing(post: Post) -> bool:
    """Whether a post may shape what routing thinks its author knows.

    Only what every member may read (``audience.for_whole_organisation``):
    never followers-only or mentioned-only posts, never posts in closed or
    secret communities; and not asks (a need is not expertise), nor bare reposts.
    """
    if post.kind != PostKind.POST or (post.repost_of_id is not None and not post.text):
        return False
    return for_whole_organisation(post)


def analyze_posts(post_ids: Sequence[int]) -> int:
    """Embed these posts and fold them into their authors' writing vectors. Idempotent."""
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
            shift_writing(post.author_id, old, vector if counted else None)
    return len(posts)


def forget_post(post_id: int, author_id: int) -> None:
    """A deleted post stops counting for its author."""
    with transaction.atomic():
        row = TextVector.objects.select_for_update().filter(kind=TextVector.Kind.POST, object_id=post_id).first()
        if row is None:
            return
        if row.language != "-":
            shift_writing(author_id, from_bytes(row.vector), None)
        row.delete()


def backfill(*, everything: bool = False, progress: bool = True) -> dict[str, int]:
    """Analyse every profile, and every post without a vector (all posts with ``everything``)."""
    people = list(User.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    posts = Post.objects.live().exclude(text="").order_by("pk")
    if not everything:
        done = TextVector.objects.filter(kind=TextVector.Kind.POST).values("object_id")
        posts = posts.exclude(pk__in=done)
    post_ids = list(posts.values_list("pk", flat=True))
    analyze_in_batches(people, analyze_profiles, "profiles" if progress else None)
    analyze_in_batches(post_ids, analyze_posts, "posts" if progress else None)
    return {"profiles": len(people), "posts": len(post_ids)}
