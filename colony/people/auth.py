"""API authentication with personal tokens (``POST /api/v1/tokens``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja.security import HttpBearer

from .models import ApiToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` with a token from ``POST /api/v1/tokens``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        row = (
            ApiToken.objects.select_related("user")
            # Guests use the web pages of their ask or war room only, never the API.
            .filter(key_hash=ApiToken.hash(token), user__is_active=True, user__is_guest=False)
            .first()
        )
        now = timezone.now()
        if row is None or (row.expires_at is not None and row.expires_at <= now):
            return None  # expired tokens authenticate nobody
        # Touch last_used_at at most hourly: a write per request would serialise reads on SQLite.
        if row.last_used_at is None or now - row.last_used_at > timedelta(hours=1):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        request.api_token_id = row.pk  # type: ignore[attr-defined]  # "current" in GET /tokens
        if row.user.ui_language:
            translation.activate(row.user.ui_language)
        return row.user
