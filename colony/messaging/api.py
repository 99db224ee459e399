from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Router, Status
from pydantic import BaseModel

from colony.core.typing import AuthedHttpRequest
from colony.people.selectors import avatar_url
from colony.social.api import AuthorOut

from . import actions, selectors
from .models import Message

router = Router(tags=["messages"])


class ConversationIn(BaseModel):
    participants: list[str]
    text: str


class MessageIn(BaseModel):
    text: str


class MessageOut(BaseModel):
    id: str
    conversation: str
    author: AuthorOut
    text: str
    html: str
    created_at: datetime


class ConversationOut(BaseModel):
    id: str
    participants: list[AuthorOut]
    unread: bool
    last_message: MessageOut | None


def _author(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "handle": user.username, "display_name": user.name, "title": user.title,
            "avatar_url": avatar_url(user), "url": f"/@{user.username}"}


def _message(m: Message) -> dict[str, Any]:
    return {"id": str(m.pk), "conversation": str(m.conversation_id), "author": _author(m.author), "text": m.text,
            "html": m.html, "created_at": m.created_at}


def _conversation(request: AuthedHttpRequest, conversation_id: int) -> dict[str, Any]:
    row = next(r for r in selectors.inbox(request.user, limit=500) if r.conversation.pk == conversation_id)
    return {"id": str(row.conversation.pk), "participants": [_author(u) for u in row.others],
            "unread": row.unread, "last_message": _message(row.last) if row.last else None}


@router.post("/conversations", response={201: ConversationOut}, summary="Start a conversation (or continue a one-to-one)")
def start(request: AuthedHttpRequest, payload: ConversationIn):
    conversation = actions.do_start_conversation(sender=request.user, handles=payload.participants, text=payload.text)
    return Status(201, _conversation(request, conversation.pk))


@router.get("/conversations", response=list[ConversationOut], summary="Your conversations, unread first")
def inbox(request: AuthedHttpRequest):
    return [
        {"id": str(r.conversation.pk), "participants": [_author(u) for u in r.others], "unread": r.unread,
         "last_message": _message(r.last) if r.last else None}
        for r in selectors.inbox(request.user)
    ]


@router.get("/conversations/{conversation_id}/messages", response=list[MessageOut], summary="Messages, oldest first")
def messages(request: AuthedHttpRequest, conversation_id: int, max_id: int | None = None, since_id: int | None = None):
    conversation = actions.access_conversation(request.user, conversation_id)
    return [_message(m) for m in selectors.messages(conversation, max_id=max_id, since_id=since_id)]


@router.post("/conversations/{conversation_id}/messages", response={201: MessageOut}, summary="Send a message")
def send(request: AuthedHttpRequest, conversation_id: int, payload: MessageIn):
    conversation = actions.access_conversation(request.user, conversation_id)
    message = actions.do_send_message(sender=request.user, conversation=conversation, text=payload.text)
    return Status(201, _message(Message.objects.select_related("author").get(pk=message.pk)))


@router.post("/conversations/{conversation_id}/read", response={204: None}, summary="Mark the conversation read")
def read(request: AuthedHttpRequest, conversation_id: int):
    actions.do_mark_read(user=request.user, conversation=actions.access_conversation(request.user, conversation_id))
    return Status(204, None)


@router.delete("/conversations/{conversation_id}/participants/me", response={204: None}, summary="Leave the conversation")
def leave(request: AuthedHttpRequest, conversation_id: int):
    actions.do_leave(user=request.user, conversation=actions.access_conversation(request.user, conversation_id))
    return Status(204, None)
