"""Pages for asks: the asks place, writing an ask with a preview of who it reaches,
one ask with its responses, shortlist and war room, and guest invitations."""

from __future__ import annotations

import re
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from colony.communities.actions import access_community
from colony.communities.models import Community, Membership
from colony.core.errors import ActionError, NotFound
from colony.core.typing import AuthedHttpRequest
from colony.core.web import refuse
from colony.people.actions import access_person
from colony.people.models import User
from colony.social.models import Post, PostKind
from colony.social.selectors import present

from . import actions
from .forms import AskForm
from .models import Ask, GuestAccess, Match
from .reasons import describe_all
from .routing import rank_candidates

PAGE = 20


def _communities(user: User) -> list[tuple[str, str]]:
    return [(str(c.pk), c.name) for c in Community.objects.filter(memberships__user=user, archived_at__isnull=True)]


@login_required
def index(request: AuthedHttpRequest) -> HttpResponse:
    """Asks I posted (with their measures), asks sent to me (with why), and open asks around."""
    mine_ids = list(Post.objects.filter(author=request.user, kind=PostKind.ASK, deleted_at__isnull=True)
                    .order_by("-id").values_list("pk", flat=True)[:PAGE])
    mine = [(a, actions.measures(a)) for a in actions.with_related(
        Ask.objects.filter(pk__in=mine_ids).select_related("post").order_by("-post_id"))]
    visible = Post.objects.visible_to(request.user).filter(kind=PostKind.ASK)
    sent = [
        (m, describe_all(m.reasons))
        for m in Match.objects.filter(user=request.user, ask__post__in=visible.values("pk"))
        .select_related("ask__post__author").order_by("-notified_at")[:PAGE]
    ]
    open_views = present(request.user, visible.filter(ask__status=Ask.Status.OPEN).exclude(author=request.user)
                         .select_related("author").order_by("-id")[:PAGE])
    return render(request, "asks/index.html", {
        "mine": mine, "sent": sent, "open_views": open_views, "place": "asks",
        "away_until": request.user.away_until if request.user.away_until and
        request.user.away_until > timezone.now() else None,
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
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("Your ask is out. The people who can help are being notified."))
            return HttpResponseRedirect(reverse("ask", args=[ask.pk]))
    return render(request, "asks/create.html", {"form": form, "place": "asks"}, status=400 if form.errors else 200)


@login_required
@require_POST
def preview(request: AuthedHttpRequest) -> HttpResponse:
    """The people this ask would reach, with why, before it is published (an htmx fragment)."""
    text = f"{request.POST.get('need', '')}\n{request.POST.get('brief', '')[:600]}".strip()
    skills = [s.strip() for s in request.POST.get("skills", "").split(",") if s.strip()]
    if not text:
        return render(request, "asks/_preview.html", {"empty": True})
    try:
        skills = actions.check_skills(skills)
    except ActionError as exc:
        return refuse(request, exc)
    candidates = rank_candidates(text[:actions.MAX_BRIEF], skills=skills, asker=request.user, limit=10)
    people = request.user.__class__.objects.in_bulk([c.user_id for c in candidates])
    return render(request, "asks/_preview.html", {
        "candidates": [(people[c.user_id], describe_all(c.reasons)) for c in candidates if c.user_id in people],
    })


def _detail_context(request: AuthedHttpRequest, ask: Ask) -> dict[str, object]:
    is_asker = ask.post.author_id == request.user.pk
    responses = list(actions.responses_visible_to(ask, request.user))
    my_match = Match.objects.filter(ask=ask, user=request.user).first()
    return {
        "ask": ask, "post": ask.post, "view": present(request.user, [ask.post])[0], "is_asker": is_asker,
        "responses": responses, "measures": actions.measures(ask) if is_asker else None,
        "matches": [(m, describe_all(m.reasons)) for m in Match.objects.filter(ask=ask).select_related("user")]
        if is_asker else [],
        "my_match": my_match, "my_reasons": describe_all(my_match.reasons) if my_match else [],
        "offered": any(r.author_id == request.user.pk and r.kind == "help" for r in responses),
        "shortlisted": any(r.shortlisted_at for r in responses),
        "war_room": ask.war_room if ask.war_room_id and (is_asker or Membership.objects.filter(
            community_id=ask.war_room_id, user=request.user).exists()) else None,
        "place": "asks", "max_bytes_mb": 10,
    }


@login_required
def detail(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    try:
        ask = actions.access_ask(request.user, ask_id)
    except NotFound:
        return render(request, "errors/404.html", status=404)
    context = _detail_context(request, ask)
    if getattr(request, "htmx", False) and request.GET.get("part") == "responses":
        return render(request, "asks/_responses.html", context)
    return render(request, "asks/detail.html", context)


@login_required
@require_POST
def respond(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    try:
        ask = actions.access_ask(request.user, ask_id)
        document = request.FILES.get("document")
        actions.do_respond(
            ask=ask, author=request.user, kind=request.POST.get("kind", "help"),
            pitch=request.POST.get("pitch", ""), public=request.POST.get("public") == "on",
            upload=document.file if document else None, upload_name=(document.name or "") if document else "",
            referred_handle=request.POST.get("referred", ""),
        )
    except ActionError as exc:
        return refuse(request, exc, default=reverse("ask", args=[ask_id]))
    messages.success(request, _("Thank you. The asker has been told."))
    return HttpResponseRedirect(reverse("ask", args=[ask_id]))


@login_required
@require_POST
def shortlist(request: AuthedHttpRequest, ask_id: int, response_id: int) -> HttpResponse:
    try:
        ask = actions.access_ask(request.user, ask_id)
        response = actions.access_response(ask, request.user, response_id)
        actions.do_shortlist(ask=ask, actor=request.user, response=response, on=request.POST.get("on") != "0")
    except ActionError as exc:
        return refuse(request, exc, default=reverse("ask", args=[ask_id]))
    if getattr(request, "htmx", False):
        return render(request, "asks/_responses.html", _detail_context(request, ask))
    return HttpResponseRedirect(reverse("ask", args=[ask_id]) + "#responses")


@login_required
@require_POST
def war_room(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    try:
        ask = actions.access_ask(request.user, ask_id)
        room = actions.do_open_war_room(ask=ask, actor=request.user, name=request.POST.get("name", ""))
    except ActionError as exc:
        return refuse(request, exc, default=reverse("ask", args=[ask_id]))
    messages.success(request, _("The war room is open and everyone in it has been told."))
    return HttpResponseRedirect(reverse("community", args=[room.slug]))


@login_required
@require_POST
def set_status(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    try:
        ask = actions.access_ask(request.user, ask_id)
        actions.do_set_status(ask=ask, actor=request.user, status=request.POST.get("status", ""))
    except ActionError as exc:
        return refuse(request, exc, default=reverse("ask", args=[ask_id]))
    return HttpResponseRedirect(reverse("ask", args=[ask_id]))


@login_required
@require_POST
def invite(request: AuthedHttpRequest, ask_id: int) -> HttpResponse:
    try:
        ask = actions.access_ask(request.user, ask_id)
        invitation, raw = actions.do_invite_guest(actor=request.user, ask=ask, name=request.POST.get("name", ""),
                                                  note=request.POST.get("note", ""))
    except ActionError as exc:
        return refuse(request, exc, default=reverse("ask", args=[ask_id]))
    return render(request, "asks/invitation_created.html", {
        "link": request.build_absolute_uri(reverse("invitation", args=[raw])), "invitation": invitation,
        "back": reverse("ask", args=[ask_id]), "place": "asks",
    })


@login_required
@require_POST
def invite_to_community(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    community = Community.objects.visible_to(request.user).filter(slug=slug).first()
    try:
        if community is None:
            raise NotFound(_("That community does not exist or is not visible to you."))
        invitation, raw = actions.do_invite_guest(actor=request.user, community=community,
                                                  name=request.POST.get("name", ""), note=request.POST.get("note", ""))
    except ActionError as exc:
        return refuse(request, exc, default=reverse("communities"))
    return render(request, "asks/invitation_created.html", {
        "link": request.build_absolute_uri(reverse("invitation", args=[raw])), "invitation": invitation,
        "back": reverse("community", args=[slug]), "place": "communities",
    })


@require_http_methods(["GET", "POST"])
def accept_invitation(request: AuthedHttpRequest, token: str) -> HttpResponse:
    """An outside person opens their link, chooses a password, and lands in their ask or war room."""
    try:
        invitation = actions.find_invite(token)
    except NotFound as exc:
        return render(request, "asks/invitation.html", {"invalid": str(exc.message)}, status=404)
    error = ""
    if request.method == "POST":
        try:
            guest = actions.do_accept_invite(raw=token, display_name=request.POST.get("name", ""),
                                             password=request.POST.get("password", ""))
        except ActionError as exc:
            error = str(exc.message)
        else:
            login(request, guest, backend="django.contrib.auth.backends.ModelBackend")
            return HttpResponseRedirect(reverse("guest-home"))
    return render(request, "asks/invitation.html", {"invitation": invitation, "error": error},
                  status=400 if error else 200)


@login_required
def guest_home(request: AuthedHttpRequest) -> HttpResponse:
    """Where a guest lands: the asks and war rooms they were let into, nothing else."""
    asks = Ask.objects.filter(pk__in=GuestAccess.objects.filter(guest=request.user).values("ask_id")) \
        .select_related("post")
    rooms = Community.objects.filter(memberships__user=request.user)
    return render(request, "asks/guest_home.html", {"asks": asks, "rooms": rooms, "place": "home"})


@login_required
@require_POST
def away(request: AuthedHttpRequest) -> HttpResponse:
    """Set or clear an "away" period: no asks are routed to you until it ends."""
    days = request.POST.get("days", "").strip()
    user = request.user
    if days in ("", "0"):
        user.away_until = None
        messages.success(request, _("Welcome back: asks can reach you again."))
    elif re.fullmatch(r"[0-9]{1,3}", days) and int(days) <= 365:
        user.away_until = timezone.now() + timedelta(days=int(days))
        messages.success(request, _("You are away: no asks will be sent to you until you are back."))
    else:
        return refuse(request, ActionError(_("Say how many days you are away: 1 to 365.")), default=reverse("asks"))
    user.save(update_fields=["away_until"])
    return HttpResponseRedirect(reverse("asks"))
