from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from colony.core.errors import ActionError, NotFound
from colony.core.ids import parse_id
from colony.core.typing import AuthedHttpRequest
from colony.core.web import add_refusal, int_param, refuses_back_to
from colony.people.actions import access_person
from colony.social import selectors as social_selectors
from colony.social.models import Visibility

from . import actions, selectors
from .forms import CommunityForm
from .models import Community, Membership

# Actions on someone else, named by the form's ``handle``.
PERSON_ACTIONS = ("add", "approve", "decline", "remove", "make_moderator", "make_member")


def _by_slug(request: AuthedHttpRequest, slug: str) -> Community:
    found = Community.objects.visible_to(request.user).filter(slug=slug).first()
    if found is None:
        raise NotFound(_("That community does not exist or is not visible to you."))
    return found


@login_required
def index(request: AuthedHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    return render(request, "communities/index.html", {
        "mine": selectors.directory(request.user, mine=True),
        "all": selectors.directory(request.user, query=query)[:200],
        "query": query, "place": "communities",
    })


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthedHttpRequest) -> HttpResponse:
    form = CommunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            community = actions.do_create_community(
                creator=request.user, name=form.cleaned_data["name"], kind=form.cleaned_data["kind"],
                description=form.cleaned_data["description"],
            )
        except ActionError as exc:  # shown on the form, so what was typed stays
            add_refusal(form, exc)
        else:
            return HttpResponseRedirect(reverse("community", args=[community.slug]))
    return render(request, "communities/create.html", {"form": form, "place": "communities"},
                  status=400 if form.errors else 200)


@login_required
def detail(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    community = _by_slug(request, slug)
    me = actions.membership(request.user, community)
    posts = selectors.community_timeline(request.user, community, max_id=int_param(request, "max_id"))
    context = {
        "community": community, "membership": me,
        "requested": community.join_requests.filter(user=request.user).exists(),
        "member_count": community.memberships.count(),
        "pinned": social_selectors.present(request.user, selectors.pinned(request.user, community)),
        "views": social_selectors.present(request.user, posts),
        "next_max_id": posts[-1].pk if len(posts) >= social_selectors.DEFAULT_LIMIT else None,
        "visibilities": Visibility.choices, "place": "communities",
    }
    if getattr(request, "htmx", False) and request.GET.get("max_id"):
        return render(request, "social/_post_page.html", context)
    return render(request, "communities/detail.html", context)


@login_required
def members(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    community = _by_slug(request, slug)
    me = actions.membership(request.user, community)
    return render(request, "communities/members.html", {
        "community": community, "membership": me, "members": selectors.members(community),
        "requests": selectors.pending_requests(community) if me and me.moderates else [],
        "log": community.moderation_log.select_related("actor", "target_user")[:50] if me and me.moderates else [],
        "place": "communities",
    })


@login_required
@require_POST
@refuses_back_to("communities")
def act(request: AuthedHttpRequest, slug: str, action: str) -> HttpResponse:
    """join, leave, add, approve, decline, remove, make_moderator, make_member, remove_post, pin, unpin,
    archive. The actions decide who may do what (only owners change roles); this only translates."""
    community = _by_slug(request, slug)
    person = request.user
    if action in PERSON_ACTIONS:
        handle = request.POST.get("handle", "").strip()
        if not handle:
            raise ActionError(_("Say whom: give the person's handle."), field="handle")
        person = access_person(handle, viewer=request.user)
    raw_post_id = request.POST.get("post_id", "")
    post_id = parse_id(raw_post_id) or 0
    if action == "join":
        status = actions.do_join(user=request.user, community=community)
        messages.success(request, _("You joined the community.") if status == "member"
                         else _("Your request to join was sent to the moderators."))
    elif action == "leave":
        actions.do_leave(user=request.user, community=community)
        messages.success(request, _("You left the community."))
    elif action in ("add", "approve"):
        actions.do_add_member(moderator=request.user, community=community, person=person)
    elif action in ("make_moderator", "make_member"):
        role = Membership.Role.MODERATOR if action == "make_moderator" else Membership.Role.MEMBER
        actions.do_add_member(moderator=request.user, community=community, person=person, role=role)
    elif action == "decline":
        actions.do_decline(moderator=request.user, community=community, person=person)
    elif action == "remove":
        actions.do_remove_member(moderator=request.user, community=community, person=person)
    elif action == "remove_post":
        actions.do_remove_post(moderator=request.user, community=community, post_id=post_id)
    elif action in ("pin", "unpin"):
        actions.do_pin(moderator=request.user, community=community, post_id=post_id, pinned=action == "pin")
    elif action == "archive":
        actions.do_archive(moderator=request.user, community=community)
    else:
        raise Http404
    if action in PERSON_ACTIONS:
        return HttpResponseRedirect(reverse("community-members", args=[community.slug]))
    if action == "leave" and community.kind == Community.Kind.SECRET:
        return HttpResponseRedirect(reverse("communities"))
    return HttpResponseRedirect(reverse("community", args=[community.slug]))
