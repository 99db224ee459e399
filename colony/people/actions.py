"""Writes about people: accounts, profiles, avatars, API tokens."""

from __future__ import annotations

import io
import re
import zoneinfo
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import IO

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, UnidentifiedImageError

from colony.core.errors import ActionError, Forbidden, NotFound, TooLarge, UnsupportedMedia
from colony.core.ids import parse_id
from colony.core.tasks import enqueue_on_commit
from colony.core.uploads import check_upload_size
from colony.graph.models import Block
from colony.notifications.actions import notify_account

from .models import AccountEvent, ApiToken, Skill, SpokenLanguage, Team, User, handle_validator
from .tasks import analyze_profile

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
_FIELD_LABELS = {"display_name": gettext_lazy("Display name"), "title": gettext_lazy("Title"), "location": gettext_lazy("Location"),
                 "bio": gettext_lazy("Bio")}


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
        enqueue_on_commit(analyze_profile, user.pk)
    return user


def check_image_upload(upload: IO[bytes], *, max_bytes: int, size_name: str) -> Image.Image:
    """Open an uploaded image after checking its size and real type (not its name)."""
    check_upload_size(upload, limit=max_bytes, what=size_name)
    try:
        image = Image.open(upload)
        # The header gives the size; refuse before decoding anything, since a
        # few hundred KB of PNG can unpack into gigabytes of pixels.
        check_image_pixels(image.width, image.height)
        image.verify()
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except Image.DecompressionBombError:  # Pillow's own guard (see CoreConfig.ready) fired first
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise UnsupportedMedia(_("Only PNG, JPEG, GIF or WebP images are accepted.")) from None
    if image.format not in _AVATAR_FORMATS:
        raise UnsupportedMedia(_("Only PNG, JPEG, GIF or WebP images are accepted."))
    return image


def _too_many_pixels() -> TooLarge:
    return TooLarge(_("The image is too large: at most %(limit)d megapixels.")
                    % {"limit": settings.COLONY_MAX_IMAGE_PIXELS // 1_000_000})


def check_image_pixels(width: int, height: int) -> None:
    if width * height > settings.COLONY_MAX_IMAGE_PIXELS:
        raise _too_many_pixels()


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


# --- API tokens ---------------------------------------------------------------

TOKEN_NAME_LIMIT = 100
TOKEN_MAX_DAYS = 365


def token_default_days() -> int:
    """Days a new token lasts when its request names none (``COLONY_TOKEN_DAYS``; 0 = never expires)."""
    return max(0, min(int(settings.COLONY_TOKEN_DAYS), TOKEN_MAX_DAYS))


def do_create_token(*, user: User, name: str = "", expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """Issue a token; returns the row and the raw key, which is shown once and never stored."""
    if user.is_guest:
        raise Forbidden(_("Guests use Colony in the browser only; the API is for members."))
    name = name.strip()
    if len(name) > TOKEN_NAME_LIMIT:
        raise ActionError(_("A token's name is limited to %(limit)d characters.") % {"limit": TOKEN_NAME_LIMIT},
                          field="name")
    if expires_in_days is None:
        days = token_default_days()
    elif not 1 <= expires_in_days <= TOKEN_MAX_DAYS:
        raise ActionError(_("A token can last from 1 to %(max)d days.") % {"max": TOKEN_MAX_DAYS},
                          field="expires_in_days")
    else:
        days = expires_in_days
    raw = ApiToken.new_raw_key()
    row = ApiToken.objects.create(
        user=user, name=name, key_hash=ApiToken.hash(raw),
        expires_at=timezone.now() + timedelta(days=days) if days else None,
    )
    return row, raw


def do_issue_token(*, user: User, name: str = "", expires_in_days: int | None = None) -> str:
    return do_create_token(user=user, name=name, expires_in_days=expires_in_days)[1]


def do_revoke_token(*, user: User, token_id: int) -> None:
    """Revoke one of ``user``'s tokens; someone else's is not found, and stays."""
    deleted, _rows = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise NotFound(_("There is no such token."))


# --- the account log, sessions and passwords ------------------------------------


def record_account_event(
    *, user: User, actor: User | None, kind: str, fields: Sequence[str] = (), detail: str = "",
    by_administrator: bool | None = None, notify: bool = True,
) -> AccountEvent:
    """Append to the account log; when an administrator acted, tell the person."""
    if by_administrator is None:
        by_administrator = actor is not None and actor.pk != user.pk
    event = AccountEvent.objects.create(
        user=user, handle=user.username, actor=actor, actor_handle=actor.username if actor else "",
        by_administrator=by_administrator, kind=kind, fields=list(fields), detail=detail[:300],
    )
    if notify and by_administrator and actor is not None:
        notify_account(recipient=user, actor=actor, detail=kind)
    return event


def revoke_access(user: User) -> None:
    """End every session (on any device) and every API token of ``user``."""
    ApiToken.objects.filter(user=user).delete()
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])


@transaction.atomic
def do_sign_out_everywhere(*, user: User, actor: User) -> None:
    revoke_access(user)
    record_account_event(user=user, actor=actor, kind=AccountEvent.Kind.SIGNED_OUT)


def do_password_changed(*, user: User) -> None:
    """After a person changed their own password (their other sessions and tokens have ended)."""
    # User.save has already revoked their API tokens (whatever path sets a password).
    record_account_event(user=user, actor=user, kind=AccountEvent.Kind.PASSWORD_CHANGED)


def reset_path(user: User) -> str:
    """A one-time link to set a new password: it stops working once the password changes
    (and after ``PASSWORD_RESET_TIMEOUT``)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("password-reset", args=[uid, default_token_generator.make_token(user)])


def _masked(email: str) -> str:
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


@transaction.atomic
def do_send_reset_link(*, user: User, actor: User) -> str | None:
    """Email ``user`` a one-time reset link, or return it for the administrator to hand over.

    Returns ``None`` when the link was emailed: then the administrator never sees it.
    The log says which happened (and to which address, masked).
    """
    link = settings.COLONY_BASE_URL + reset_path(user)
    if settings.COLONY_EMAIL_ENABLED and user.email:
        from django.core.mail import send_mail

        days = max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))
        with translation.override(user.ui_language or settings.LANGUAGE_CODE):
            subject = _("Set a new password for Colony")
            body = _(
                "Hello %(name)s,\n\n%(admin)s, an administrator, sent you this link to set a new password "
                "for your Colony account @%(handle)s. It works once, for %(days)d days:\n\n%(link)s\n\n"
                "Setting a new password signs you out everywhere. If you did not expect this email, tell "
                "your administrators."
            ) % {"name": user.name, "admin": actor.name, "handle": user.username, "days": days, "link": link}
        try:
            send_mail(subject, body, None, [user.email], fail_silently=False)
        except Exception:
            raise ActionError(_("The email to @%(handle)s could not be sent; nothing was changed.")
                              % {"handle": user.username}, code="email_failed") from None
        record_account_event(user=user, actor=actor, kind=AccountEvent.Kind.RESET_EMAILED,
                             detail=_masked(user.email))
        return None
    record_account_event(user=user, actor=actor, kind=AccountEvent.Kind.RESET_SHOWN)
    return link


def user_for_reset(uidb64: str, token: str) -> User | None:
    """The active person a reset link is for, or None when the link is wrong, used or old."""
    from django.utils.http import urlsafe_base64_decode

    try:
        pk = parse_id(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    if pk is None:  # not a number an id column holds
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def do_reset_password(*, user: User, password: str) -> None:
    """Set the password chosen through a reset link; every session and token ends."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ActionError(" ".join(exc.messages), field="new_password1") from None
    user.set_password(password)
    user.save(update_fields=["password"])
    revoke_access(user)
    record_account_event(user=user, actor=user, kind=AccountEvent.Kind.PASSWORD_RESET)
