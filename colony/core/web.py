"""Helpers shared by the server-rendered views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.defaults import bad_request as django_bad_request

from .api import error_response
from .errors import ActionError, out_of_range_message
from .ids import parse_id


class BadParameter(BadRequest):
    """A query parameter a page cannot use: Django answers 400 with ``bad_request`` below."""

    def __init__(self, name: str):
        self.name = name
        super().__init__(out_of_range_message(name))


def int_param(request: HttpRequest, name: str) -> int | None:
    """A cursor such as ``max_id`` from the query string: None when absent, 400 when it is no id."""
    value = request.GET.get(name, "")
    if not value:
        return None
    number = parse_id(value)
    if number is None:
        raise BadParameter(name)
    return number


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 400 page (``handler400``): the reason when it is ours, Django's plain page otherwise.

    Django's own 400s (a disallowed host, a body over the limit) stay on its
    page, which reads nothing from the request.
    """
    api = request.path.startswith("/api/")
    if isinstance(exception, BadParameter):
        if api:
            return error_response(400, "invalid", str(exception), field=exception.name)
        return render(request, "errors/400.html", {"message": str(exception)}, status=400)
    if api:
        return error_response(400, "bad_request", _("The request is not valid."))
    return django_bad_request(request, exception or BadRequest())


class IdConverter:
    """``<id:name>`` in a URL: digits that fit an id column, so a longer number is no page (404)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value: int) -> str:
        return str(value)


def back_url(request: HttpRequest, default: str = "/") -> str:
    for candidate in (request.POST.get("next"), request.GET.get("next"), request.headers.get("Referer")):
        if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
            return candidate
    return default


def refuse(request: HttpRequest, exc: ActionError, *, default: str = "/") -> HttpResponse:
    """Show a refused action: a fragment for htmx, a message and a redirect otherwise."""
    if getattr(request, "htmx", False):
        response = render(request, "core/_error.html", {"message": exc.message}, status=exc.status)
        # Let htmx show the message in the page's alert area instead of replacing content.
        response["HX-Retarget"] = "#alerts"
        response["HX-Reswap"] = "innerHTML"
        return response
    messages.error(request, str(exc.message))
    return HttpResponseRedirect(back_url(request, default))


# --- refusals: how a page answers an ActionError (see core.middleware.ActionErrorMiddleware) ---

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])

_BACK_TO = "colony_refusal_back_to"


def refuses_back_to(url_name: str | None = None, *url_kwargs: str) -> Callable[[ViewFunc], ViewFunc]:
    """Mark a view whose refused actions send the person back where they were (``refuse``), not-found included.

    For forms posted from a page the person is looking at: a missing or hidden
    object is then a message on the page they came from, not a 404 page.
    Without ``next`` or a Referer they go to the URL named ``url_name``,
    reversed with the view's own URL arguments named in ``url_kwargs`` (``/``
    when no name is given). The mark survives ``login_required`` and the like
    (they copy the view's attributes), so it may sit anywhere in the stack.
    """

    def mark(view: ViewFunc) -> ViewFunc:
        setattr(view, _BACK_TO, (url_name, url_kwargs))
        return view

    return mark


def refusal_fallback(request: HttpRequest) -> str | None:
    """Where a view marked ``refuses_back_to`` sends a refused person by default; None for an unmarked view."""
    match = getattr(request, "resolver_match", None)
    target = getattr(match.func, _BACK_TO, None) if match is not None else None
    if match is None or target is None:
        return None
    url_name, url_kwargs = target
    return reverse(url_name, args=[match.kwargs[k] for k in url_kwargs]) if url_name else "/"


def add_refusal(form: forms.Form, exc: ActionError) -> None:
    """Show a refusal on the form it answers, under the field it names (else above the form).

    For views that re-render their form so the person keeps what they typed;
    everything else lets the ActionError reach the middleware.
    """
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
