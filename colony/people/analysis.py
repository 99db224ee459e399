"""What a profile says about what someone does: its embedding (see ``core.analysis``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from colony.core.analysis import person_vector
from colony.core.embeddings import MODEL_NAME, embed, to_bytes
from colony.core.language import detect_language
from colony.core.models import TextVector

from .models import User


def profile_text(user: User) -> str:
    """The words that say what someone does, in the order that matters most."""
    skills = ", ".join(s.name.replace("-", " ") for s in user.skills.all())
    parts = [user.title, user.team.name if user.team else "", skills, user.bio]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def analyze_profiles(user_ids: Sequence[int]) -> int:
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
            person = person_vector(user.pk)
            person.profile = to_bytes(vector) if vector.any() else None
            person.save(update_fields=["profile", "updated_at"])
    return len(people)
