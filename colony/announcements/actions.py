"""Must-read announcements: publish, acknowledge, remind, close."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from colony.communities.actions import membership
from colony.communities.models import Community
from colony.core.errors import Forbidden, NotFound
from colony.notifications.actions import notify
from colony.notifications.models import Notification
from colony.people.models import User
from colony.social.actions import access_post, do_publish_post
from colony.social.models import Post, Visibility

from .models import Acknowledgement, Announcement
from .selectors import recipients


def check_can_announce(author: User, community: Community | None) -> None:
    if community is not None:
        found = membership(author, community)
        if found is None or not found.moderates:
            raise Forbidden(_("Only the community's moderators can post announcements in it."))
    elif not author.has_perm("announcements.publish_announcement"):
        raise Forbidden(_("Only leaders and administrators can post announcements to the whole organisation."))


@transaction.atomic
def do_publish_announcement(*, author: User, text: str, community: Community | None = None) -> Announcement:
    """Publish a must-read post to the organisation (or a community) and tell every recipient."""
    check_can_announce(author, community)
    post = do_publish_post(author=author, text=text, visibility=Visibility.ORGANISATION, community=community)
    announcement = Announcement.objects.create(post=post)
    notify(recipients=recipients(announcement).values_list("pk", flat=True), actor=author,
           kind=Notification.Kind.ANNOUNCEMENT, post=post)
    return announcement


def access_announcement(user: User, post_id: int | str) -> Announcement:
    post = access_post(user, post_id)
    announcement = Announcement.objects.filter(post=post).select_related("post", "post__community").first()
    if announcement is None:
        raise NotFound(_("That announcement does not exist or is not visible to you."))
    return announcement


@transaction.atomic
def do_acknowledge(*, user: User, announcement: Announcement) -> Acknowledgement:
    ack, _created = Acknowledgement.objects.get_or_create(announcement=announcement, user=user)
    return ack


def check_author(user: User, announcement: Announcement) -> None:
    if announcement.post.author_id != user.pk and not user.is_staff:
        raise Forbidden(_("Only the author can see who has read an announcement."))


@transaction.atomic
def do_remind(*, user: User, announcement: Announcement) -> int:
    """Notify everyone who has not acknowledged yet. Returns how many were reminded."""
    check_author(user, announcement)
    if not announcement.is_open:
        raise Forbidden(_("This announcement is closed."))
    waiting = recipients(announcement).exclude(
        pk__in=announcement.acknowledgements.values("user_id")
    ).exclude(pk=announcement.post.author_id)
    ids = list(waiting.values_list("pk", flat=True))
    notify(recipients=ids, actor=user, kind=Notification.Kind.REMINDER, post=announcement.post)
    announcement.reminded_at = timezone.now()
    announcement.save(update_fields=["reminded_at"])
    return len(ids)


@transaction.atomic
def do_close(*, user: User, announcement: Announcement) -> None:
    check_author(user, announcement)
    if announcement.closed_at is None:
        announcement.closed_at = timezone.now()
        announcement.save(update_fields=["closed_at"])


def is_announcement(post: Post) -> bool:
    return Announcement.objects.filter(post=post).exists()
