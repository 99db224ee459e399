"""Writes for asks: create and route, respond, refer, shortlist, war room, resolve, guests.

Every action checks its input before writing anything, runs in one
transaction, and queues its slow parts (routing, email) after the commit.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import IO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from colony.communities.actions import check_moderator, do_create_community
from colony.communities.models import Community, Membership
from colony.core.errors import ActionError, Forbidden, NotFound, UnsupportedMedia
from colony.core.tasks import enqueue_on_commit
from colony.core.uploads import check_upload_size, clean_filename, upload_size
from colony.notifications.actions import notify
from colony.notifications.models import Notification
from colony.people.actions import normalise_skill
from colony.people.guests import do_create_guest
from colony.people.models import Skill, User
from colony.social.actions import do_grant_guest_access, do_publish_post
from colony.social.models import Attachment, Mention, Post, PostKind, Visibility

from . import tasks
from .models import Ask, GuestInvite, Match, Response
from .routing import rank_candidates
from .selectors import ask_text, audience_ids, find_invite

# Re-exported: callers older than selectors import it from here.
from .selectors import asks_to_widen as asks_to_widen

MAX_NEED = 280
MAX_BRIEF = 5000
MAX_PITCH = 1000
MAX_SKILLS = 10
MAX_PEOPLE = 50

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --- checks -------------------------------------------------------------------

def check_need(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ActionError(_("Say in a sentence what you need."), field="need")
    if len(text) > MAX_NEED:
        raise ActionError(_("The need is limited to %(limit)d characters; put the rest in the brief.")
                          % {"limit": MAX_NEED}, field="need")
    return text


def check_skills(names: Sequence[str] | None) -> list[str]:
    names = list(names or [])
    # Blanks and repeats are dropped, but a list this long is refused before any work on it.
    too_many = len(names) > MAX_SKILLS * 10
    skills = [] if too_many else list(dict.fromkeys(n for n in (normalise_skill(str(s)) for s in names) if n))
    if too_many or len(skills) > MAX_SKILLS:
        raise ActionError(_("Name at most %(count)d skills.") % {"count": MAX_SKILLS}, field="skills")
    return skills


def check_deadline(value: date | str | None) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise ActionError(_("A deadline is a date such as 2026-12-31."), field="deadline") from None
    assert isinstance(value, date)
    if value < timezone.localdate():
        raise ActionError(_("The deadline is in the past."), field="deadline")
    return value


def _check_asker(ask: Ask, user: User) -> None:
    if ask.post.author_id != user.pk:
        raise Forbidden(_("Only the person who asked can do that."))


def _check_open(ask: Ask) -> None:
    if not ask.is_open:
        raise ActionError(_("This ask is closed."), code="closed")


# --- creating and routing -----------------------------------------------------

@transaction.atomic
def do_create_ask(
    *,
    author: User,
    need: str,
    brief: str = "",
    skills: Sequence[str] = (),
    deadline: date | str | None = None,
    audience: str = Ask.Audience.ORGANISATION,
    community: Community | None = None,
    people: Sequence[User] = (),
    urgency: str = Ask.Urgency.NORMAL,
) -> Ask:
    """Publish an ask and queue its routing.

    Preconditions: ``community`` was fetched with ``access_community`` for
    ``author``; ``people`` are active people ``author`` may mention.
    """
    if author.is_guest:
        raise Forbidden(_("Guests cannot post asks."))
    need = check_need(need)
    brief = (brief or "").strip()
    if len(brief) > MAX_BRIEF:
        raise ActionError(_("The brief is limited to %(limit)d characters.") % {"limit": MAX_BRIEF}, field="brief")
    skill_names = check_skills(skills)
    deadline = check_deadline(deadline)
    if urgency not in Ask.Urgency.values:
        raise ActionError(_("Urgency is low, normal, high or critical."), field="urgency")
    if audience not in Ask.Audience.values:
        raise ActionError(_("An ask is for the organisation, a community or named people."), field="audience")
    if audience == Ask.Audience.COMMUNITY and community is None:
        raise ActionError(_("Choose the community this ask is for."), field="community")
    people = [p for p in dict.fromkeys(people) if p.pk != author.pk]
    if audience == Ask.Audience.PEOPLE and not people:
        raise ActionError(_("Name the people this ask is for."), field="people")
    if len(people) > MAX_PEOPLE:
        raise ActionError(_("An ask can name at most %(count)d people.") % {"count": MAX_PEOPLE}, field="people")

    post = do_publish_post(
        author=author, text=need,
        visibility=Visibility.MENTIONED if audience == Ask.Audience.PEOPLE else Visibility.ORGANISATION,
        community=community if audience == Ask.Audience.COMMUNITY else None,
    )
    post.kind = PostKind.ASK
    post.save(update_fields=["kind"])
    ask = Ask.objects.create(post=post, brief=brief, deadline=deadline, audience=audience, urgency=urgency)
    if skill_names:
        Skill.objects.bulk_create([Skill(name=n) for n in skill_names], ignore_conflicts=True)
        ask.skills.set(Skill.objects.filter(name__in=skill_names))
    if audience == Ask.Audience.PEOPLE:
        ask.audience_people.set(people)
        Mention.objects.bulk_create([Mention(post=post, user=p) for p in people], ignore_conflicts=True)
    enqueue_on_commit(tasks.route_ask, post.pk)
    return ask


@transaction.atomic
def do_route(*, ask: Ask, limit: int | None = None) -> list[Match]:
    """Notify the next best people for an ask (the first K, or K more when widening). Idempotent per round."""
    ask = Ask.objects.select_for_update().select_related("post", "post__author").get(pk=ask.pk)
    if not ask.is_open:
        return []
    limit = limit or settings.COLONY_ASK_NOTIFY
    already = set(Match.objects.filter(ask=ask).values_list("user_id", flat=True))
    candidates = rank_candidates(
        ask_text(ask), skills=list(ask.skills.values_list("name", flat=True)), asker=ask.post.author,
        limit=limit, audience=audience_ids(ask), skip=already,
    )
    now = timezone.now()
    ask.rounds += 1
    ask.last_routed_at = now
    ask.save(update_fields=["rounds", "last_routed_at"])
    start = len(already)
    matches = Match.objects.bulk_create([
        Match(ask=ask, user_id=c.user_id, rank=start + i + 1, score=c.score, reasons=c.reasons,
              round=ask.rounds, notified_at=now)
        for i, c in enumerate(candidates)
    ], ignore_conflicts=True)
    notify(recipients=[c.user_id for c in candidates], actor=ask.post.author, kind=Notification.Kind.ASK,
           post=ask.post)
    if settings.COLONY_EMAIL_ENABLED and candidates:
        enqueue_on_commit(tasks.email_matches, ask.pk, [c.user_id for c in candidates])
    return matches


# --- responses ----------------------------------------------------------------

def check_document_upload(upload: IO[bytes]) -> tuple[str, str]:
    """(kind, content type) of a CV or brief: a PDF or a Word document, checked by content."""
    check_upload_size(upload, limit=settings.COLONY_MAX_RESPONSE_BYTES, what=_("The document"))
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return Attachment.Kind.PDF, "application/pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            names = set()
        upload.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return Attachment.Kind.DOCX, DOCX_MIME
    raise UnsupportedMedia(_("Attach a PDF or a Word (DOCX) document."))


def _store_document(user: User, upload: IO[bytes], name: str) -> Attachment:
    from django.core.files import File

    kind, content_type = check_document_upload(upload)
    size = upload_size(upload)
    attachment = Attachment(uploader=user, kind=kind, content_type=content_type, name=clean_filename(name, default="document"),
                            size=size)
    attachment.file.save("response." + ("pdf" if kind == Attachment.Kind.PDF else "docx"), File(upload), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def do_respond(
    *,
    ask: Ask,
    author: User,
    kind: str = Response.Kind.HELP,
    pitch: str = "",
    public: bool = False,
    upload: IO[bytes] | None = None,
    upload_name: str = "",
    referred_handle: str = "",
) -> Response:
    """"I can help" (pitch, maybe a document) or "I know someone" (a referral).

    Precondition: ``ask`` was fetched with ``access_ask`` for ``author``.
    """
    _check_open(ask)
    if ask.post.author_id == author.pk:
        raise ActionError(_("You cannot answer your own ask."))
    if kind not in Response.Kind.values:
        raise ActionError(_("A response is an offer of help or a referral."), field="kind")
    pitch = (pitch or "").strip()
    if len(pitch) > MAX_PITCH:
        raise ActionError(_("The pitch is limited to %(limit)d characters.") % {"limit": MAX_PITCH}, field="pitch")
    referred = None
    if kind == Response.Kind.HELP:
        if not pitch and upload is None:
            raise ActionError(_("Say in a few words how you can help."), field="pitch")
        if Response.objects.filter(ask=ask, author=author, kind=Response.Kind.HELP).exists():
            raise ActionError(_("You have already offered to help with this ask."), code="duplicate")
    else:
        if author.is_guest:
            raise Forbidden(_("Guests cannot refer people."))
        handle = (referred_handle or "").strip().lstrip("@").lower()
        referred = User.objects.filter(username=handle, is_active=True, is_guest=False).first()
        if referred is None or not Post.objects.visible_to(referred).filter(pk=ask.pk).exists():
            raise ActionError(_("There is nobody called @%(handle)s who can see this ask.") % {"handle": handle},
                              field="referred")
        if referred.pk in (author.pk, ask.post.author_id):
            raise ActionError(_("Refer someone other than yourself or the asker."), field="referred")
        if Response.objects.filter(ask=ask, kind=Response.Kind.REFER, referred=referred).exists():
            raise ActionError(_("@%(handle)s has already been referred.") % {"handle": handle}, code="duplicate",
                              field="referred")
    if upload is not None:
        check_document_upload(upload)  # before anything is written
    attachment = _store_document(author, upload, upload_name) if upload is not None else None
    response = Response.objects.create(ask=ask, author=author, kind=kind, pitch=pitch, public=public,
                                       referred=referred, attachment=attachment)
    notify(recipients=[ask.post.author_id], actor=author, kind=Notification.Kind.ASK_RESPONSE, post=ask.post,
           detail=kind)
    if referred is not None:
        Match.objects.get_or_create(
            ask=ask, user=referred,
            defaults={"rank": Match.objects.filter(ask=ask).count() + 1, "score": 0.0, "round": max(ask.rounds, 1),
                      "reasons": [{"code": "referred", "by": author.name}], "notified_at": timezone.now()},
        )
        notify(recipients=[referred.pk], actor=author, kind=Notification.Kind.REFERRAL, post=ask.post)
    return response


def shortlisted_person(response: Response) -> User:
    return response.referred if response.kind == Response.Kind.REFER and response.referred else response.author


@transaction.atomic
def do_shortlist(*, ask: Ask, actor: User, response: Response, on: bool = True) -> Response:
    _check_asker(ask, actor)
    if on and response.shortlisted_at is None:
        response.shortlisted_at = timezone.now()
        response.save(update_fields=["shortlisted_at"])
        notify(recipients=[shortlisted_person(response).pk], actor=actor, kind=Notification.Kind.SHORTLIST,
               post=ask.post)
    elif not on and response.shortlisted_at is not None:
        response.shortlisted_at = None
        response.save(update_fields=["shortlisted_at"])
    return response


@transaction.atomic
def do_open_war_room(*, ask: Ask, actor: User, name: str = "") -> Community:
    """A secret community with the asker and the shortlisted people, the brief as its first post,
    and a wiki page seeded with the brief; everyone is notified. Opening twice returns the same room."""
    _check_asker(ask, actor)
    if ask.war_room_id is not None and ask.war_room is not None:
        return ask.war_room
    chosen = [shortlisted_person(r) for r in Response.objects.filter(ask=ask, shortlisted_at__isnull=False)
              .select_related("author", "referred")]
    chosen = [p for p in dict.fromkeys(chosen) if p.pk != actor.pk and p.is_active]
    if not chosen:
        raise ActionError(_("Shortlist at least one response before opening a war room."), code="empty_shortlist")
    title = (name or "").strip() or _("War room: %(need)s") % {"need": ask.post.text[:50]}
    room = do_create_community(creator=actor, name=title[:80], kind=Community.Kind.SECRET,
                               description=ask.post.text)
    Membership.objects.bulk_create([Membership(community=room, user=p) for p in chosen], ignore_conflicts=True)
    brief = ask.brief or ask.post.text
    first = do_publish_post(author=actor, text=brief[:settings.COLONY_MAX_POST_LENGTH], community=room)
    try:
        from colony.wiki.actions import do_create_page
    except ImportError:  # the wiki app is optional
        do_create_page = None  # type: ignore[assignment]
    if do_create_page is not None:
        do_create_page(author=actor, title=_("Brief"), text=f"# {ask.post.text}\n\n{ask.brief}".strip(),
                       community=room)
    ask.war_room = room
    ask.save(update_fields=["war_room"])
    notify(recipients=[p.pk for p in chosen], actor=actor, kind=Notification.Kind.WAR_ROOM, post=first)
    return room


@transaction.atomic
def do_set_status(*, ask: Ask, actor: User, status: str) -> Ask:
    _check_asker(ask, actor)
    if status not in Ask.Status.values:
        raise ActionError(_("An ask is open, resolved or closed."), field="status")
    ask.status = status
    ask.resolved_at = timezone.now() if status == Ask.Status.RESOLVED else None
    ask.save(update_fields=["status", "resolved_at"])
    return ask


# --- away ---------------------------------------------------------------------

MAX_AWAY_DAYS = 365


def away_days_error() -> ActionError:
    return ActionError(_("Say how many days you are away: 1 to 365."), field="days")


def check_away_until(until: datetime, *, now: datetime) -> datetime:
    if timezone.is_naive(until):
        until = timezone.make_aware(until)
    if until <= now:
        raise ActionError(_("Say when you are back: a time in the future."), field="until")
    if until > now + timedelta(days=MAX_AWAY_DAYS):
        raise ActionError(_("You can be away for at most %(days)d days at a time.") % {"days": MAX_AWAY_DAYS},
                          field="until")
    return until


@transaction.atomic
def do_set_away(*, user: User, away: bool, days: int | None = None, until: datetime | None = None) -> datetime | None:
    """Start or end an away time: while it lasts, routing sends ``user`` no asks. Returns when it ends (None: back).

    Away takes exactly one of ``days`` (1 to 365, counted from now) or
    ``until`` (a moment in the next 365 days); back (``away=False``) takes
    neither. Guests are never sent asks, so they have no away time to set.
    """
    if user.is_guest:
        raise Forbidden(_("Guests are not sent asks, so they cannot be away from them."))
    now = timezone.now()
    if not away:
        if days is not None or until is not None:
            raise ActionError(_("Coming back takes no days and no end time."),
                              field="days" if days is not None else "until")
        ends = None
    elif days is not None and until is not None:
        raise ActionError(_("Say how long you are away either in days or with an end time, not both."), field="until")
    elif until is not None:
        ends = check_away_until(until, now=now)
    else:
        if days is None or isinstance(days, bool) or not 1 <= days <= MAX_AWAY_DAYS:
            raise away_days_error()
        ends = now + timedelta(days=days)
    user.away_until = ends
    user.save(update_fields=["away_until"])
    return ends


# --- guests -------------------------------------------------------------------

INVITE_DAYS = 14


@transaction.atomic
def do_invite_guest(*, actor: User, name: str, ask: Ask | None = None, community: Community | None = None,
                    note: str = "") -> tuple[GuestInvite, str]:
    """A single-use link for one outside person to one ask or one war room. Returns (invite, raw token)."""
    if (ask is None) == (community is None):
        raise ActionError(_("An invitation is to one ask or one war room."))
    if actor.is_guest:
        raise Forbidden(_("Guests cannot invite others."))
    if ask is not None:
        _check_asker(ask, actor)
        _check_open(ask)
    if community is not None:
        check_moderator(actor, community)
    name = (name or "").strip()
    if not name:
        raise ActionError(_("Say who the invitation is for."), field="name")
    if len(name) > 80:
        raise ActionError(_("Names are limited to %(limit)d characters.") % {"limit": 80}, field="name")
    raw, hashed = GuestInvite.new_token()
    invite = GuestInvite.objects.create(ask=ask, community=community, created_by=actor, name=name,
                                        note=(note or "").strip()[:200], token_hash=hashed,
                                        expires_at=timezone.now() + timedelta(days=INVITE_DAYS))
    return invite, raw


@transaction.atomic
def do_accept_invite(*, raw: str, display_name: str, password: str) -> User:
    """Create the guest's account from an invitation and let them into its ask or war room, once."""
    invite = find_invite(raw)
    invite = GuestInvite.objects.select_for_update().get(pk=invite.pk)
    if invite.used_at is not None:
        raise NotFound(_("This invitation is not valid: it was used already, has expired or never existed."))
    display_name = (display_name or "").strip() or invite.name
    guest = do_create_guest(display_name=display_name, password=password)
    if invite.ask is not None:
        do_grant_guest_access(guest=guest, post=invite.ask.post)
    if invite.community is not None:
        Membership.objects.create(community=invite.community, user=guest)
    invite.used_at, invite.guest = timezone.now(), guest
    invite.save(update_fields=["used_at", "guest"])
    return guest
