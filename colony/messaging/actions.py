"""Writes for direct messages. Only current participants may read or write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from colony.core.errors import ActionError, NotFound
from colony.core.html import render_markdown
from colony.graph.models import blocked_either_way
from colony.people.actions import access_person
from colony.people.models import User
from colony.social.actions import check_attachment_upload, check_post_text, do_upload_attachment

from .models import MAX_PARTICIPANTS, Conversation, Message, Participant


def access_conversation(user: User, conversation_id: int | str) -> Conversation:
    """The conversation if ``user`` takes part in it now; NotFound otherwise, for everyone else."""
    try:
        pk = int(conversation_id)
    except (TypeError, ValueError):
        raise NotFound(_("That conversation does not exist or you are not in it.")) from None
    found = Conversation.objects.filter(
        pk=pk, participants__user=user, participants__left_at__isnull=True
    ).first()
    if found is None:
        raise NotFound(_("That conversation does not exist or you are not in it."))
    return found


def _check_text(text: str) -> str:
    try:
        return check_post_text(text)
    except ActionError as exc:
        exc.message = (_("A message needs some text.") if exc.code == "empty" else exc.message)
        raise


def _people(sender: User, handles: Sequence[str]) -> list[User]:
    wanted = list(dict.fromkeys(h.strip().lstrip("@").lower() for h in handles if h and h.strip()))
    wanted = [h for h in wanted if h != sender.username]
    if not wanted:
        raise ActionError(_("Choose at least one person to write to."), field="participants")
    if len(wanted) + 1 > MAX_PARTICIPANTS:
        raise ActionError(_("A conversation has at most %(count)d people.") % {"count": MAX_PARTICIPANTS},
                          field="participants")
    blocked = blocked_either_way(sender)
    people = []
    for handle in wanted:
        person = access_person(handle)
        if person.pk in blocked:
            raise ActionError(_("You cannot write to @%(handle)s.") % {"handle": person.username},
                              code="blocked", field="participants")
        people.append(person)
    return people


def _existing_pair(a: User, b: User) -> Conversation | None:
    """The one-to-one conversation between two people, if it exists, so it is reused."""
    candidates = (
        Conversation.objects.filter(pk__in=Participant.objects.filter(user=a).values("conversation_id"))
        .filter(pk__in=Participant.objects.filter(user=b).values("conversation_id"))
        .annotate(n=Count("participants")).filter(n=2)
    )
    return candidates.first()


@transaction.atomic
def do_start_conversation(*, sender: User, handles: Sequence[str], text: str,
                          uploads: Sequence[tuple[IO[bytes], str]] = ()) -> Conversation:
    text = _check_text(text)
    people = _people(sender, handles)
    conversation = _existing_pair(sender, people[0]) if len(people) == 1 else None
    if conversation is None:
        conversation = Conversation.objects.create()
        Participant.objects.bulk_create([Participant(conversation=conversation, user=p) for p in [sender, *people]])
    else:
        Participant.objects.filter(conversation=conversation).update(left_at=None)
    do_send_message(sender=sender, conversation=conversation, text=text, uploads=uploads)
    return conversation


@transaction.atomic
def do_send_message(*, sender: User, conversation: Conversation, text: str,
                    uploads: Sequence[tuple[IO[bytes], str]] = ()) -> Message:
    """Send a message, with image or PDF attachments checked like a post's."""
    text = _check_text(text)
    if len(uploads) > settings.COLONY_MAX_ATTACHMENTS:
        raise ActionError(
            _("A post can have at most %(count)d attachments.") % {"count": settings.COLONY_MAX_ATTACHMENTS},
            field="attachments",
        )
    for upload, _name in uploads:
        check_attachment_upload(upload)
    me = Participant.objects.filter(conversation=conversation, user=sender, left_at__isnull=True).first()
    if me is None:
        raise NotFound(_("That conversation does not exist or you are not in it."))
    others = Participant.objects.filter(conversation=conversation, left_at__isnull=True).exclude(user=sender)
    if others.count() == 1 and others.first().user_id in blocked_either_way(sender):  # type: ignore[union-attr]
        raise ActionError(_("You cannot write to this person."), code="blocked")
    message = Message.objects.create(conversation=conversation, author=sender, text=text,
                                     html=render_markdown(text).html)
    for upload, name in uploads:
        attachment = do_upload_attachment(user=sender, upload=upload, name=name)
        attachment.message = message
        attachment.save(update_fields=["message"])
    Conversation.objects.filter(pk=conversation.pk).update(last_message_id=message.pk)
    Participant.objects.filter(pk=me.pk).update(last_read_id=message.pk)
    return message


@transaction.atomic
def do_mark_read(*, user: User, conversation: Conversation) -> None:
    Participant.objects.filter(conversation=conversation, user=user).update(
        last_read_id=Conversation.objects.get(pk=conversation.pk).last_message_id
    )


@transaction.atomic
def do_leave(*, user: User, conversation: Conversation) -> None:
    Participant.objects.filter(conversation=conversation, user=user).update(left_at=timezone.now())
