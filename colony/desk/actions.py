"""Writes for the leader's desk: drafts, checks, review, schedules, delegates, policy.

Each state change appends to the audit log in the same transaction, so the
log and the drafts can never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from colony.core.errors import ActionError, Forbidden
from colony.core.tasks import enqueue_on_commit
from colony.notifications.actions import notify
from colony.notifications.models import Notification
from colony.people.models import User
from colony.social.actions import do_publish_post
from colony.social.models import Visibility

from . import tasks
from .checks import KINDS, check
from .models import AuditEvent, BrandTerm, Delegation, Draft, DraftVersion, Policy
from .selectors import brand_rules, delegation, is_reviewer, may_publish, wrote_any_version

SEVERITY_RANK = {"info": 0, "warn": 1, "block": 2}
MAX_TEXT = 100_000  # what a draft may hold; publishing still applies the post limit


# --- who may do what ------------------------------------------------------------

def check_writer(user: User, draft: Draft) -> None:
    """Only the author and their delegates change a draft (reviewers only decide on it)."""
    if draft.author_id != user.pk and delegation(draft.author, user) is None:
        raise Forbidden(_("Only the author and their delegates edit a draft."))


# --- checks -----------------------------------------------------------------------

def run_checks(text: str, *, channel: str = "colony", language: str | None = None, writer: User | None = None,
               replying_to_abusive: bool = False) -> Any:
    """The guardrail checks, with messages in the writer's language."""
    with translation.override(writer.ui_language if writer is not None and writer.ui_language else
                              translation.get_language()):
        return check(text, channel=channel, language=language, brand=brand_rules(),
                     replying_to_abusive=replying_to_abusive)


def findings_data(result: Any) -> list[dict[str, Any]]:
    return [
        {"kind": f.kind, "severity": f.severity, "start": f.start, "end": f.end, "message": f.message,
         "suggestion": f.suggestion}
        for f in result.findings
    ]


def review_reasons(author: User, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings the policy says need a reviewer's eyes before ``author`` publishes."""
    policy = Policy.current()
    if policy.applies_to == Policy.AppliesTo.LEADERS and not author.has_perm("desk.use_desk"):
        return []
    floor = SEVERITY_RANK.get(policy.min_severity, 1)
    return [f for f in findings if f["kind"] in policy.review_kinds and SEVERITY_RANK.get(f["severity"], 0) >= floor]


# --- drafts -------------------------------------------------------------------------

def _log(draft: Draft, actor: User | None, action: str, *, comment: str = "",
         findings: list[dict[str, Any]] | None = None) -> AuditEvent:
    return AuditEvent.objects.create(draft_id=draft.pk, author_id=draft.author_id, actor=actor, action=action,
                                     version=draft.version, text=draft.text, comment=comment,
                                     findings=findings if findings is not None else [])


def check_text(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ActionError(_("A draft is limited to %(limit)d characters.") % {"limit": MAX_TEXT}, field="text")
    return text


def check_visibility(value: str | None) -> str:
    value = value or Visibility.ORGANISATION
    if value not in Visibility.values:
        raise ActionError(_("Choose who can see the post."), field="visibility")
    return value


@transaction.atomic
def do_create_draft(*, writer: User, text: str = "", author: User | None = None,
                    visibility: str = Visibility.ORGANISATION) -> Draft:
    """Start a draft as ``author`` (default: the writer); a delegate writes for a leader who granted it."""
    author = author or writer
    if author.pk != writer.pk and delegation(author, writer) is None:
        raise Forbidden(_("%(name)s has not made you a delegate.") % {"name": author.name})
    if author.pk == writer.pk and not writer.has_perm("desk.use_desk"):
        raise Forbidden(_("The desk is for leaders and their delegates."))
    draft = Draft.objects.create(author=author, drafted_by=writer, text=check_text(text),
                                 visibility=check_visibility(visibility))
    DraftVersion.objects.create(draft=draft, number=1, text=draft.text, edited_by=writer)
    _log(draft, writer, AuditEvent.Action.CREATED)
    return draft


@transaction.atomic
def do_edit_draft(*, draft: Draft, editor: User, text: str, visibility: str | None = None,
                  autosave: bool = False) -> Draft:
    """Save new text. An autosave updates the current version; a save starts a new numbered one.

    Editing a draft that changes were requested on is how an author answers the
    reviewer; it goes back to review when submitted again.
    """
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if not draft.editable:
        raise ActionError(_("This draft can no longer be edited."), code="not_editable")
    text = check_text(text)
    new_visibility = check_visibility(visibility) if visibility is not None else draft.visibility
    if text == draft.text and new_visibility == draft.visibility:
        return draft
    draft.text, draft.visibility = text, new_visibility
    # What was checked or approved is no longer what the draft says.
    draft.checked_text, draft.checked_version = "", None
    was_scheduled = draft.status == Draft.Status.SCHEDULED
    if was_scheduled:
        # Back to a draft: it goes out only when submitted again, so the policy
        # (and a reviewer, if it asks for one) sees the new text. The time is
        # kept as a suggestion for the next submission.
        draft.status = Draft.Status.DRAFT
        _log(draft, editor, AuditEvent.Action.UNSCHEDULED)
    # A version someone else has seen (a reviewer, the schedule) is never rewritten in place.
    if not autosave or draft.status == Draft.Status.CHANGES_REQUESTED or was_scheduled:
        last = draft.versions.order_by("-number").first()
        if last is None or last.text != text:
            draft.version += 1
            DraftVersion.objects.create(draft=draft, number=draft.version, text=text, edited_by=editor)
            _log(draft, editor, AuditEvent.Action.EDITED)
    else:
        DraftVersion.objects.update_or_create(draft=draft, number=draft.version,
                                              defaults={"text": text, "edited_by": editor})
    draft.save()
    return draft


def _publishable(draft: Draft) -> str:
    text = draft.text.strip()
    if not text:
        raise ActionError(_("Write something before publishing."), field="text")
    if len(text) > settings.COLONY_MAX_POST_LENGTH:
        raise ActionError(_("A post is limited to %(limit)d characters.") % {"limit": settings.COLONY_MAX_POST_LENGTH},
                          field="text")
    return text


def _check_future(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment <= timezone.now():
        raise ActionError(_("Choose a time in the future."), field="scheduled_at")
    return moment


def _reviewers() -> list[int]:
    from django.contrib.auth.models import Permission

    perm = Permission.objects.filter(codename="review_post", content_type__app_label="desk").first()
    if perm is None:
        return []
    return list(User.objects.filter(Q(user_permissions=perm) | Q(groups__permissions=perm) | Q(is_superuser=True),
                                    is_active=True, is_guest=False).distinct().values_list("pk", flat=True))


@transaction.atomic
def do_submit(*, draft: Draft, actor: User, scheduled_at: datetime | None = None) -> Draft:
    """Publish (now or at ``scheduled_at``), or send to review when the policy says so.

    A delegate without the right to publish hands the draft to the author instead.
    """
    draft = Draft.objects.select_for_update().select_related("author").get(pk=draft.pk)
    if draft.status not in (Draft.Status.DRAFT, Draft.Status.READY, Draft.Status.CHANGES_REQUESTED,
                            Draft.Status.SCHEDULED):
        raise ActionError(_("This draft has already been submitted."), code="already_submitted")
    _publishable(draft)
    scheduled_at = _check_future(scheduled_at)
    if not may_publish(actor, draft):
        draft.status = Draft.Status.READY
        draft.scheduled_at = scheduled_at
        draft.save()
        _log(draft, actor, AuditEvent.Action.HANDED_OVER)
        notify(recipients=[draft.author_id], actor=actor, kind=Notification.Kind.DRAFTED, detail=str(draft.pk))
        return draft
    result = run_checks(draft.text, writer=draft.drafted_by)
    findings = findings_data(result)
    draft.findings = findings
    reasons = review_reasons(draft.author, findings)
    draft.scheduled_at = scheduled_at
    if reasons:
        draft.status = Draft.Status.IN_REVIEW
        draft.review_reasons = reasons
        draft.save()
        _log(draft, actor, AuditEvent.Action.SUBMITTED, findings=reasons)
        writers = set(draft.versions.values_list("edited_by_id", flat=True)) | {draft.author_id, draft.drafted_by_id}
        notify(recipients=[r for r in _reviewers() if r not in writers], actor=draft.author,
               kind=Notification.Kind.REVIEW, detail=str(draft.pk))
        return draft
    _mark_checked(draft)
    draft.save()
    return _publish_or_schedule(draft, actor)


def _mark_checked(draft: Draft) -> None:
    """Record the exact text that passed the policy or a reviewer: the only text that may go out."""
    draft.checked_text, draft.checked_version = draft.text, draft.version


def _publish_or_schedule(draft: Draft, actor: User | None) -> Draft:
    if draft.scheduled_at is not None and draft.scheduled_at > timezone.now():
        draft.status = Draft.Status.SCHEDULED
        draft.save()
        _log(draft, actor, AuditEvent.Action.SCHEDULED, comment=draft.scheduled_at.isoformat())
        enqueue_on_commit(tasks.publish_at_time, draft.pk)
        return draft
    return _publish(draft, actor)


class NotChecked(ActionError):
    code = "not_checked"


def _publish(draft: Draft, actor: User | None) -> Draft:
    """Publish exactly the checked (or approved) text; anything else is refused."""
    if draft.checked_version is None or draft.checked_version != draft.version or draft.checked_text != draft.text:
        raise NotChecked(_("This text changed after it was checked; submit it again."))
    post = do_publish_post(author=draft.author, text=_publishable(draft), visibility=draft.visibility)
    if draft.drafted_by_id != draft.author_id:
        post.drafted_with_id = draft.drafted_by_id
        post.save(update_fields=["drafted_with"])
    draft.post = post
    draft.status = Draft.Status.PUBLISHED
    draft.save()
    _log(draft, actor, AuditEvent.Action.PUBLISHED)
    return draft


@transaction.atomic
def do_review(*, draft: Draft, reviewer: User, decision: str, comment: str = "") -> Draft:
    """Approve (then it publishes, or waits for its time), request changes (with a comment), or reject."""
    if not is_reviewer(reviewer):
        raise Forbidden(_("Only reviewers can decide on posts in review."))
    draft = Draft.objects.select_for_update().select_related("author", "drafted_by").get(pk=draft.pk)
    if draft.status != Draft.Status.IN_REVIEW:
        raise ActionError(_("This draft is not waiting for review."), code="not_in_review")
    if wrote_any_version(reviewer, draft):
        raise Forbidden(_("Nobody reviews text they wrote: another reviewer decides on this one."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise ActionError(_("A comment is limited to %(limit)d characters.") % {"limit": 2000}, field="comment")
    recipients = {draft.author_id, draft.drafted_by_id}
    if decision == "approve":
        _mark_checked(draft)
        draft.save()
        _log(draft, reviewer, AuditEvent.Action.APPROVED, comment=comment)
        notify(recipients=recipients, actor=reviewer, kind=Notification.Kind.REVIEWED, detail=str(draft.pk))
        return _publish_or_schedule(draft, reviewer)
    if decision == "changes":
        if not comment:
            raise ActionError(_("Say what should change."), field="comment")
        draft.status = Draft.Status.CHANGES_REQUESTED
        action = AuditEvent.Action.CHANGES_REQUESTED
    elif decision == "reject":
        draft.status = Draft.Status.REJECTED
        action = AuditEvent.Action.REJECTED
    else:
        raise ActionError(_("A decision is approve, changes or reject."), field="decision")
    draft.save()
    _log(draft, reviewer, action, comment=comment)
    notify(recipients=recipients, actor=reviewer, kind=Notification.Kind.REVIEWED, detail=str(draft.pk))
    return draft


@transaction.atomic
def do_unschedule(*, draft: Draft, actor: User) -> Draft:
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if draft.status != Draft.Status.SCHEDULED:
        raise ActionError(_("This draft is not scheduled."), code="not_scheduled")
    draft.status, draft.scheduled_at = Draft.Status.DRAFT, None
    draft.save()
    _log(draft, actor, AuditEvent.Action.UNSCHEDULED)
    return draft


@transaction.atomic
def do_delete_draft(*, draft: Draft, actor: User) -> None:
    if draft.status in (Draft.Status.PUBLISHED, Draft.Status.PUBLISHING):
        raise ActionError(_("A published post is deleted from the post itself."), code="published")
    _log(draft, actor, AuditEvent.Action.DELETED)
    draft.delete()


def publish_due(now: datetime | None = None) -> int:
    """Publish every scheduled draft whose time has come, each exactly once.

    A conditional update claims a draft (scheduled → publishing) before it is
    published, so two workers, a retry or a restart can never publish it twice;
    a post due while the server was down goes out on the first run after it.
    """
    now = now or timezone.now()
    published = 0
    for pk in list(Draft.objects.filter(status=Draft.Status.SCHEDULED, scheduled_at__lte=now)
                   .values_list("pk", flat=True)):
        with transaction.atomic():
            if not Draft.objects.filter(pk=pk, status=Draft.Status.SCHEDULED).update(status=Draft.Status.PUBLISHING):
                continue
            draft = Draft.objects.select_related("author", "drafted_by").get(pk=pk)
            try:
                with transaction.atomic():
                    _publish(draft, None)
            except ActionError as exc:
                # Never publish what was not checked (or no longer publishable):
                # hand it back to its author to look at and submit again.
                draft.status = Draft.Status.DRAFT
                draft.save(update_fields=["status"])
                _log(draft, None, AuditEvent.Action.UNSCHEDULED, comment=str(exc.message))
                continue
            published += 1
    return published


# --- delegates, policy, brand voice -------------------------------------------------

@transaction.atomic
def do_delegate(*, leader: User, assistant: User, can_publish: bool = False) -> Delegation:
    if not leader.has_perm("desk.use_desk"):
        raise Forbidden(_("The desk is for leaders and their delegates."))
    if assistant.pk == leader.pk or assistant.is_guest or not assistant.is_active:
        raise ActionError(_("Choose a colleague as your delegate."), field="assistant")
    found, _created = Delegation.objects.update_or_create(leader=leader, assistant=assistant,
                                                          defaults={"can_publish": can_publish})
    return found


@transaction.atomic
def do_revoke(*, leader: User, assistant: User) -> None:
    Delegation.objects.filter(leader=leader, assistant=assistant).delete()


def check_manager(user: User) -> None:
    if not user.has_perm("desk.manage_policy"):
        raise Forbidden(_("Only communications administrators can change the policy and brand voice."))


@transaction.atomic
def do_set_policy(*, actor: User, review_kinds: list[str], min_severity: str, applies_to: str,
                  safe_harbour: str) -> Policy:
    check_manager(actor)
    unknown = [k for k in review_kinds if k not in KINDS]
    if unknown:
        raise ActionError(_("Unknown kinds of finding: %(kinds)s.") % {"kinds": ", ".join(unknown)},
                          field="review_kinds")
    if min_severity not in SEVERITY_RANK:
        raise ActionError(_("A severity is info, warn or block."), field="min_severity")
    if applies_to not in Policy.AppliesTo.values:
        raise ActionError(_("The policy applies to leaders or everyone."), field="applies_to")
    if len(safe_harbour) > 2000:
        raise ActionError(_("The safe-harbour wording is limited to %(limit)d characters.") % {"limit": 2000},
                          field="safe_harbour")
    policy = Policy.current()
    policy.review_kinds, policy.min_severity = list(dict.fromkeys(review_kinds)), min_severity
    policy.applies_to, policy.safe_harbour = applies_to, safe_harbour.strip()
    policy.save()
    return policy


@transaction.atomic
def do_add_brand_term(*, actor: User, kind: str, term: str, replacement: str = "") -> BrandTerm:
    check_manager(actor)
    term, replacement = (term or "").strip(), (replacement or "").strip()
    if kind not in BrandTerm.Kind.values:
        raise ActionError(_("A brand term is banned, preferred or a required disclosure."), field="kind")
    if not term or len(term) > 100 or len(replacement) > 100:
        raise ActionError(_("A term has 1 to 100 characters."), field="term")
    found, _created = BrandTerm.objects.update_or_create(kind=kind, term=term, defaults={"replacement": replacement})
    return found


@transaction.atomic
def do_remove_brand_term(*, actor: User, term_id: int) -> None:
    check_manager(actor)
    BrandTerm.objects.filter(pk=term_id).delete()
