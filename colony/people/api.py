from __future__ import annotations

from datetime import datetime

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from colony.core.api import error_response
from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest

from . import actions, selectors
from .account_events import describe
from .models import ApiToken, Team, User
from .throttle import lockout_message

tokens_router = Router(tags=["auth"])
router = Router(tags=["people"])


class TokenRequest(Schema):
    username: str
    password: str
    name: str = ""
    expires_in_days: int | None = None


class TokenOut(Schema):
    token: str
    id: int
    name: str
    expires_at: datetime | None


class TokenInfoOut(Schema):
    """A token as its owner sees it: never the key, never its hash."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    expired: bool
    current: bool


class AccountEventOut(Schema):
    id: str
    kind: str
    actor: str | None
    by_administrator: bool
    fields: list[str]
    created_at: datetime
    text: str


class TeamOut(Schema):
    slug: str
    name: str


class PersonOut(Schema):
    id: int
    handle: str
    display_name: str
    title: str
    team: TeamOut | None
    manager: str | None
    location: str
    time_zone: str
    languages: list[str]
    skills: list[str]
    bio: str
    avatar_url: str
    url: str
    created_at: datetime
    followers_count: int | None = None
    following_count: int | None = None
    posts_count: int | None = None
    following: bool | None = None

    @staticmethod
    def of(user: User, *, viewer: User | None = None, with_counts: bool = False) -> PersonOut:
        out = PersonOut(
            id=user.pk,
            handle=user.username,
            display_name=user.name,
            title=user.title,
            team=TeamOut(slug=user.team.slug, name=user.team.name) if user.team else None,
            manager=user.manager.username if user.manager_id and user.manager else None,
            location=user.location,
            time_zone=user.time_zone,
            languages=[lang.code for lang in user.languages.all()],
            skills=[s.name for s in user.skills.all()],
            bio=user.bio,
            avatar_url=selectors.avatar_url(user),
            url=f"/@{user.username}",
            created_at=user.date_joined,
        )
        if with_counts:
            c = selectors.counts(user)
            out.followers_count, out.following_count, out.posts_count = c["followers"], c["following"], c["posts"]
        if viewer is not None and viewer.pk != user.pk:
            out.following = user.followers.filter(follower=viewer).exists()
        return out


# The most a profile's lists take in one request: far more than a profile needs,
# few enough that no list becomes a slow query.
MAX_SKILLS = 200
MAX_LANGUAGES = 50


class ProfileIn(Schema):
    display_name: str | None = None
    title: str | None = None
    team: str | None = None
    manager: str | None = None
    location: str | None = None
    time_zone: str | None = None
    bio: str | None = None
    skills: list[str] | None = Field(None, max_length=MAX_SKILLS)
    languages: list[str] | None = Field(None, max_length=MAX_LANGUAGES)
    ui_language: str | None = None
    theme: str | None = None


@tokens_router.post("", auth=None, response={200: TokenOut}, summary="Exchange a handle and password for a token")
def create_token(request: HttpRequest, payload: TokenRequest):
    user = authenticate(request, username=payload.username.strip().lstrip("@").lower(), password=payload.password)
    if getattr(request, "axes_locked_out", False):
        return error_response(429, "throttled", lockout_message())
    if user is None or not user.is_active:
        return error_response(401, "invalid_credentials", _("That handle and password do not match."))
    row, raw = actions.do_create_token(user=user, name=payload.name, expires_in_days=payload.expires_in_days)
    return {"token": raw, "id": row.pk, "name": row.name, "expires_at": row.expires_at}


@tokens_router.get("", response=list[TokenInfoOut], summary="Your API tokens (never their keys)")
def list_tokens(request: AuthedHttpRequest):
    current = getattr(request, "api_token_id", None)
    return [
        TokenInfoOut(id=t.pk, name=t.name, created_at=t.created_at, last_used_at=t.last_used_at,
                     expires_at=t.expires_at, expired=t.expired, current=t.pk == current)
        for t in selectors.tokens_of(request.user)
    ]


@tokens_router.delete("/current", response={204: None}, summary="Revoke the token used for this request")
def revoke_token(request: HttpRequest):
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        ApiToken.objects.filter(key_hash=ApiToken.hash(header[7:].strip())).delete()
    return Status(204, None)


@tokens_router.delete("/{token_id}", response={204: None}, summary="Revoke one of your tokens")
def revoke_token_by_id(request: AuthedHttpRequest, token_id: int):
    actions.do_revoke_token(user=request.user, token_id=token_id)
    return Status(204, None)


def _with_related(qs):
    return qs.select_related("team", "manager").prefetch_related("skills", "languages")


@router.get("/me", response=PersonOut, summary="The signed-in person")
def me(request: AuthedHttpRequest):
    user = _with_related(User.objects.filter(pk=request.user.pk)).get()
    return PersonOut.of(user, with_counts=True)


@router.get("/me/activity", response=list[AccountEventOut], summary="The log of your account")
def my_activity(request: AuthedHttpRequest):
    return [
        AccountEventOut(id=str(e.pk), kind=e.kind, actor=e.actor.username if e.actor else (e.actor_handle or None),
                        by_administrator=e.by_administrator, fields=list(e.fields), created_at=e.created_at,
                        text=describe(e))
        for e in selectors.account_events_of(request.user)
    ]


@router.patch("/me", response=PersonOut, summary="Change your profile")
def update_me(request: AuthedHttpRequest, payload: ProfileIn):
    user = User.objects.get(pk=request.user.pk)
    team: Team | str | None = ""
    if payload.team is not None:
        team = Team.objects.filter(slug=payload.team).first() if payload.team else None
        if payload.team and team is None:
            raise ActionError(_("There is no team “%(team)s”.") % {"team": payload.team}, field="team")
    actions.do_update_profile(
        user=user, display_name=payload.display_name, title=payload.title, team=team,
        manager_handle=payload.manager, location=payload.location, time_zone=payload.time_zone,
        bio=payload.bio, skills=payload.skills, languages=payload.languages,
        ui_language=payload.ui_language, theme=payload.theme,
    )
    return PersonOut.of(_with_related(User.objects.filter(pk=user.pk)).get(), with_counts=True)


@router.post("/me/avatar", response=PersonOut, summary="Upload an avatar (PNG, JPEG, GIF or WebP)")
def upload_avatar(request: AuthedHttpRequest, file: File[UploadedFile]):
    user = User.objects.get(pk=request.user.pk)
    actions.do_set_avatar(user=user, upload=file)
    return PersonOut.of(_with_related(User.objects.filter(pk=user.pk)).get())


@router.get("/people", response=list[PersonOut], summary="The people directory")
def people(
    request: AuthedHttpRequest, q: str = "", team: str = "", skill: str = "", language: str = "",
    location: str = "", offset: int = 0, limit: int = 40,
):
    limit = max(1, min(limit, 100))
    qs = _with_related(selectors.directory(viewer=request.user, query=q, team=team, skill=skill, language=language, location=location))
    return [PersonOut.of(u) for u in qs[max(offset, 0) : max(offset, 0) + limit]]


@router.get("/people/{handle}", response=PersonOut, summary="A person's profile")
def person(request: AuthedHttpRequest, handle: str):
    found = actions.access_person(handle, viewer=request.user)
    return PersonOut.of(_with_related(User.objects.filter(pk=found.pk)).get(), viewer=request.user, with_counts=True)
