"""The REST API's shared pieces: authentication, the one error shape, paging links."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import SessionAuth
from pydantic import BaseModel

from .errors import ActionError, NotFound, OutOfRange
from .ids import is_id


def error_response(status: int, code: str, message: str, **extra: Any) -> JsonResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    body.update(extra)
    return JsonResponse({"error": body}, status=status)


def action_error_response(exc: ActionError) -> JsonResponse:
    """An action's refusal in the API's one error shape (ninja's handler and the web middleware both use it)."""
    extra = {"field": exc.field} if exc.field else {}
    return error_response(exc.status, exc.code, str(exc.message), **extra)


class ActiveSessionAuth(SessionAuth):
    """The web UI's session cookie (with CSRF), so pages can call the API too (not guests)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return None if user is None or getattr(user, "is_guest", False) else user


def _too_many(err: dict[str, Any]) -> int | None:
    """The most items a list takes, when ``err`` is pydantic's "too many items" (a ``max_length``)."""
    ctx = err.get("ctx") or {}
    if err.get("type") == "too_long" and "max_length" in ctx:  # "string_too_long" is another type
        return int(ctx["max_length"])
    return None


def _validation_message(exc: NinjaValidationError) -> tuple[str, list[dict[str, Any]], str | None]:
    """The message, a detail per problem, and the one field at fault (None when several are)."""
    details = []
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "payload", "query", "path", "form")]
        most = _too_many(err)
        problem = err.get("msg", "") if most is None else ngettext(
            "Send at most %(count)d item.", "Send at most %(count)d items.", most) % {"count": most}
        details.append({"field": ".".join(loc), "problem": problem})
    named = list(dict.fromkeys(d["field"] for d in details if d["field"]))
    field = named[0] if len(named) == 1 else None
    most = _too_many(exc.errors[0]) if len(exc.errors) == 1 else None
    if field and most is not None:
        message = ngettext("“%(field)s” takes at most %(count)d item at a time.",
                           "“%(field)s” takes at most %(count)d items at a time.", most)
        return message % {"field": field, "count": most}, details, field
    fields = ", ".join(named) or _("the request")
    return _("Some values are missing or not valid: %(fields)s.") % {"fields": fields}, details, field


def _number_out_of_range(value: Any, field: str) -> str | None:
    """The name of the first whole number in ``value`` that no id column can hold, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if is_id(value) else field
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            found = _number_out_of_range(getattr(value, name), f"{field}.{info.alias or name}".lstrip("."))
            if found:
                return found
        return None
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple | set) else ()
    for item in items:
        found = _number_out_of_range(item, field)
        if found:
            return found
    return None


def refuse_numbers_out_of_range(view: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse, before the view makes any query, a whole number no id column can hold.

    SQLite raises OverflowError on such a number and PostgreSQL a DataError:
    both would be a 500. In the path it names nothing (404); in the query or
    the body it is a mistake to correct (400, naming the field). Applied to
    every operation, after ninja has validated the types.
    """

    @functools.wraps(view)
    def checked(request: HttpRequest, *args: Any, **values: Any) -> Any:
        in_path = set(getattr(request.resolver_match, "kwargs", None) or ())
        for name in sorted(values, key=lambda n: n not in in_path):  # the path first
            value = values[name]
            field = _number_out_of_range(value, "" if isinstance(value, BaseModel) else name)
            if field is None:
                continue
            if name in in_path:
                raise NotFound(_("Not found."))
            raise OutOfRange(field)
        return view(request, *args, **values)

    return checked


def install_input_checks(api: NinjaAPI) -> None:
    api.add_decorator(refuse_numbers_out_of_range)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ActionError)
    def action_error(request: HttpRequest, exc: ActionError) -> HttpResponse:
        return action_error_response(exc)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        message, details, field = _validation_message(exc)
        extra = {"field": field} if field else {}
        return error_response(400, "invalid", message, details=details, **extra)

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
