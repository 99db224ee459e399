"""Helpers shared by the server-rendered views."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from .errors import ActionError


def int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


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
