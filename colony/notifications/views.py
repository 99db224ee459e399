from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from colony.core.errors import OutOfRange
from colony.core.ids import parse_id
from colony.core.typing import AuthedHttpRequest
from colony.core.web import int_param, refuses_back_to

from . import actions, selectors
from .rendering import describe


@login_required
def index(request: AuthedHttpRequest) -> HttpResponse:
    items = selectors.notifications_for(request.user, max_id=int_param(request, "max_id"), limit=30)
    rows = [(n, describe(n)) for n in items]
    context = {
        "rows": rows,
        "next_max_id": items[-1].pk if len(items) >= 30 else None,
        "newest_id": items[0].pk if items else None,
        "place": "notifications",
    }
    if getattr(request, "htmx", False) and request.GET.get("max_id"):
        return render(request, "notifications/_rows.html", context)
    return render(request, "notifications/index.html", context)


@login_required
@require_POST
@refuses_back_to("notifications")
def mark_read(request: AuthedHttpRequest) -> HttpResponse:
    up_to = request.POST.get("up_to_id", "")
    up_to_id = parse_id(up_to)
    if up_to and up_to_id is None:
        raise OutOfRange("up_to_id")
    actions.do_mark_read(user=request.user, up_to_id=up_to_id)
    return HttpResponseRedirect(reverse("notifications"))
