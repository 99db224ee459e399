"""The REST API's shared pieces: authentication, the one error shape, paging links."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, SessionAuth

from .errors import ActionError


def error_response(status: int, code: str, message: str, **extra: Any) -> JsonResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    body.update(extra)
    return JsonResponse({"error": body}, status=status)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` with a token from ``POST /api/v1/tokens``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from colony.people.models import ApiToken

        row = (
            ApiToken.objects.select_related("user")
            # Guests use the web pages of their ask or war room only, never the API.
            .filter(key_hash=ApiToken.hash(token), user__is_active=True, user__is_guest=False)
            .first()
        )
        if row is None:
            return None
        now = timezone.now()
        # Touch last_used_at at most hourly: a write per request would serialise reads on SQLite.
        if row.last_used_at is None or now - row.last_used_at > timedelta(hours=1):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        if row.user.ui_language:
            translation.activate(row.user.ui_language)
        return row.user


class ActiveSessionAuth(SessionAuth):
    """The web UI's session cookie (with CSRF), so pages can call the API too (not guests)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return None if user is None or getattr(user, "is_guest", False) else user


def _validation_message(exc: NinjaValidationError) -> tuple[str, list[dict[str, Any]]]:
    details = []
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "payload", "query", "path", "form")]
        details.append({"field": ".".join(loc), "problem": err.get("msg", "")})
    fields = ", ".join(d["field"] for d in details if d["field"]) or _("the request")
    return _("Some values are missing or not valid: %(fields)s.") % {"fields": fields}, details


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ActionError)
    def action_error(request: HttpRequest, exc: ActionError) -> HttpResponse:
        extra = {"field": exc.field} if exc.field else {}
        return error_response(exc.status, exc.code, str(exc.message), **extra)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        message, details = _validation_message(exc)
        return error_response(400, "invalid", message, details=details)

    @api.exception_handler(AuthenticationError)
    def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(401, "unauthenticated", _("Sign in or send a valid API token."))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, "not_found", _("Not found."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, "error", str(exc))


def paging_link(request: HttpRequest, items: list[Any], limit: int) -> str | None:
    """A Mastodon-style ``Link`` header: ``next`` (older) and ``prev`` (newer)."""
    if not items:
        return None
    base = request.build_absolute_uri(request.path)
    parts = [f'<{base}?limit={limit}&since_id={items[0].id}>; rel="prev"']
    if len(items) >= limit:
        parts.insert(0, f'<{base}?limit={limit}&max_id={items[-1].id}>; rel="next"')
    return ", ".join(parts)
