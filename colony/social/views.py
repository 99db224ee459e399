from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST

from colony.core.errors import ActionError, NotFound
from colony.core.typing import AuthedHttpRequest
from colony.core.web import back_url, int_param, refuses_back_to
from colony.graph.models import Block, Follow, Mute
from colony.people import actions as people_actions
from colony.people import selectors as people_selectors
from colony.people.actions import access_person
from colony.people.models import User

from . import actions, selectors
from .models import REACTION_EMOJI, HashtagFollow, ReactionKind, Visibility


def timeline_page(request: AuthedHttpRequest, posts, context: dict, template: str) -> HttpResponse:
    """Render a timeline page, or just the next page of posts for htmx."""
    limit = selectors.DEFAULT_LIMIT
    context.update({
        "views": selectors.present(request.user, posts),
        "next_max_id": posts[-1].pk if len(posts) >= limit else None,
        "newest_id": posts[0].pk if posts else request.GET.get("since_id", 0),
        "visibilities": Visibility.choices,
    })
    if getattr(request, "htmx", False) and (request.GET.get("max_id") or request.GET.get("since_id")):
        if request.GET.get("since_id"):
            return render(request, "social/_new_posts.html", context)
        return render(request, "social/_post_page.html", context)
    return render(request, template, context)


@login_required
def organisation(request: AuthedHttpRequest) -> HttpResponse:
    posts = selectors.organisation_timeline(
        request.user, max_id=int_param(request, "max_id"), since_id=int_param(request, "since_id")
    )
    return timeline_page(request, posts, {"place": "organisation"}, "social/organisation.html")


@login_required
def hashtag(request: AuthedHttpRequest, name: str) -> HttpResponse:
    try:
        name = actions.check_hashtag(name)
    except ActionError:  # a name that is no hashtag is no page (not a refusal to show)
        raise Http404 from None
    posts = selectors.hashtag_timeline(request.user, name, max_id=int_param(request, "max_id"))
    following = HashtagFollow.objects.filter(user_id=request.user.pk, hashtag__name=name).exists()
    return timeline_page(request, posts, {"place": "organisation", "tag": name, "following": following},
                          "social/hashtag.html")


@login_required
@require_POST
@refuses_back_to()
def follow_hashtag(request: AuthedHttpRequest, name: str) -> HttpResponse:
    if request.POST.get("action") == "unfollow":
        actions.do_unfollow_hashtag(user=request.user, name=name)
    else:
        actions.do_follow_hashtag(user=request.user, name=name)
    return HttpResponseRedirect(reverse("hashtag", args=[name.lstrip("#").casefold()]))


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    post = actions.access_post(request.user, post_id)
    if post.author_id != request.user.pk:
        raise NotFound(_("That post does not exist or is not visible to you."))
    error = None
    text = post.text
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            actions.do_edit_post(editor=request.user, post=post, text=text)
        except ActionError as exc:  # shown on the form, so what was typed stays
            error = exc.message
        else:
            messages.success(request, _("Your post has been updated."))
            return redirect("post", post_id=post.pk)
    return render(request, "social/edit.html", {"post": post, "text": text, "error": error, "place": "home"},
                  status=400 if error else 200)


@login_required
@require_POST
@refuses_back_to()
def delete(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    post = actions.access_post(request.user, post_id)
    actions.do_delete_post(actor=request.user, post=post)
    if getattr(request, "htmx", False):
        return HttpResponse("")
    messages.success(request, _("The post has been deleted."))
    return HttpResponseRedirect(reverse("home"))


@login_required
def history(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    post = actions.access_post(request.user, post_id)
    return render(request, "social/history.html", {"post": post, "revisions": post.revisions.all(), "place": "home"})


@login_required
@require_POST
@refuses_back_to()
def react(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    kind = request.POST.get("kind", "")
    post = actions.access_post(request.user, post_id)
    if request.POST.get("action") == "remove":
        actions.do_unreact(user=request.user, post=post, kind=kind)
    else:
        actions.do_react(user=request.user, post=post, kind=kind)
    if getattr(request, "htmx", False):
        view = selectors.present(request.user, [post])[0]
        return render(request, "social/_reactions.html", {"view": view, "reaction_kinds": ReactionKind.choices,
                                                            "emoji": REACTION_EMOJI})
    return HttpResponseRedirect(back_url(request))


@login_required
@require_POST
@refuses_back_to()
def repost(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    post = actions.access_post(request.user, post_id)
    actions.do_repost(user=request.user, post=post, comment=request.POST.get("comment", ""))
    messages.success(request, _("Reposted to your followers."))
    return HttpResponseRedirect(back_url(request))


_RELATIONS = {
    ("follow", "on"): lambda me, other: actions.do_follow(follower=me, followee=other),
    ("follow", "off"): lambda me, other: actions.do_unfollow(follower=me, followee=other),
    ("mute", "on"): lambda me, other: actions.do_mute(user=me, target=other),
    ("mute", "off"): lambda me, other: actions.do_unmute(user=me, target=other),
    ("block", "on"): lambda me, other: actions.do_block(user=me, target=other),
    ("block", "off"): lambda me, other: actions.do_unblock(user=me, target=other),
}


@login_required
@require_POST
@refuses_back_to()
def relate(request: AuthedHttpRequest, handle: str, relation: str) -> HttpResponse:
    """Follow, mute or block (``state=on``) or undo it (``state=off``)."""
    do = _RELATIONS.get((relation, request.POST.get("state", "on")))
    if do is None:
        raise Http404
    other = access_person(handle, viewer=request.user)
    do(request.user, other)
    return HttpResponseRedirect(reverse("profile", args=[other.username]))


# --- a person's page (their posts), and their generated avatar ---

@login_required
def profile(request: AuthedHttpRequest, handle: str) -> HttpResponse:
    person = people_actions.access_person(handle, viewer=request.user)
    person = User.objects.select_related("team", "manager").prefetch_related("skills", "languages").get(pk=person.pk)
    me = request.user
    with_replies = request.GET.get("with_replies") == "1"
    posts = selectors.profile_timeline(me, person, max_id=int_param(request, "max_id"),
                                              with_replies=with_replies)
    context = {
        "person": person,
        "counts": people_selectors.counts(person),
        "following": Follow.objects.filter(follower_id=me.pk, followee=person).exists(),
        "muting": Mute.objects.filter(user_id=me.pk, target=person).exists(),
        "blocking": Block.objects.filter(user_id=me.pk, target=person).exists(),
        "views": selectors.present(me, posts),
        "next_max_id": posts[-1].pk if len(posts) >= selectors.DEFAULT_LIMIT else None,
        "with_replies": with_replies,
        "place": "people" if person.pk != me.pk else "profile",
    }
    if getattr(request, "htmx", False) and request.GET.get("max_id"):
        return render(request, "social/_post_page.html", context)
    return render(request, "people/profile.html", context)


_PALETTE = ["#2f6f4f", "#7a4b94", "#b5532a", "#2b5d9b", "#8a6d1d", "#a23b5a", "#3b7d86", "#5b6b2f"]


@login_required
@cache_control(private=True, max_age=86400)
def default_avatar(request: AuthedHttpRequest, handle: str) -> HttpResponse:
    """A generated avatar: initials on a colour picked from the handle.

    Only for people the viewer may know of (a guest: the people they work
    with), so it cannot be used to learn who exists.
    """
    person = (selectors.people_known_to(request.user).filter(username__iexact=handle)
              .only("username", "display_name").first())
    if person is None:
        return HttpResponse(status=404)
    name = person.name
    initials = "".join(w[0] for w in name.split()[:2]).upper() or "?"
    colour = _PALETTE[int(hashlib.sha256(handle.lower().encode()).hexdigest(), 16) % len(_PALETTE)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img">'
        f'<rect width="64" height="64" rx="32" fill="{colour}"/>'
        '<text x="32" y="40" font-family="system-ui,sans-serif" font-size="24" font-weight="600" '
        f'text-anchor="middle" fill="#fff">{escape(initials)}</text></svg>'
    )
    return HttpResponse(svg, content_type="image/svg+xml")
