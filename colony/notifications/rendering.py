from __future__ import annotations

from django.utils.translation import gettext as _

from colony.people.account_events import notification_sentence
from colony.social.models import REACTION_EMOJI

from .models import Notification


def describe(n: Notification) -> str:
    """One plain sentence, in the reader's language."""
    name = n.actor.name
    if n.kind == Notification.Kind.MENTION:
        return _("%(name)s mentioned you") % {"name": name}
    if n.kind == Notification.Kind.REPLY:
        return _("%(name)s replied to your post") % {"name": name}
    if n.kind == Notification.Kind.REACTION:
        return _("%(name)s reacted %(emoji)s to your post") % {"name": name, "emoji": REACTION_EMOJI.get(n.detail, "")}
    if n.kind == Notification.Kind.REPOST:
        return _("%(name)s reposted your post") % {"name": name}
    if n.kind == Notification.Kind.ANNOUNCEMENT:
        return _("%(name)s posted an announcement for you to read") % {"name": name}
    if n.kind == Notification.Kind.REMINDER:
        return _("%(name)s reminds you to read an announcement") % {"name": name}
    if n.kind == Notification.Kind.ASK:
        return _("%(name)s asks for your help") % {"name": name}
    if n.kind == Notification.Kind.ASK_RESPONSE:
        if n.detail == "refer":
            return _("%(name)s referred someone for your ask") % {"name": name}
        return _("%(name)s offered to help with your ask") % {"name": name}
    if n.kind == Notification.Kind.REFERRAL:
        return _("%(name)s thinks you can help with an ask") % {"name": name}
    if n.kind == Notification.Kind.SHORTLIST:
        return _("%(name)s shortlisted you for an ask") % {"name": name}
    if n.kind == Notification.Kind.WAR_ROOM:
        return _("%(name)s added you to a war room") % {"name": name}
    if n.kind == Notification.Kind.REVIEW:
        return _("A post by %(name)s is waiting for your review") % {"name": name}
    if n.kind == Notification.Kind.REVIEWED:
        return _("%(name)s reviewed your post") % {"name": name}
    if n.kind == Notification.Kind.DRAFTED:
        return _("%(name)s drafted a post for you to publish") % {"name": name}
    if n.kind == Notification.Kind.ACCOUNT:
        return notification_sentence(n.detail, n.actor)
    if n.kind == Notification.Kind.FOLLOW:
        return _("%(name)s followed you") % {"name": name}
    return name
