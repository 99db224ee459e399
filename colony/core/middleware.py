"""The body-size limit every request meets before a view runs, and the one
answer to an action's refusal that a page let through (``ActionErrorMiddleware``).
The write-rate limit, which counts per person and per token, is
``people.rate_limits``.

The limits answer before the request body is read, so a refused request costs
almost nothing and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .api import action_error_response, error_response
from .errors import ActionError, Forbidden, NotFound
from .web import refusal_fallback, refuse

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def refuse_early(request: HttpRequest, status: int, code: str, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return error_response(status, code, message)
    if request.headers.get("HX-Request"):
        response = render(request, "core/_error.html", {"message": message}, status=status)
        response["HX-Retarget"] = "#alerts"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "errors/refused.html", {"title": title, "message": message}, status=status)


def body_limit(request: HttpRequest) -> int:
    """The largest body this request may declare: uploads are large, everything else small."""
    if request.content_type == "multipart/form-data":
        return settings.COLONY_MAX_UPLOAD_REQUEST_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class RequestSizeLimitMiddleware:
    """Refuse a body larger than the request could ever need, from its Content-Length alone.

    Django reads at most the declared length, so refusing here means a 300 MB
    upload is never spooled to disk. (Bodies without a Content-Length are not
    read by Django at all.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        limit = body_limit(request)
        if declared > limit:
            message = _("The request is too large: the limit is %(limit)d MB.") % {
                "limit": max(1, limit // (1024 * 1024))}
            response = refuse_early(request, 413, "too_large", _("Too large"), message)
            response["Connection"] = "close"  # the unread body must not be taken for the next request
            return response
        return self.get_response(request)


# --- write rate -----------------------------------------------------------------------

# Requests that only read, though they are POSTs (the live checks under a
# composer), and signing in (pages and API), which django-axes throttles on its own.
# --- refusals ---------------------------------------------------------------------------


class ActionErrorMiddleware:
    """Answer an ``ActionError`` a page let through, the same way on every page.

    Views call an action or selector and let its refusal go; this decides what
    the person sees, in this order:

    1. Under ``/api/``: the API's JSON error (django-ninja answers its own
       endpoints first; this covers any other view there).
    2. A view marked ``core.web.refuses_back_to``: ``core.web.refuse`` for every
       refusal, not-found included: back to the page the form was on with the
       message (for htmx, the message in the page's alert area, with the
       error's status).
    3. ``NotFound``: Django's 404 handling, so the site's 404 page (missing and
       hidden look the same). ``Forbidden``: Django's 403 handling, the 403 page.
    4. Any other ``ActionError``: a write or an htmx request is refused as in 2
       (back to the Referer, else ``/``); a page read shows the refusal page
       with the message and the error's status.

    Views that re-render a form with the person's input keep their own
    ``except ActionError`` (``core.web.add_refusal`` for Django forms).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ActionError):
            return None
        if request.path.startswith("/api/"):
            return action_error_response(exception)
        fallback = refusal_fallback(request)
        if fallback is not None:
            return refuse(request, exception, default=fallback)
        if isinstance(exception, NotFound):
            return response_for_exception(request, Http404(str(exception)))
        if isinstance(exception, Forbidden):
            return response_for_exception(request, PermissionDenied(str(exception)))
        if request.method in UNSAFE_METHODS or getattr(request, "htmx", False):
            return refuse(request, exception)
        return render(request, "errors/refused.html", {"title": _("Not a valid request"), "message": exception.message},
                      status=exception.status)
