"""The write-rate limit: so many writes a minute and an hour per person and
per API token, answered before the request body is read."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from colony.core.middleware import UNSAFE_METHODS, refuse_early

from .models import ApiToken

READ_ONLY_POSTS = {"/desk/check", "/asks/preview", "/api/v1/desk/check", "/api/v1/asks/preview", "/signin",
                   "/api/v1/tokens", "/signout", "/settings/language"}


Window = tuple[str, int, int]  # (name, seconds, limit)


def _person_windows() -> list[Window]:
    windows = [("minute", 60, settings.COLONY_WRITE_RATE_PER_MINUTE), ("hour", 3600, settings.COLONY_WRITE_RATE_PER_HOUR)]
    return [w for w in windows if w[2] > 0]


def _token_windows() -> list[Window]:
    """A token (a script) gets a smaller share of its owner's minute, so it cannot use all of it up."""
    limit = settings.COLONY_TOKEN_WRITE_RATE_PER_MINUTE
    return [("token-minute", 60, limit)] if limit > 0 else []


def _bearer_key(request: HttpRequest) -> tuple[str | None, int | None]:
    """The token's own key, and whose it is, for a request with ``Authorization: Bearer``."""
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        return None, None
    digest = ApiToken.hash(header[7:].strip())
    owner = ApiToken.objects.filter(key_hash=digest).values_list("user_id", flat=True).first()
    return f"token:{digest[:24]}", owner


def _client_address(request: HttpRequest) -> str:
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


def rate_keys(request: HttpRequest) -> list[tuple[str, list[Window]]]:
    """Who is writing, with the windows that apply: the person (however they signed in) and the
    token they used; signed out, the address."""
    token_key, token_owner = _bearer_key(request)
    user = getattr(request, "user", None)
    if token_owner is not None and token_key is not None:
        return [(f"user:{token_owner}", _person_windows()), (token_key, _token_windows())]
    if user is not None and user.is_authenticated:
        return [(f"user:{user.pk}", _person_windows())]
    return [(f"ip:{_client_address(request)}", _person_windows())]


def check_write_rate(keys: list[tuple[str, list[Window]]], now: float | None = None) -> int:
    """Count one write for each key in each of its windows; the seconds to wait when one is full (0 when allowed).

    Fixed windows in the cache: ``add`` then ``incr`` is atomic in Redis and
    in the in-memory cache, so concurrent requests cannot slip past.
    """
    now = time.time() if now is None else now
    wait = 0
    for key, windows in keys:
        for name, seconds, limit in windows:
            start = int(now // seconds) * seconds
            counter = f"colony:writes:{name}:{start}:{key}"
            cache.add(counter, 0, timeout=seconds + 5)
            try:
                count = cache.incr(counter)
            except ValueError:  # expired between add and incr
                cache.set(counter, 1, timeout=seconds + 5)
                count = 1
            if count > limit:
                wait = max(wait, int(start + seconds - now) + 1)
    return wait


class WriteRateLimitMiddleware:
    """At most so many writes a minute and an hour per person and per API token (429 with Retry-After).

    Counters live in Django's cache: per process with the default in-memory
    cache, shared by every web process once ``COLONY_REDIS_URL`` is set.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in UNSAFE_METHODS and request.path not in READ_ONLY_POSTS:
            wait = check_write_rate(rate_keys(request))
            if wait:
                message = ngettext("You are doing that too often. Try again in %(seconds)d second.",
                                   "You are doing that too often. Try again in %(seconds)d seconds.",
                                   wait) % {"seconds": wait}
                response = refuse_early(request, 429, "throttled", _("Slow down"), message)
                response["Retry-After"] = str(wait)
                return response
        return self.get_response(request)
