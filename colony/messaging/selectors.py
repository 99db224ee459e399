from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F

from colony.people.models import User

from .models import Conversation, Message, Participant


@dataclass
class Inbox:
    conversation: Conversation
    others: list[User]
    unread: bool
    last: Message | None


def inbox(user: User, *, limit: int = 50) -> list[Inbox]:
    """The person's conversations, unread first, then newest first."""
    mine = list(
        Participant.objects.filter(user=user, left_at__isnull=True, conversation__last_message_id__gt=0)
        .select_related("conversation")
        .order_by("-conversation__last_message_id")[:limit]
    )
    ids = [p.conversation_id for p in mine]
    others: dict[int, list[User]] = {i: [] for i in ids}
    for p in Participant.objects.filter(conversation_id__in=ids, left_at__isnull=True).exclude(user=user).select_related("user"):
        others[p.conversation_id].append(p.user)
    last = {m.pk: m for m in Message.objects.filter(pk__in=[p.conversation.last_message_id for p in mine])}
    rows = [
        Inbox(conversation=p.conversation, others=others[p.conversation_id],
              unread=p.conversation.last_message_id > p.last_read_id, last=last.get(p.conversation.last_message_id))
        for p in mine
    ]
    return sorted(rows, key=lambda r: (not r.unread, -r.conversation.last_message_id))


def unread_conversations(user: User | int) -> int:
    user_id = user if isinstance(user, int) else user.pk
    return Participant.objects.filter(
        user_id=user_id, left_at__isnull=True, conversation__last_message_id__gt=F("last_read_id")
    ).count()


def messages(conversation: Conversation, *, max_id: int | None = None, since_id: int | None = None,
             limit: int = 50) -> list[Message]:
    qs = Message.objects.filter(conversation=conversation).select_related("author").prefetch_related("attachments")
    if max_id is not None:
        qs = qs.filter(id__lt=max_id)
    if since_id is not None:
        qs = qs.filter(id__gt=since_id)
    return list(reversed(qs.order_by("-id")[:limit]))


def participants(conversation: Conversation) -> list[User]:
    return [p.user for p in conversation.participants.filter(left_at__isnull=True).select_related("user")]


def may_read_message_attachment(user: User, attachment: Any) -> bool | None:
    """A message's attachment is for the conversation's current participants
    (None: not a message's attachment). Registered by ``MessagingConfig.ready``."""
    if attachment.message_id is None:
        return None
    return Participant.objects.filter(conversation__messages=attachment.message_id, user=user,
                                      left_at__isnull=True).exists()
