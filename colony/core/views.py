from __future__ import annotations

import asyncio
import json
import mimetypes
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.handlers.asgi import ASGIRequest
from django.db import connection
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from colony.core.api import error_response
from colony.core.typing import AuthedHttpRequest

# How long one event stream stays open; the browser reconnects by itself.
STREAM_SECONDS = 55
POLL_SECONDS = 1.0


def _snapshot(user_id: int) -> dict[str, int]:
    from colony.messaging.selectors import unread_conversations
    from colony.notifications.selectors import unread_count
    from colony.social.selectors import newest_feed_id

    return {"timeline": newest_feed_id(user_id), "notifications": unread_count(user_id),
            "messages": unread_conversations(user_id)}


def _changes(before: dict[str, int] | None, now: dict[str, int]) -> str:
    out = []
    for name, value in now.items():
        if before is None or before.get(name) != value:
            out.append(f"event: {name}\ndata: {json.dumps(value)}\n\n")
    return "".join(out)


def _sync_stream(user_id: int) -> Iterator[str]:
    yield "retry: 3000\n\n"
    last = None
    deadline = time.monotonic() + STREAM_SECONDS
    while time.monotonic() < deadline:
        now = _snapshot(user_id)
        if chunk := _changes(last, now):
            yield chunk
        last = now
        time.sleep(POLL_SECONDS)


def _snapshot_and_close(user_id: int) -> dict[str, int]:
    """For the async stream: its thread is not reused, so its connection must not linger."""
    try:
        return _snapshot(user_id)
    finally:
        connection.close()


async def _async_stream(user_id: int) -> AsyncIterator[str]:
    yield "retry: 3000\n\n"
    last = None
    deadline = time.monotonic() + STREAM_SECONDS
    snapshot = sync_to_async(_snapshot_and_close)
    while time.monotonic() < deadline:
        now = await snapshot(user_id)
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
        stream: Iterator[str] | AsyncIterator[str] = _async_stream(request.user.pk)
        connection.close()  # this request's thread ends here; the stream opens its own
    else:
        stream = _sync_stream(request.user.pk)
    response = StreamingHttpResponse(stream, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _may_read_response_document(request: AuthedHttpRequest, attachment_id: int) -> bool:
    """A CV or brief sent with a response to an ask: for whoever may read that response."""
    from colony.asks.actions import responses_visible_to
    from colony.asks.models import Response
    from colony.social.models import Post

    response = Response.objects.filter(attachment_id=attachment_id).select_related("ask__post").first()
    if response is None or not Post.objects.visible_to(request.user).filter(pk=response.ask_id).exists():
        return False
    return responses_visible_to(response.ask, request.user).filter(pk=response.pk).exists()


@login_required
def media(request: AuthedHttpRequest, path: str) -> HttpResponseBase:
    """Serve an upload only to people allowed to see it.

    Avatars are for every member; an attachment only for those who can see
    its post (or its uploader, before it is posted).
    """
    root = Path(settings.MEDIA_ROOT).resolve()
    full = (root / path).resolve()
    if root not in full.parents or not full.is_file():
        raise Http404
    if path.startswith("attachments/"):
        from colony.social.models import Attachment, Post

        attachment = Attachment.objects.filter(file=path).first()
        if attachment is None:
            raise Http404
        if attachment.message_id is not None:
            from colony.messaging.models import Participant

            if not Participant.objects.filter(conversation__messages=attachment.message_id, user=request.user,
                                              left_at__isnull=True).exists():
                raise Http404
        elif attachment.post_id is None:
            if attachment.uploader_id != request.user.pk and not _may_read_response_document(request, attachment.pk):
                raise Http404
        elif not Post.objects.visible_to(request.user).filter(pk=attachment.post_id).exists():
            raise Http404
        response: HttpResponseBase = FileResponse(full.open("rb"), content_type=attachment.content_type)
        if attachment.kind == "pdf":
            response["Content-Disposition"] = f'inline; filename="{Path(attachment.name).name}"'
        elif attachment.kind == "docx":
            response["Content-Disposition"] = f'attachment; filename="{Path(attachment.name).name}"'
    elif path.startswith("avatars/"):
        content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
        response = FileResponse(full.open("rb"), content_type=content_type)
    else:
        raise Http404
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return error_response(404, "not_found", _("Not found."))
    return render(request, "errors/404.html", status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return error_response(403, "forbidden", _("You are not allowed to do that."))
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return error_response(500, "server_error", _("Something went wrong on our side."))
    return render(request, "errors/500.html", status=500)
