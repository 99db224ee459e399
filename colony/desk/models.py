"""The leader's desk: drafts, review, schedules, delegates, brand voice, and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from colony.core.ids import new_id
from colony.core.models import AppendOnly


class Draft(models.Model):
    """A post being written, reviewed or waiting for its time; it becomes a ``social.Post`` when published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready for the author")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes", _("Changes requested")
        REJECTED = "rejected", _("Rejected")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHING = "publishing", _("Publishing")
        PUBLISHED = "published", _("Published")

    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    # The person the post will be published as, and who typed it (a delegate, or the author).
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)
    visibility = models.CharField(max_length=16, default="organisation")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    scheduled_at = models.DateTimeField(null=True, blank=True)
    findings = models.JSONField(default=list, blank=True)  # the latest check, as shown to the writer
    review_reasons = models.JSONField(default=list, blank=True)  # the findings that sent it to review
    # The exact text the policy checks passed (or a reviewer approved), and its
    # version: publishing sends this text and nothing else. Any edit clears it.
    checked_text = models.TextField(blank=True, default="")
    checked_version = models.PositiveIntegerField(null=True, blank=True)
    post = models.OneToOneField("social.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="draft")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status", "scheduled_at"]), models.Index(fields=["author", "status"])]
        permissions = [
            ("use_desk", "Can use the leader's desk"),
            ("review_post", "Can review posts before they are published"),
            ("manage_policy", "Can manage the review policy and brand voice"),
        ]

    def __str__(self) -> str:
        return f"draft {self.pk} by {self.author_id} ({self.status})"

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.READY, self.Status.CHANGES_REQUESTED,
                               self.Status.SCHEDULED)


class DraftVersion(models.Model):
    """Every text a draft has had, in order; reviewers decide on a numbered version."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="unique_draft_version")]

    def __str__(self) -> str:
        return f"version {self.number} of draft {self.draft_id}"


class AuditEvent(AppendOnly, models.Model):
    """One step in a draft's life. Append-only: rows are never changed or deleted by Colony."""

    class Action(models.TextChoices):
        CREATED = "created", _("created the draft")
        EDITED = "edited", _("edited")
        HANDED_OVER = "handed_over", _("handed it to the author")
        SUBMITTED = "submitted", _("submitted it for review")
        APPROVED = "approved", _("approved")
        CHANGES_REQUESTED = "changes", _("requested changes")
        REJECTED = "rejected", _("rejected")
        SCHEDULED = "scheduled", _("scheduled it")
        UNSCHEDULED = "unscheduled", _("took it off the schedule")
        PUBLISHED = "published", _("published it")
        DELETED = "deleted", _("deleted the draft")

    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    draft_id = models.BigIntegerField(db_index=True)  # no foreign key: the log outlives deleted drafts
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    version = models.PositiveIntegerField(default=1)
    text = models.TextField(blank=True)  # the version's text at that step
    comment = models.TextField(blank=True)
    findings = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.action} on draft {self.draft_id}"


class Policy(models.Model):
    """The organisation's review policy and house wording (one row)."""

    class AppliesTo(models.TextChoices):
        LEADERS = "leaders", _("Leaders (people with the desk)")
        EVERYONE = "everyone", _("Everyone who uses the desk and their delegates")

    review_kinds = models.JSONField(default=list, blank=True)  # finding kinds that send a post to review
    min_severity = models.CharField(max_length=8, default="warn")
    applies_to = models.CharField(max_length=10, choices=AppliesTo.choices, default=AppliesTo.LEADERS)
    safe_harbour = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return "review policy"

    @classmethod
    def current(cls) -> Policy:
        policy = cls.objects.order_by("pk").first()
        if policy is None:
            policy = cls.objects.create(review_kinds=["forward_looking", "disclosure", "personal_data"])
        return policy


class BrandTerm(models.Model):
    class Kind(models.TextChoices):
        BANNED = "banned", _("Banned")
        PREFERRED = "preferred", _("Preferred instead of")
        REQUIRED = "required", _("Required disclosure")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    term = models.CharField(max_length=100)
    replacement = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["kind", "term"]
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="unique_brand_term")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.term}"


class Delegation(models.Model):
    """A leader lets an assistant draft (and, only if granted, publish) on their behalf."""

    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegations")
    assistant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegated_by")
    can_publish = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["leader", "assistant"], name="unique_delegation")]

    def __str__(self) -> str:
        return f"{self.assistant_id} drafts for {self.leader_id}"
