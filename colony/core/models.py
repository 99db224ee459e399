"""What the analysis pipeline stores (one vector per text, and per person), and the append-only log mixin."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AppendOnly:
    """A log's row (mixed into a model): written once, never changed or deleted by Colony."""

    _state: Any

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are append-only")
        super().save(*args, **kwargs)  # type: ignore[misc]

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"{type(self).__name__} rows are append-only")


class TextVector(models.Model):
    """The sentence embedding of one post or one profile."""

    class Kind(models.TextChoices):
        POST = "post"
        PROFILE = "profile"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=8, blank=True, default="")
    model = models.CharField(max_length=32)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_text_vector")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.model})"


class PersonVector(models.Model):
    """What a person is about: their profile, and the sum of what they wrote publicly.

    The writing vector is kept as a running sum so a new post costs one
    update; its direction (sum / |sum|) is the centroid routing compares
    against. Only posts the whole organisation can read count, so routing
    never learns from followers-only, private or secret-community posts.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE,
                                related_name="+")
    profile = models.BinaryField(null=True)
    writing_sum = models.BinaryField(null=True)
    writing_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"vectors of {self.user_id}"
