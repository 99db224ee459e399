"""Wiki pages: Markdown documents of the organisation or of one community.

A page lives in a *space*: the organisation (``community`` is NULL) or one
community, and it inherits the space's audience: who may read a space is
the place rule of ``social.audience``, the same as for posts (``visible_to``,
``space_readable_by``); who may edit is decided here (``space_editable_by``).
Every save is a new,
immutable ``WikiRevision``; the page points at its current one.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from colony.communities.models import Community, Membership
from colony.core.ids import new_id
from colony.social.audience import community_filter, place_filter

if TYPE_CHECKING:
    from colony.people.models import User

MAX_TITLE = 120
MAX_KEY = 200  # casefolding can lengthen a title (ß → ss)


def normalise_title(title: str) -> str:
    """The key two titles share when they name the same page.

    Case, runs of spaces and underscores, and Unicode compatibility forms do
    not matter: ``[[Incident  notes]]``, ``[[incident_notes]]`` and
    ``[[INCIDENT NOTES]]`` all reach the page titled "Incident notes".
    """
    folded = unicodedata.normalize("NFKC", title).replace("_", " ")
    return " ".join(folded.split()).casefold()[:MAX_KEY]


def _is_person(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.pk)


def space_readable_by(user: User, community: Community | None) -> bool:
    """May ``user`` read pages in this space (the organisation when ``community`` is None)?"""
    if not _is_person(user):
        return False
    if community is None:
        return not user.is_guest
    return Community.objects.filter(pk=community.pk).filter(community_filter(user)).exists()


def space_editable_by(user: User, community: Community | None) -> bool:
    """May ``user`` create and edit pages in this space?

    Organisation pages: everyone in the organisation (not guests). Community
    pages: the community's members, while the community is not archived.
    """
    if not _is_person(user) or not user.is_active:
        return False
    if community is None:
        return not user.is_guest
    if community.is_archived:
        return False
    return Membership.objects.filter(community_id=community.pk, user_id=user.pk).exists()


class WikiPageQuerySet(models.QuerySet["WikiPage"]):
    def visible_to(self, user: User) -> WikiPageQuerySet:
        """Pages ``user`` may read: the one place wiki visibility is decided."""
        if not _is_person(user):
            return self.none()
        # The same rule as posts' places (``social.audience``): the
        # organisation's space for members, open communities for members,
        # any community for its own members (guests too).
        return self.filter(place_filter(user, "community"))

    def in_space(self, community: Community | None) -> WikiPageQuerySet:
        if community is None:
            return self.filter(community__isnull=True)
        return self.filter(community=community)


def space_url(community: Community | None, action: str = "") -> str:
    """The URL of a space-level view: its index (``""``) or ``"new"``."""
    suffix = f"-{action}" if action else ""
    if community is None:
        return reverse(f"wiki{suffix}")
    return reverse(f"community-wiki{suffix}", args=[community.slug])


class WikiPage(models.Model):
    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    community = models.ForeignKey(
        Community, null=True, blank=True, on_delete=models.CASCADE, related_name="wiki_pages", db_index=False
    )
    title = models.CharField(max_length=MAX_TITLE)
    # normalise_title(title): what [[links]] and the duplicate check compare.
    title_key = models.CharField(max_length=MAX_KEY)
    slug = models.CharField(max_length=MAX_TITLE + 10)
    # The current revision rendered with today's link targets (a [[link]] to
    # a page created later turns from "create" into a plain link); each
    # revision keeps the HTML of the moment it was saved.
    html = models.TextField(blank=True)
    current = models.ForeignKey(
        "WikiRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = WikiPageQuerySet.as_manager()

    class Meta:
        ordering = ["title_key"]
        # NULL is distinct from NULL in a unique index, so the organisation
        # space needs its own partial constraints.
        constraints = [
            models.UniqueConstraint(fields=["community", "title_key"], condition=Q(community__isnull=False),
                                    name="wiki_unique_title_in_community"),
            models.UniqueConstraint(fields=["title_key"], condition=Q(community__isnull=True),
                                    name="wiki_unique_title_in_organisation"),
            models.UniqueConstraint(fields=["community", "slug"], condition=Q(community__isnull=False),
                                    name="wiki_unique_slug_in_community"),
            models.UniqueConstraint(fields=["slug"], condition=Q(community__isnull=True),
                                    name="wiki_unique_slug_in_organisation"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url()

    def url(self, action: str = "", *args: Any) -> str:
        """This page's view, edit, history, diff, restore or revision URL."""
        suffix = f"-{action}" if action else ""
        if self.community_id is None:
            return reverse(f"wiki-page{suffix}", args=[self.slug, *args])
        assert self.community is not None
        return reverse(f"community-wiki-page{suffix}", args=[self.community.slug, self.slug, *args])

    def editable_by(self, user: User) -> bool:
        return space_editable_by(user, self.community)

    @property
    def space_name(self) -> str:
        return self.community.name if self.community is not None else str(_("Organisation"))


class WikiRevision(models.Model):
    """One saved version of a page. Never changed once written."""

    page = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="revisions", db_index=False)
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=200, blank=True)
    # The revision whose text this one brought back ("restored revision N").
    restored_from = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="wiki_unique_revision_number")]

    def __str__(self) -> str:
        return f"revision {self.number} of wiki page {self.page_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Wiki revisions are immutable: save a new revision instead.")
        super().save(*args, **kwargs)


class WikiLink(models.Model):
    """A ``[[link]]`` in a page's current text, kept for "Pages that link here".

    Links point at a normalised title, not a row, so a link written before
    its target exists starts working the moment the page is created.
    """

    source = models.ForeignKey(WikiPage, on_delete=models.CASCADE, related_name="links_out", db_index=False)
    target_key = models.CharField(max_length=MAX_KEY)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "target_key"], name="wiki_unique_link")]
        indexes = [models.Index(fields=["target_key"])]

    def __str__(self) -> str:
        return f"wiki page {self.source_id} links to {self.target_key!r}"
