from __future__ import annotations

from django.db.models import Q, QuerySet

from colony.graph.models import Block

from .actions import normalise_skill
from .models import AccountEvent, ApiToken, User


def avatar_url(user: User) -> str:
    if user.avatar:
        return user.avatar.url
    return f"/@{user.username}/avatar.svg"  # the "default-avatar" route, without a reverse() per post


def directory(
    *,
    viewer: User | None = None,
    query: str = "",
    team: str = "",
    skill: str = "",
    language: str = "",
    location: str = "",
) -> QuerySet[User]:
    """Active people matching every filter given, by name; never those who blocked ``viewer``."""
    qs = User.objects.active().select_related("team")
    if viewer is not None:
        qs = qs.exclude(pk__in=Block.objects.filter(target_id=viewer.pk).values("user_id"))
    if query:
        q = query.strip().lstrip("@")
        qs = qs.filter(
            Q(username__icontains=q) | Q(display_name__icontains=q) | Q(title__icontains=q)
        )
    if team:
        qs = qs.filter(team__slug=team)
    if skill:
        qs = qs.filter(skills__name=normalise_skill(skill))
    if language:
        qs = qs.filter(languages__code=language.strip().lower())
    if location:
        qs = qs.filter(location__iexact=location.strip())
    return qs.distinct().order_by("display_name", "username")


def locations() -> list[str]:
    return list(
        User.objects.active().exclude(location="").values_list("location", flat=True).distinct().order_by("location")
    )


def counts(user: User) -> dict[str, int]:
    """Followers, following, and the posts anyone in the organisation may read.

    The post count is the same for every viewer, so it leaves out what only
    some may read (followers-only, mentioned-only, closed and secret
    communities): a number on a profile must not tell that such posts exist.
    It mirrors ``social.audience.for_whole_organisation``, read through the
    reverse relation because posts sit above people.
    """
    return {
        "followers": user.followers.count(),
        "following": user.following.count(),
        "posts": user.posts.filter(deleted_at__isnull=True, visibility="organisation")
        .exclude(community__kind__in=["closed", "secret"]).count(),
    }


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """A person's own API tokens, newest first (only theirs, whoever asks)."""
    return ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-id")


def account_events_of(user: User, *, limit: int = 100) -> list[AccountEvent]:
    """The log of a person's own account, newest first."""
    return list(AccountEvent.objects.filter(user_id=user.pk).select_related("actor").order_by("-id")[:limit])
