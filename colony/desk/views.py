"""Pages of the leader's desk: the composer with live checks, drafts, review, audit, delegates, policy."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from colony.core.errors import ActionError, NotFound
from colony.core.ids import parse_id
from colony.core.typing import AuthedHttpRequest
from colony.core.web import refuses_back_to
from colony.people.actions import access_person
from colony.social.actions import access_post
from colony.social.models import Visibility

from . import actions, selectors
from .api import audit_out, csv_response
from .checks import CHANNELS, KINDS, measure_length, shorten
from .models import BrandTerm, Draft, Policy

CHANNEL_NAMES = {"colony": "Colony", "mastodon": "Mastodon", "x": "X", "linkedin": "LinkedIn", "bluesky": "Bluesky"}


UNSCHEDULED_NOTE = gettext_lazy("The change took the post off the schedule: it goes out only when you publish or schedule "
                        "it again, after the checks have looked at the new text.")


def _desk_user(request: AuthedHttpRequest) -> None:
    if not (selectors.uses_desk(request.user) or selectors.is_reviewer(request.user)):
        raise NotFound(_("The desk is for leaders, their delegates and reviewers."))


@login_required
def index(request: AuthedHttpRequest) -> HttpResponse:
    _desk_user(request)
    mine = selectors.written_by(request.user)
    open_states = [Draft.Status.DRAFT, Draft.Status.READY, Draft.Status.CHANGES_REQUESTED]
    return render(request, "desk/index.html", {
        "drafts": mine.filter(status__in=open_states)[:50],
        "in_review": mine.filter(status__in=[Draft.Status.IN_REVIEW, Draft.Status.REJECTED])[:50],
        "scheduled": mine.filter(status=Draft.Status.SCHEDULED).order_by("scheduled_at")[:50],
        "published": mine.filter(status=Draft.Status.PUBLISHED).order_by("-updated_at")[:20],
        "writes_for": selectors.writes_for(request.user),
        "review_count": selectors.waiting_for(request.user).count()
        if selectors.is_reviewer(request.user) else 0,
        "is_reviewer": selectors.is_reviewer(request.user),
        "can_manage": request.user.has_perm("desk.manage_policy"),
        "place": "desk",
    })


@login_required
@require_POST
@refuses_back_to("desk")
def create(request: AuthedHttpRequest) -> HttpResponse:
    author = access_person(request.POST["author"], viewer=request.user) if request.POST.get("author") else None
    draft = actions.do_create_draft(writer=request.user, text=request.POST.get("text", ""), author=author)
    return HttpResponseRedirect(reverse("desk-draft", args=[draft.pk]))


def _draft_context(request: AuthedHttpRequest, draft: Draft) -> dict[str, Any]:
    writer = draft.drafted_by
    result = actions.run_checks(draft.text, writer=request.user) if draft.text else None
    is_writer = draft.author_id == request.user.pk or selectors.delegation(draft.author, request.user) is not None
    return {
        "draft": draft, "result": result, "findings": actions.findings_data(result) if result else [],
        # A writer sees the draft's whole story; a reviewer only what was sent to review.
        "events": selectors.draft_events(draft) if is_writer else selectors.audit_rows(request.user, draft.pk),
        "is_writer": is_writer, "writer": writer,
        "can_publish": selectors.may_publish(request.user, draft),
        "can_review": selectors.may_review(request.user, draft),
        "visibilities": Visibility.choices, "place": "desk",
        "now": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    }


@login_required
def draft(request: AuthedHttpRequest, draft_id: int) -> HttpResponse:
    found = selectors.access_draft(request.user, draft_id)
    return render(request, "desk/draft.html", _draft_context(request, found))


@login_required
@require_POST
def check(request: AuthedHttpRequest) -> HttpResponse:
    """The live findings under the composer (an htmx fragment)."""
    text = request.POST.get("text", "")[:100_000]
    channel = request.POST.get("channel", "colony")
    if channel not in CHANNELS:
        channel = "colony"
    result = actions.run_checks(text, channel=channel, writer=request.user)
    return render(request, "desk/_findings.html", {"result": result, "findings": actions.findings_data(result),
                                                   "text": text})


@login_required
@require_POST
@refuses_back_to("desk")
def save(request: AuthedHttpRequest, draft_id: int) -> HttpResponse:
    autosave = request.POST.get("autosave") == "1"
    found = selectors.access_draft(request.user, draft_id)
    actions.check_writer(request.user, found)
    was_scheduled = found.status == Draft.Status.SCHEDULED
    found = actions.do_edit_draft(draft=found, editor=request.user, text=request.POST.get("text", ""),
                                  visibility=request.POST.get("visibility") or None, autosave=autosave)
    unscheduled = was_scheduled and found.status != Draft.Status.SCHEDULED
    if getattr(request, "htmx", False):
        return render(request, "desk/_saved.html", {"draft": found, "autosave": autosave, "unscheduled": unscheduled})
    if unscheduled:
        messages.warning(request, UNSCHEDULED_NOTE)
    messages.success(request, _("Saved."))
    return HttpResponseRedirect(reverse("desk-draft", args=[found.pk]))


def _moment(value: str) -> datetime | None:
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        raise ActionError(_("Choose a date and time."), field="scheduled_at")
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


@login_required
@require_POST
@refuses_back_to("desk-draft", "draft_id")
def submit(request: AuthedHttpRequest, draft_id: int) -> HttpResponse:
    found = selectors.access_draft(request.user, draft_id)
    actions.check_writer(request.user, found)
    if "text" in request.POST:
        found = actions.do_edit_draft(draft=found, editor=request.user, text=request.POST["text"],
                                      visibility=request.POST.get("visibility") or None)
    when = _moment(request.POST.get("scheduled_at", "")) if request.POST.get("schedule") else None
    found = actions.do_submit(draft=found, actor=request.user, scheduled_at=when)
    notes = {
        Draft.Status.IN_REVIEW: _("Sent to review: the policy asks a reviewer to look at this first."),
        Draft.Status.SCHEDULED: _("Scheduled."),
        Draft.Status.PUBLISHED: _("Published."),
        Draft.Status.READY: _("Handed to the author to publish."),
    }
    messages.success(request, notes.get(Draft.Status(found.status), _("Saved.")))
    if found.status == Draft.Status.PUBLISHED and found.post_id:
        return HttpResponseRedirect(reverse("post", args=[found.post_id]))
    return HttpResponseRedirect(reverse("desk-draft", args=[found.pk]))


@login_required
@require_POST
@refuses_back_to("desk-draft", "draft_id")
def review(request: AuthedHttpRequest, draft_id: int) -> HttpResponse:
    found = selectors.access_draft(request.user, draft_id)
    actions.do_review(draft=found, reviewer=request.user, decision=request.POST.get("decision", ""),
                      comment=request.POST.get("comment", ""))
    messages.success(request, _("Your decision is recorded and the author has been told."))
    return HttpResponseRedirect(reverse("desk-review"))


@login_required
@require_POST
@refuses_back_to("desk-draft", "draft_id")
def act(request: AuthedHttpRequest, draft_id: int, action: str) -> HttpResponse:
    """Unschedule or delete a draft."""
    found = selectors.access_draft(request.user, draft_id)
    actions.check_writer(request.user, found)
    if action == "unschedule":
        actions.do_unschedule(draft=found, actor=request.user)
    elif action == "delete":
        actions.do_delete_draft(draft=found, actor=request.user)
        messages.success(request, _("The draft is deleted."))
        return HttpResponseRedirect(reverse("desk"))
    else:
        raise NotFound(_("Unknown action."))
    return HttpResponseRedirect(reverse("desk-draft", args=[draft_id]))


@login_required
def review_queue(request: AuthedHttpRequest) -> HttpResponse:
    if not selectors.is_reviewer(request.user):
        raise Http404
    waiting = selectors.waiting_for(request.user).select_related("author", "drafted_by").order_by("updated_at")
    return render(request, "desk/review.html", {"waiting": waiting, "place": "desk"})


@login_required
def audit(request: AuthedHttpRequest, fmt: str = "html") -> HttpResponse:
    _desk_user(request)
    rows = selectors.audit_rows(request.user)
    if fmt == "csv":
        return csv_response(rows)
    if fmt == "json":
        response = JsonResponse([audit_out(e) for e in rows[:10_000]], safe=False,
                                json_dumps_params={"ensure_ascii": False, "default": str})
        response["Content-Disposition"] = 'attachment; filename="colony-audit.json"'
        return response
    return render(request, "desk/audit.html", {"events": rows.order_by("-id")[:200], "place": "desk"})


@login_required
@require_http_methods(["GET", "POST"])
@refuses_back_to("desk-delegates")
def delegates(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("desk.use_desk"):
        raise Http404
    if request.method == "POST":
        person = access_person(request.POST.get("handle", "").strip(), viewer=request.user)
        if request.POST.get("remove"):
            actions.do_revoke(leader=request.user, assistant=person)
        else:
            actions.do_delegate(leader=request.user, assistant=person,
                                can_publish=request.POST.get("can_publish") == "on")
        return HttpResponseRedirect(reverse("desk-delegates"))
    return render(request, "desk/delegates.html", {
        "delegations": selectors.delegations_of(request.user), "place": "desk",
    })


@login_required
@require_http_methods(["GET", "POST"])
@refuses_back_to("desk-policy")
def policy(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("desk.manage_policy"):
        raise Http404
    if request.method == "POST":
        if request.POST.get("form") == "term":
            actions.do_add_brand_term(actor=request.user, kind=request.POST.get("kind", ""),
                                      term=request.POST.get("term", ""),
                                      replacement=request.POST.get("replacement", ""))
        elif request.POST.get("form") == "remove-term":
            actions.do_remove_brand_term(actor=request.user, term_id=parse_id(request.POST.get("term_id", "")) or 0)
        else:
            actions.do_set_policy(actor=request.user, review_kinds=request.POST.getlist("review_kinds"),
                                  min_severity=request.POST.get("min_severity", "warn"),
                                  applies_to=request.POST.get("applies_to", "leaders"),
                                  safe_harbour=request.POST.get("safe_harbour", ""))
            messages.success(request, _("The policy is saved."))
        return HttpResponseRedirect(reverse("desk-policy"))
    return render(request, "desk/policy.html", {
        "policy": Policy.current(), "kinds": KINDS, "terms": selectors.brand_terms(),
        "term_kinds": BrandTerm.Kind.choices, "applies": Policy.AppliesTo.choices, "place": "desk",
    })


@login_required
def copy_for(request: AuthedHttpRequest, post_id: int) -> HttpResponse:
    """A post prepared for another network: its length there, and a shortened version that fits."""
    post = access_post(request.user, post_id)
    if post.author_id != request.user.pk and selectors.delegation(post.author, request.user) is None:
        raise Http404
    channel = request.GET.get("channel", "x")
    if channel not in CHANNELS:
        channel = "x"
    used, limit = measure_length(post.text, channel)
    short = shorten(post.text, channel) if used > limit else post.text
    short_used, _limit = measure_length(short, channel)
    return render(request, "desk/copy.html", {
        "post": post, "channel": channel, "channels": [(c, CHANNEL_NAMES[c]) for c in CHANNELS if c != "colony"],
        "used": used, "limit": limit, "short": short, "short_used": short_used, "place": "desk",
        "channel_name": CHANNEL_NAMES[channel],
    })
