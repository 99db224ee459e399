from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from colony.core.typing import AuthedHttpRequest
from colony.core.web import back_url, refuses_back_to

from . import actions, selectors


@login_required
@require_POST
@refuses_back_to()
def acknowledge(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    announcement = actions.access_announcement(request.user, post_id)
    actions.do_acknowledge(user=request.user, announcement=announcement)
    if getattr(request, "htmx", False):
        return HttpResponse("")  # the must-read card disappears
    return HttpResponseRedirect(back_url(request))


@login_required
def tracker(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    """The author's live view of who has read an announcement (htmx refreshes it)."""
    announcement = actions.access_announcement(request.user, post_id)
    actions.check_author(request.user, announcement)
    return render(request, "announcements/_tracker.html", {"tracker": selectors.tracker(announcement)})


@login_required
@require_POST
@refuses_back_to()
def manage(request: AuthedHttpRequest, post_id: int, action: str) -> HttpResponse:
    announcement = actions.access_announcement(request.user, post_id)
    if action == "remind":
        count = actions.do_remind(user=request.user, announcement=announcement)
        messages.success(request, _("Reminded %(count)d people.") % {"count": count})
    elif action == "close":
        actions.do_close(user=request.user, announcement=announcement)
        messages.success(request, _("The announcement is closed."))
    else:
        raise Http404
    return HttpResponseRedirect(reverse("post", args=[post_id]))
