from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from colony.communities.actions import access_community
from colony.core.errors import ActionError, NotFound
from colony.core.typing import AuthedHttpRequest
from colony.core.web import back_url, int_param, refuse
from colony.people.actions import access_person

from . import actions, selectors
from .models import REACTION_EMOJI, HashtagFollow, ReactionKind, Visibility


def _timeline_page(request: AuthedHttpRequest, posts, context: dict, template: str) -> HttpResponse:
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
def home(request: AuthedHttpRequest) -> HttpResponse:
    posts = selectors.home_timeline(
        request.user, max_id=int_param(request, "max_id"), since_id=int_param(request, "since_id")
    )
    from colony.announcements.selectors import pending_for

    must_read = selectors.present(request.user, [a.post for a in pending_for(request.user)])
    return _timeline_page(request, posts, {"place": "home", "live_url": reverse("home"), "must_read": must_read},
                          "social/home.html")


@login_required
def organisation(request: AuthedHttpRequest) -> HttpResponse:
    posts = selectors.organisation_timeline(
        request.user, max_id=int_param(request, "max_id"), since_id=int_param(request, "since_id")
    )
    return _timeline_page(request, posts, {"place": "organisation"}, "social/organisation.html")


@login_required
def hashtag(request: AuthedHttpRequest, name: str) -> HttpResponse:
    try:
        name = actions.check_hashtag(name)
    except ActionError:
        return render(request, "errors/404.html", status=404)
    posts = selectors.hashtag_timeline(request.user, name, max_id=int_param(request, "max_id"))
    following = HashtagFollow.objects.filter(user_id=request.user.pk, hashtag__name=name).exists()
    return _timeline_page(request, posts, {"place": "organisation", "tag": name, "following": following},
                          "social/hashtag.html")


@login_required
@require_POST
def follow_hashtag(request: AuthedHttpRequest, name: str) -> HttpResponse:
    try:
        if request.POST.get("action") == "unfollow":
            actions.do_unfollow_hashtag(user=request.user, name=name)
        else:
            actions.do_follow_hashtag(user=request.user, name=name)
    except ActionError as exc:
        return refuse(request, exc)
    return HttpResponseRedirect(reverse("hashtag", args=[name.lstrip("#").casefold()]))


@login_required
@require_POST
def compose(request: AuthedHttpRequest) -> HttpResponse:
    """Publish from the composer (home, thread reply forms)."""
    text = request.POST.get("text", "")
    try:
        reply_to = actions.access_post(request.user, request.POST["reply_to"]) if request.POST.get("reply_to") else None
        community = access_community(request.user, request.POST["community"]) if request.POST.get("community") else None
        uploads = [(f, f.name or "file") for f in request.FILES.getlist("attachments")]
        if request.POST.get("announcement") and reply_to is None:
            from colony.announcements.actions import do_publish_announcement

            post = do_publish_announcement(author=request.user, text=text, community=community).post
        else:
            post = actions.do_publish_post(
                author=request.user, text=text, visibility=request.POST.get("visibility"),
                reply_to=reply_to, uploads=uploads, community=community,
            )
    except ActionError as exc:
        if getattr(request, "htmx", False):
            return refuse(request, exc)
        messages.error(request, str(exc.message))
        return render(request, "social/compose_failed.html", {"text": text, "place": "home"}, status=exc.status)
    if getattr(request, "htmx", False):
        views = selectors.present(request.user, [post])
        response = render(request, "social/_new_posts.html", {"views": views, "just_posted": True})
        response["HX-Trigger"] = "colony:posted"
        return response
    messages.success(request, _("Your post is published."))
    return HttpResponseRedirect(reverse("post", args=[reply_to.thread_root_id or reply_to.pk]) if reply_to else back_url(request))


@login_required
def thread(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    try:
        post = actions.access_post(request.user, post_id)
    except NotFound:
        return render(request, "errors/404.html", status=404)
    ordered = selectors.thread(request.user, post)
    views = {v.post.pk: v for v in selectors.present(request.user, [p for p, _d in ordered])}
    items = [(views[p.pk], min(depth, 6)) for p, depth in ordered]
    from colony.announcements.models import Announcement
    from colony.announcements.selectors import tracker

    announcement = Announcement.objects.filter(post=post).first()
    show_tracker = announcement is not None and (post.author_id == request.user.pk or request.user.is_staff)
    return render(request, "social/thread.html", {
        "post": post, "items": items, "place": "home", "visibilities": Visibility.choices,
        "announcement": announcement, "tracker": tracker(announcement) if show_tracker and announcement else None,
    })


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    try:
        post = actions.access_post(request.user, post_id)
        if post.author_id != request.user.pk:
            raise NotFound(_("That post does not exist or is not visible to you."))
    except NotFound:
        return render(request, "errors/404.html", status=404)
    error = None
    text = post.text
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            actions.do_edit_post(editor=request.user, post=post, text=text)
        except ActionError as exc:
            error = exc.message
        else:
            messages.success(request, _("Your post has been updated."))
            return redirect("post", post_id=post.pk)
    return render(request, "social/edit.html", {"post": post, "text": text, "error": error, "place": "home"},
                  status=400 if error else 200)


@login_required
@require_POST
def delete(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    try:
        post = actions.access_post(request.user, post_id)
        actions.do_delete_post(actor=request.user, post=post)
    except ActionError as exc:
        return refuse(request, exc)
    if getattr(request, "htmx", False):
        return HttpResponse("")
    messages.success(request, _("The post has been deleted."))
    return HttpResponseRedirect(reverse("home"))


@login_required
def history(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    try:
        post = actions.access_post(request.user, post_id)
    except NotFound:
        return render(request, "errors/404.html", status=404)
    return render(request, "social/history.html", {"post": post, "revisions": post.revisions.all(), "place": "home"})


@login_required
@require_POST
def react(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    kind = request.POST.get("kind", "")
    try:
        post = actions.access_post(request.user, post_id)
        if request.POST.get("action") == "remove":
            actions.do_unreact(user=request.user, post=post, kind=kind)
        else:
            actions.do_react(user=request.user, post=post, kind=kind)
    except ActionError as exc:
        return refuse(request, exc)
    if getattr(request, "htmx", False):
        view = selectors.present(request.user, [post])[0]
        return render(request, "social/_reactions.html", {"view": view, "reaction_kinds": ReactionKind.choices,
                                                            "emoji": REACTION_EMOJI})
    return HttpResponseRedirect(back_url(request))


@login_required
@require_POST
def repost(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    try:
        post = actions.access_post(request.user, post_id)
        actions.do_repost(user=request.user, post=post, comment=request.POST.get("comment", ""))
    except ActionError as exc:
        return refuse(request, exc)
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
def relate(request: AuthedHttpRequest, handle: str, relation: str) -> HttpResponse:
    """Follow, mute or block (``state=on``) or undo it (``state=off``)."""
    do = _RELATIONS.get((relation, request.POST.get("state", "on")))
    if do is None:
        return render(request, "errors/404.html", status=404)
    try:
        other = access_person(handle, viewer=request.user)
        do(request.user, other)
    except ActionError as exc:
        return refuse(request, exc)
    return HttpResponseRedirect(reverse("profile", args=[other.username]))
