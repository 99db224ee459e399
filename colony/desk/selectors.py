"""Reads for the leader's desk: who may use it, the drafts a person may open, the review queue,
the audit log as each person may read it, delegates and the brand rules the checks apply.

A draft is reached only through ``access_draft``: a draft someone may not open
is the same not-found as a missing one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from colony.core.errors import NotFound
from colony.graph.models import Block, Mute
from colony.people.models import User
from colony.social.models import Post

from .checks import BrandRules
from .models import AuditEvent, BrandTerm, Delegation, Draft, DraftVersion, Policy

# --- who may do what ------------------------------------------------------------


def uses_desk(user: User) -> bool:
    return user.is_active and not user.is_guest and (
        user.has_perm("desk.use_desk") or Delegation.objects.filter(assistant=user).exists()
    )


def is_reviewer(user: User) -> bool:
    return user.is_active and not user.is_guest and user.has_perm("desk.review_post")


def writes_for(user: User) -> list[User]:
    """The people ``user`` may draft as: themselves (with the desk) and the leaders who delegated to them."""
    people = [user] if user.has_perm("desk.use_desk") else []
    people += [d.leader for d in Delegation.objects.filter(assistant=user).select_related("leader")]
    return people


def delegation(leader: User, assistant: User) -> Delegation | None:
    return Delegation.objects.filter(leader=leader, assistant=assistant).first()


def delegations_of(leader: User) -> QuerySet[Delegation]:
    """The delegates ``leader`` named, with the people."""
    return Delegation.objects.filter(leader=leader).select_related("assistant")


def may_publish(user: User, draft: Draft) -> bool:
    if user.pk == draft.author_id:
        return True
    found = delegation(draft.author, user)
    return bool(found and found.can_publish)


def wrote_any_version(user: User, draft: Draft) -> bool:
    """Whether ``user`` typed any of the draft's text: its author, who drafted it, or who edited a version."""
    return user.pk in (draft.author_id, draft.drafted_by_id) or draft.versions.filter(edited_by=user).exists()


def may_review(user: User, draft: Draft) -> bool:
    """Reviewers decide on drafts in review, never on text they wrote themselves."""
    return is_reviewer(user) and draft.status == Draft.Status.IN_REVIEW and not wrote_any_version(user, draft)


# --- drafts -----------------------------------------------------------------------


def waiting_for(reviewer: User) -> QuerySet[Draft]:
    """Drafts in review that ``reviewer`` may decide on: every one but those they wrote any of."""
    wrote = DraftVersion.objects.filter(edited_by=reviewer).values("draft_id")
    return (Draft.objects.filter(status=Draft.Status.IN_REVIEW)
            .exclude(Q(author=reviewer) | Q(drafted_by=reviewer) | Q(pk__in=wrote)))


def written_by(user: User) -> QuerySet[Draft]:
    """Drafts ``user`` writes: their own, and those of the leaders who made them a delegate."""
    leaders = Delegation.objects.filter(assistant=user).values("leader_id")
    return Draft.objects.filter(Q(author=user) | Q(author_id__in=leaders)).select_related("author", "drafted_by")


def access_draft(user: User, draft_id: int | str) -> Draft:
    """A draft its author and delegates may open, and reviewers while it waits for review; others get not-found.

    A reviewer opens it only while it is in review, when its text is the one
    sent to them; once it is back with its author, the next version is not theirs to read.
    """
    try:
        pk = int(draft_id)
    except (TypeError, ValueError):
        pk = 0
    leaders = Delegation.objects.filter(assistant=user).values("leader_id")
    rule = Q(author=user) | Q(author_id__in=leaders)
    if is_reviewer(user):
        rule |= Q(status=Draft.Status.IN_REVIEW)
    draft = Draft.objects.filter(rule, pk=pk).select_related("author", "drafted_by", "post").first()
    if draft is None:
        raise NotFound(_("That draft does not exist or is not yours."))
    return draft


def replying_to_abusive(user: User, post_id: int) -> bool:
    """Whether the writer answers someone they themselves blocked or muted.

    Only the writer's own relationships count: how many others blocked an
    account is theirs to know, not something a check may reveal. (Triage
    will add accounts the organisation has flagged.)
    """
    author_id = Post.objects.visible_to(user).filter(pk=post_id).values_list("author_id", flat=True).first()
    if author_id is None:
        return False
    return (Block.objects.filter(user=user, target_id=author_id).exists()
            or Mute.objects.filter(user=user, target_id=author_id).exists())


# --- the audit log --------------------------------------------------------------------


def draft_events(draft: Draft) -> QuerySet[AuditEvent]:
    """A draft's whole story, for its writers (reviewers read ``audit_rows`` instead)."""
    return AuditEvent.objects.filter(draft_id=draft.pk).select_related("actor")


def audit_rows(user: User, draft_id: int | None = None) -> QuerySet[AuditEvent]:
    """The log a person may read.

    Authors and their delegates read their drafts' whole story. Reviewers and
    policy managers read only what was sent to review — the submissions, the
    decisions, and the scheduling and publishing of a reviewed version — and
    the publishing of posts they may read anyway. Earlier versions nobody
    submitted, and posts meant for someone else, never reach them.
    """
    rows = AuditEvent.objects.select_related("author", "actor").order_by("id")
    leaders = Delegation.objects.filter(assistant=user).values("leader_id")
    rule = Q(author=user) | Q(author_id__in=leaders)
    if is_reviewer(user) or user.has_perm("desk.manage_policy"):
        Action = AuditEvent.Action
        review = [Action.SUBMITTED, Action.APPROVED, Action.CHANGES_REQUESTED, Action.REJECTED]
        submitted_version = AuditEvent.objects.filter(draft_id=OuterRef("draft_id"), version=OuterRef("version"),
                                                      action=Action.SUBMITTED)
        readable = Draft.objects.filter(post__in=Post.objects.visible_to(user)).values("pk")
        rows = rows.alias(_reviewed=Exists(submitted_version))
        rule |= (Q(action__in=review)
                 | Q(action__in=[Action.SCHEDULED, Action.PUBLISHED], _reviewed=True)
                 | Q(action=Action.PUBLISHED, draft_id__in=readable))
    rows = rows.filter(rule)
    if draft_id is not None:
        rows = rows.filter(draft_id=draft_id)
    return rows


# --- policy and brand voice -----------------------------------------------------------


def brand_terms() -> QuerySet[BrandTerm]:
    return BrandTerm.objects.all()


def brand_rules() -> Any:
    """The brand voice and the safe-harbour wording, as the checks read them."""
    terms = list(BrandTerm.objects.all())
    return BrandRules(
        banned=[(t.term, t.replacement) for t in terms if t.kind == BrandTerm.Kind.BANNED],
        preferred=[(t.term, t.replacement) for t in terms if t.kind == BrandTerm.Kind.PREFERRED],
        required=[t.term for t in terms if t.kind == BrandTerm.Kind.REQUIRED],
        safe_harbour=Policy.current().safe_harbour,
    )
