"""Writes about people: accounts, profiles, avatars, API tokens."""

from __future__ import annotations

import io
import re
import zoneinfo
from collections.abc import Iterable
from typing import IO

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from PIL import Image, UnidentifiedImageError

from colony.core.errors import ActionError, Forbidden, NotFound, UnsupportedMedia
from colony.core.uploads import check_upload_size

from .models import ApiToken, Skill, SpokenLanguage, Team, User, handle_validator

_SKILL_JUNK = re.compile(r"[^\w+#.]+", re.UNICODE)
_AVATAR_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
AVATAR_SIZE = 400
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def normalise_skill(name: str) -> str:
    """``" Data  Modelling "`` → ``"data-modelling"``; keeps ``c#``, ``c++``, ``node.js``."""
    return _SKILL_JUNK.sub("-", name.strip().casefold()).strip("-.")[:50]


def check_handle(handle: str, *, exclude: User | None = None) -> str:
    handle = handle.strip().lstrip("@")
    try:
        handle_validator(handle)
    except ValidationError as exc:
        raise ActionError(exc.messages[0], field="handle") from None
    taken = User.objects.filter(username__iexact=handle)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ActionError(_("The handle @%(handle)s is already taken.") % {"handle": handle}, field="handle")
    return handle.lower()


def check_time_zone(name: str) -> str:
    if name not in zoneinfo.available_timezones():
        raise ActionError(_("“%(zone)s” is not a known time zone.") % {"zone": name}, field="time_zone")
    return name


def check_languages(codes: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for code in codes:
        code = code.strip().lower()
        if not code:
            continue
        if not LANGUAGE_CODE_RE.match(code):
            raise ActionError(
                _("“%(code)s” is not a language code such as en or nl.") % {"code": code},
                field="languages",
            )
        if code not in cleaned:
            cleaned.append(code)
    return cleaned


def access_person(handle: str, *, viewer: User | None = None) -> User:
    """The active person with ``handle``, or NotFound — also when they blocked ``viewer``."""
    from colony.social.models import Block

    handle = handle.strip().lstrip("@")
    person = User.objects.active().filter(username__iexact=handle).first()
    if person is None or (
        viewer is not None and Block.objects.filter(user=person, target_id=viewer.pk).exists()
    ):
        raise NotFound(_("There is nobody called @%(handle)s.") % {"handle": handle})
    return person


@transaction.atomic
def do_create_user(
    *,
    handle: str,
    password: str | None = None,
    display_name: str = "",
    email: str = "",
    is_admin: bool = False,
    check_password: bool = True,
) -> User:
    """Create an account. Without a password the account cannot sign in until one is set."""
    handle = check_handle(handle)
    user = User(username=handle, display_name=display_name.strip()[:80], email=email)
    if password:
        if check_password:
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise ActionError(" ".join(exc.messages), field="password") from None
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.is_staff = user.is_superuser = is_admin
    user.save()
    return user


def _set_skills(user: User, names: Iterable[str]) -> None:
    wanted = []
    for name in names:
        skill = normalise_skill(name)
        if skill and skill not in wanted:
            wanted.append(skill)
    existing = {s.name: s for s in Skill.objects.filter(name__in=wanted)}
    missing = [Skill(name=n) for n in wanted if n not in existing]
    Skill.objects.bulk_create(missing, ignore_conflicts=True)
    user.skills.set(Skill.objects.filter(name__in=wanted))


def _set_languages(user: User, codes: list[str]) -> None:
    SpokenLanguage.objects.filter(user=user).exclude(code__in=codes).delete()
    SpokenLanguage.objects.bulk_create(
        [SpokenLanguage(user=user, code=c) for c in codes], ignore_conflicts=True
    )


_PROFILE_TEXT_LIMITS = {"display_name": 80, "title": 100, "location": 100, "bio": 1000}
_FIELD_LABELS = {"display_name": _lazy("Display name"), "title": _lazy("Title"), "location": _lazy("Location"),
                 "bio": _lazy("Bio")}


@transaction.atomic
def do_update_profile(
    *,
    user: User,
    display_name: str | None = None,
    title: str | None = None,
    team: Team | str | None = "",
    manager_handle: str | None = None,
    location: str | None = None,
    time_zone: str | None = None,
    bio: str | None = None,
    skills: Iterable[str] | None = None,
    languages: Iterable[str] | None = None,
    ui_language: str | None = None,
    theme: str | None = None,
    analyze: bool = True,
) -> User:
    """Change only the fields given (``None`` leaves a field alone; ``team=""`` too).

    ``analyze=False`` skips queueing the profile's analysis (bulk imports analyse in batches).
    """
    texts = {"display_name": display_name, "title": title, "location": location, "bio": bio}
    for name, value in texts.items():
        if value is None:
            continue
        value = value.strip()
        if len(value) > _PROFILE_TEXT_LIMITS[name]:
            raise ActionError(
                _("%(field)s is limited to %(limit)d characters.")
                % {"field": _FIELD_LABELS[name], "limit": _PROFILE_TEXT_LIMITS[name]},
                field=name,
            )
        setattr(user, name, value)
    if time_zone is not None:
        user.time_zone = check_time_zone(time_zone)
    if ui_language is not None:
        if ui_language and ui_language not in dict(settings.LANGUAGES):
            raise ActionError(_("That interface language is not available."), field="ui_language")
        user.ui_language = ui_language
    if theme is not None:
        if theme not in User.Theme.values:
            raise ActionError(_("Choose a light, dark or automatic theme."), field="theme")
        user.theme = theme
    if team != "":
        user.team = team if isinstance(team, Team) or team is None else None
    if manager_handle is not None:
        if manager_handle.strip():
            manager = access_person(manager_handle.strip())
            if manager.pk == user.pk:
                raise ActionError(_("Nobody can be their own manager."), field="manager")
            user.manager = manager
        else:
            user.manager = None
    checked_languages = check_languages(languages) if languages is not None else None
    user.save()
    if skills is not None:
        _set_skills(user, skills)
    if checked_languages is not None:
        _set_languages(user, checked_languages)
    if analyze:
        from colony.core.tasks import analyze_profile, enqueue_on_commit

        enqueue_on_commit(analyze_profile, user.pk)
    return user


def check_image_upload(upload: IO[bytes], *, max_bytes: int, size_name: str) -> Image.Image:
    """Open an uploaded image after checking its size and real type (not its name)."""
    check_upload_size(upload, limit=max_bytes, what=size_name)
    try:
        image = Image.open(upload)
        image.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise UnsupportedMedia(_("Only PNG, JPEG, GIF or WebP images are accepted.")) from None
    if image.format not in _AVATAR_FORMATS:
        raise UnsupportedMedia(_("Only PNG, JPEG, GIF or WebP images are accepted."))
    return image


def do_set_avatar(*, user: User, upload: IO[bytes]) -> User:
    """Validate, square-crop and re-encode an avatar (which also drops metadata)."""
    image = check_image_upload(upload, max_bytes=settings.COLONY_MAX_AVATAR_BYTES, size_name=_("The avatar"))
    image = image.convert("RGB")
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    image = image.crop((left, top, left + side, top + side)).resize((AVATAR_SIZE, AVATAR_SIZE))
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=85)
    old = user.avatar.name if user.avatar else None
    user.avatar.save(f"{user.username}.webp", ContentFile(out.getvalue()), save=True)
    if old and old != user.avatar.name:
        user.avatar.storage.delete(old)
    return user


def do_remove_avatar(*, user: User) -> User:
    if user.avatar:
        user.avatar.delete(save=True)
    return user


def do_issue_token(*, user: User) -> str:
    if user.is_guest:
        raise Forbidden(_("Guests use Colony in the browser only; the API is for members."))
    raw = ApiToken.new_raw_key()
    ApiToken.objects.create(user=user, key_hash=ApiToken.hash(raw))
    return raw
