"""Pages for asks: the asks place, writing an ask with a preview of who it reaches,
one ask with its responses, shortlist and war room, and guest invitations."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from colony.communities.actions import access_community
from colony.communities.models import Community
from colony.core.errors import ActionError, NotFound
from colony.core.typing import AuthedHttpRequest
from colony.core.web import add_refusal, refuses_back_to
from colony.people.actions import access_person
from colony.people.models import User
from colony.social.selectors import present

from . import actions, selectors
from .forms import AskForm
from .models import Ask
from .reasons import describe_all

PAGE = 20


def _communities(user: User) -> list[tuple[str, str]]:
    return [(str(c.pk), c.name) for c in selectors.communities_to_ask_in(user)]


@login_required
def index(request: AuthedHttpRequest) -> HttpResponse:
    """Asks I posted (with their measures), asks sent to me (with why), and open asks around."""
    mine = [(a, selectors.measures(a)) for a in selectors.asks_for(request.user, mine=True, limit=PAGE)]
    sent = [(m, describe_all(m.reasons)) for m in selectors.matches_for(request.user, limit=PAGE)]
    open_views = present(request.user, selectors.open_asks_around(request.user, limit=PAGE))
    return render(request, "asks/index.html", {
        "mine": mine, "sent": sent, "open_views": open_views, "place": "asks",
        "away_until": selectors.away_until(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthedHttpRequest) -> HttpResponse:
    form = AskForm(request.POST or None, communities=_communities(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            community = access_community(request.user, data["community"]) if data["audience"] == "community" \
                and data["community"] else None
            people = [access_person(h, viewer=request.user) for h in form.handle_list()[:actions.MAX_PEOPLE + 1]]
            ask = actions.do_create_ask(
                author=request.user, need=data["need"], brief=data["brief"], skills=form.skill_list(),
                deadline=data["deadline"], audience=data["audience"], community=community, people=people,
                urgency=data["urgency"],
            )
        except ActionError as exc:  # shown on the form, so what was typed stays
            add_refusal(form, exc)
        else:
            messages.success(request, _("Your ask is out. The people who can help are being notified."))
            return HttpResponseRedirect(reverse("ask", args=[ask.pk]))
    return render(request, "asks/create.html", {"form": form, "place": "asks"}, status=400 if form.errors else 200)


@login_required
@require_POST
@refuses_back_to()
def preview(request: AuthedHttpRequest) -> HttpResponse:
    """The people this ask would reach, with why, before it is published (an htmx fragment)."""
    text = f"{request.POST.get('need', '')}\n{request.POST.get('brief', '')[:600]}".strip()
    skills = [s.strip() for s in request.POST.get("skills", "").split(",") if s.strip()]
    if not text:
        return render(request, "asks/_preview.html", {"empty": True})
    found = selectors.preview_candidates(request.user, text[:actions.MAX_BRIEF], skills=actions.check_skills(skills),
                                         limit=10)
    return render(request, "asks/_preview.html", {
        "candidates": [(person, describe_all(c.reasons)) for c, person in found if person is not None],
    })


def _detail_context(request: AuthedHttpRequest, ask: Ask) -> dict[str, object]:
    is_asker = ask.post.author_id == request.user.pk
    responses = list(selectors.responses_visible_to(ask, request.user))
    my_match = selectors.match_of(ask, request.user)
    return {
        "ask": ask, "post": ask.post, "view": present(request.user, [ask.post])[0], "is_asker": is_asker,
        "responses": responses, "measures": selectors.measures(ask) if is_asker else None,
        "matches": [(m, describe_all(m.reasons)) for m in selectors.matches(ask)] if is_asker else [],
        "my_match": my_match, "my_reasons": describe_all(my_match.reasons) if my_match else [],
        "offered": any(r.author_id == request.user.pk and r.kind == "help" for r in responses),
        "shortlisted": any(r.shortlisted_at for r in responses),
        "war_room": selectors.war_room_for(ask, request.user),
        "place": "asks", "max_bytes_mb": 10,
    }


@login_required
def detail(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    ask = selectors.access_ask(request.user, ask_id)
    context = _detail_context(request, ask)
    if getattr(request, "htmx", False) and request.GET.get("part") == "responses":
        return render(request, "asks/_responses.html", context)
    return render(request, "asks/detail.html", context)


@login_required
@require_POST
@refuses_back_to("ask", "ask_id")
def respond(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    ask = selectors.access_ask(request.user, ask_id)
    document = request.FILES.get("document")
    actions.do_respond(
        ask=ask, author=request.user, kind=request.POST.get("kind", "help"),
        pitch=request.POST.get("pitch", ""), public=request.POST.get("public") == "on",
        upload=document.file if document else None, upload_name=(document.name or "") if document else "",
        referred_handle=request.POST.get("referred", ""),
    )
    messages.success(request, _("Thank you. The asker has been told."))
    return HttpResponseRedirect(reverse("ask", args=[ask_id]))


@login_required
@require_POST
@refuses_back_to("ask", "ask_id")
def shortlist(request: AuthedHttpRequest, ask_id: int, response_id: int) -> HttpResponse:
    ask = selectors.access_ask(request.user, ask_id)
    response = selectors.access_response(ask, request.user, response_id)
    actions.do_shortlist(ask=ask, actor=request.user, response=response, on=request.POST.get("on") != "0")
    if getattr(request, "htmx", False):
        return render(request, "asks/_responses.html", _detail_context(request, ask))
    return HttpResponseRedirect(reverse("ask", args=[ask_id]) + "#responses")


@login_required
@require_POST
@refuses_back_to("ask", "ask_id")
def war_room(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    ask = selectors.access_ask(request.user, ask_id)
    room = actions.do_open_war_room(ask=ask, actor=request.user, name=request.POST.get("name", ""))
    messages.success(request, _("The war room is open and everyone in it has been told."))
    return HttpResponseRedirect(reverse("community", args=[room.slug]))


@login_required
@require_POST
@refuses_back_to("ask", "ask_id")
def set_status(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    ask = selectors.access_ask(request.user, ask_id)
    actions.do_set_status(ask=ask, actor=request.user, status=request.POST.get("status", ""))
    return HttpResponseRedirect(reverse("ask", args=[ask_id]))


@login_required
@require_POST
@refuses_back_to("ask", "ask_id")
def invite(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    ask = selectors.access_ask(request.user, ask_id)
    invitation, raw = actions.do_invite_guest(actor=request.user, ask=ask, name=request.POST.get("name", ""),
                                              note=request.POST.get("note", ""))
    return render(request, "asks/invitation_created.html", {
        "link": request.build_absolute_uri(reverse("invitation", args=[raw])), "invitation": invitation,
        "back": reverse("ask", args=[ask_id]), "place": "asks",
    })


@login_required
@require_POST
@refuses_back_to("communities")
def invite_to_community(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    community = Community.objects.visible_to(request.user).filter(slug=slug).first()
    if community is None:
        raise NotFound(_("That community does not exist or is not visible to you."))
    invitation, raw = actions.do_invite_guest(actor=request.user, community=community,
                                              name=request.POST.get("name", ""), note=request.POST.get("note", ""))
    return render(request, "asks/invitation_created.html", {
        "link": request.build_absolute_uri(reverse("invitation", args=[raw])), "invitation": invitation,
        "back": reverse("community", args=[slug]), "place": "communities",
    })


@require_http_methods(["GET", "POST"])
def accept_invitation(request: AuthedHttpRequest, token: str) -> HttpResponse:
    """An outside person opens their link, chooses a password, and lands in their ask or war room."""
    try:
        invitation = selectors.find_invite(token)
    except NotFound as exc:  # the invitation page says why the link no longer works, not the bare 404 page
        return render(request, "asks/invitation.html", {"invalid": str(exc.message)}, status=404)
    error = ""
    if request.method == "POST":
        try:
            guest = actions.do_accept_invite(raw=token, display_name=request.POST.get("name", ""),
                                             password=request.POST.get("password", ""))
        except ActionError as exc:  # shown on the form, so what was typed stays
            error = str(exc.message)
        else:
            login(request, guest, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(reverse("guest-home"))
    return render(request, "asks/invitation.html", {"invitation": invitation, "error": error},
                  status=400 if error else 200)


@login_required
def guest_home(request: AuthedHttpRequest) -> HttpResponse:
    """Where a guest lands: the asks and war rooms they were let into, nothing else."""
    asks, rooms = selectors.guest_places(request.user)
    return render(request, "asks/guest_home.html", {"asks": asks, "rooms": rooms, "place": "home"})


@login_required
@require_POST
@refuses_back_to("asks")
def away(request: AuthedHttpRequest) -> HttpResponse:
    """Set or clear an "away" period (``days``; empty or 0 is back): no asks are routed to you until it ends."""
    raw = request.POST.get("days", "").strip()
    if raw and not re.fullmatch(r"[0-9]{1,3}", raw):  # before int(): "²" and 5,000 digits are no number of days
        raise actions.away_days_error()
    days = int(raw or 0)
    actions.do_set_away(user=request.user, away=days > 0, days=days or None)
    if days:
        messages.success(request, _("You are away: no asks will be sent to you until you are back."))
    else:
        messages.success(request, _("Welcome back: asks can reach you again."))
    return HttpResponseRedirect(reverse("asks"))
