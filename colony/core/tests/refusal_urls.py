"""The site's URLs plus a few views that only raise, for ``test_refusals``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from colony import urls as site
from colony.core.errors import ActionError, Forbidden, NotFound
from colony.core.web import refuses_back_to


def missing(request: HttpRequest) -> HttpResponse:
    raise NotFound("That thing does not exist or is not visible to you.")


def not_allowed(request: HttpRequest) -> HttpResponse:
    raise Forbidden("Only the owner of the thing can do that.")


def refused(request: HttpRequest) -> HttpResponse:
    raise ActionError("Say it in fewer words.", code="too_long", field="text")


def broken(request: HttpRequest) -> HttpResponse:
    raise ValueError("not a refusal")


def thing(request: HttpRequest, thing_id: int) -> HttpResponse:
    return HttpResponse(f"thing {thing_id}")


@require_POST
@refuses_back_to("test-thing", "thing_id")
def act_on_thing(request: HttpRequest, thing_id: int) -> HttpResponse:
    if request.POST.get("what") == "missing":
        raise NotFound("That thing does not exist or is not visible to you.")
    raise ActionError("The thing is closed.", code="closed")


urlpatterns = [
    path("test-refusals/missing", missing),
    path("test-refusals/not-allowed", not_allowed),
    path("test-refusals/refused", refused),
    path("test-refusals/broken", broken),
    path("test-refusals/things/<int:thing_id>", thing, name="test-thing"),
    path("test-refusals/things/<int:thing_id>/act", act_on_thing),
    path("api/test-refusals/refused", refused),
    *site.urlpatterns,
]

handler400 = site.handler400
handler403 = site.handler403
handler404 = site.handler404
handler500 = site.handler500
