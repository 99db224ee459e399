from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation


class UserLanguageMiddleware:
    """Prefer the signed-in person's chosen language over the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.ui_language:
            translation.activate(user.ui_language)
            request.LANGUAGE_CODE = user.ui_language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or "en")
        return response


# The pages a guest may open; everything else answers "not found" to them.
# What each page shows is still filtered by visibility (a guest's posts,
# communities and asks are only the ones they were invited to).
GUEST_PAGES = {
    "guest-home", "ask", "ask-respond", "community", "community-members", "post", "compose", "post-react",
    "post-edit", "post-delete", "post-history", "notifications", "notifications-read", "settings-password",
    "settings-language", "set-language", "signout", "signin", "events", "media", "javascript-catalog", "invitation",
    "healthz", "default-avatar", "settings-activity", "password-reset",
}


class GuestFenceMiddleware:
    """Keep guests (outside people invited to one ask or war room) out of the rest of Colony."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "is_guest", False):
            from django.http import HttpResponseRedirect
            from django.shortcuts import render
            from django.urls import Resolver404, resolve

            try:
                name = resolve(request.path_info).url_name or ""
            except Resolver404:
                name = ""
            if name == "home":
                return HttpResponseRedirect("/guest")
            # A guest's wiki is their war room's (community-wiki-…), never the organisation's.
            allowed = name in GUEST_PAGES or name.startswith("community-wiki") or request.path_info.startswith("/api/")
            if not allowed:
                return render(request, "errors/404.html", status=404)
        return self.get_response(request)
