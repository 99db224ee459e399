"""The live-update stream: what changed for a person, across places."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.db import connection
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from colony.messaging.selectors import unread_conversations
from colony.notifications.selectors import unread_count
from colony.social.selectors import newest_feed_id

# How long one event stream stays open; the browser reconnects by itself.
STREAM_SECONDS = 55
POLL_SECONDS = 1.0


def _snapshot(user: Any) -> dict[str, int]:
    return {"timeline": newest_feed_id(user), "notifications": unread_count(user),
            "messages": unread_conversations(user.pk)}


def _changes(before: dict[str, int] | None, now: dict[str, int]) -> str:
    out = []
    for name, value in now.items():
        if before is None or before.get(name) != value:
            out.append(f"event: {name}\ndata: {json.dumps(value)}\n\n")
    return "".join(out)


def _sync_stream(user: Any) -> Iterator[str]:
    yield "retry: 3000\n\n"
    last = None
    deadline = time.monotonic() + STREAM_SECONDS
    while time.monotonic() < deadline:
        now = _snapshot(user)
        if chunk := _changes(last, now):
            yield chunk
        last = now
        time.sleep(POLL_SECONDS)


def _snapshot_and_close(user: Any) -> dict[str, int]:
    """For the async stream: its thread is not reused, so its connection must not linger."""
    try:
        return _snapshot(user)
    finally:
        connection.close()


async def _async_stream(user: Any) -> AsyncIterator[str]:
    yield "retry: 3000\n\n"
    last = None
    deadline = time.monotonic() + STREAM_SECONDS
    snapshot = sync_to_async(_snapshot_and_close)
    while time.monotonic() < deadline:
        now = await snapshot(user)
        if chunk := _changes(last, now):
            yield chunk
        last = now
        await asyncio.sleep(POLL_SECONDS)


@require_GET
def events(request: HttpRequest) -> HttpResponseBase:
    """Server-sent events: ``timeline`` (newest home post id) and ``notifications`` (unread count).

    Under ASGI (``colony serve``) the stream is async and holds no thread;
    under WSGI it is a plain generator.
    """
    if not request.user.is_authenticated:
        return HttpResponse(status=204)  # tells EventSource to stop reconnecting
    if isinstance(request, ASGIRequest):
        stream: Iterator[str] | AsyncIterator[str] = _async_stream(request.user)
        connection.close()  # this request's thread ends here; the stream opens its own
    else:
        stream = _sync_stream(request.user)
    response = StreamingHttpResponse(stream, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
