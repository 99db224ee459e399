"""Pages that put several places together: the home (with the announcements
still to read), the composer (a post or an announcement) and a conversation
(with an announcement's tracker). They live above the features they use."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from colony.announcements.actions import do_publish_announcement
from colony.announcements.models import Announcement
from colony.announcements.selectors import pending_for, tracker
from colony.communities.actions import access_community
from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.core.web import back_url, int_param, refuse
from colony.social import actions, selectors
from colony.social.models import Visibility
from colony.social.views import timeline_page


@login_required
def home(request: AuthedHttpRequest) -> HttpResponse:
    posts = selectors.home_timeline(
        request.user, max_id=int_param(request, "max_id"), since_id=int_param(request, "since_id")
    )
    must_read = selectors.present(request.user, [a.post for a in pending_for(request.user)])
    return timeline_page(request, posts, {"place": "home", "live_url": reverse("home"), "must_read": must_read},
                          "social/home.html")


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
            post = do_publish_announcement(author=request.user, text=text, community=community).post
        else:
            post = actions.do_publish_post(
                author=request.user, text=text, visibility=request.POST.get("visibility"),
                reply_to=reply_to, uploads=uploads, community=community,
            )
    except ActionError as exc:
        if getattr(request, "htmx", False):
            return refuse(request, exc)  # the composer on the page still holds the text
        # Without htmx the text would be lost with the page: this one gives it back.
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
    post = actions.access_post(request.user, post_id)
    ordered = selectors.thread(request.user, post)
    views = {v.post.pk: v for v in selectors.present(request.user, [p for p, _d in ordered])}
    items = [(views[p.pk], min(depth, 6)) for p, depth in ordered]
    announcement = Announcement.objects.filter(post=post).first()
    show_tracker = announcement is not None and (post.author_id == request.user.pk or request.user.is_staff)
    return render(request, "social/thread.html", {
        "post": post, "items": items, "place": "home", "visibilities": Visibility.choices,
        "announcement": announcement, "tracker": tracker(announcement) if show_tracker and announcement else None,
    })
