"""What a throttled sign-in sees (django-axes calls this when it locks someone out)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_message() -> str:
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    return _("Too many failed sign-in attempts. Try again in %(minutes)d minutes.") % {"minutes": minutes}


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "throttled", "message": lockout_message()}}, status=429)
    return render(request, "people/signin.html", {"locked_message": lockout_message(), "form": None}, status=429)
