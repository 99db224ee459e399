"""Writes for communities: creating, joining, moderating. Each moderation step is recorded."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from colony.core.errors import ActionError, Forbidden, NotFound
from colony.core.tasks import enqueue_on_commit
from colony.graph.models import blocked_either_way
from colony.people.models import User
from colony.social import tasks as social_tasks
from colony.social.models import Post

from .models import Community, JoinRequest, Membership, ModerationAction, PinnedPost

MAX_NAME = 80


def access_community(user: User, community_id: int | str) -> Community:
    """The community if ``user`` may know it exists; NotFound otherwise (secret ones included).

    ``community_id`` may be the number or, as the API sends it, the same number as a string.
    """
    try:
        pk = int(community_id)
    except (TypeError, ValueError):
        raise NotFound(_("That community does not exist or is not visible to you.")) from None
    community = Community.objects.visible_to(user).filter(pk=pk).first()
    if community is None:
        raise NotFound(_("That community does not exist or is not visible to you."))
    return community


def membership(user: User, community: Community) -> Membership | None:
    return Membership.objects.filter(community=community, user=user).first()


def check_moderator(user: User, community: Community) -> Membership:
    found = membership(user, community)
    if found is None or not found.moderates:
        raise Forbidden(_("Only the community's moderators can do that."))
    return found


def check_can_post(user: User, community: Community) -> None:
    if community.is_archived:
        raise Forbidden(_("This community is archived: it can be read but not posted to."))
    if membership(user, community) is None:
        raise Forbidden(_("Join the community to post in it."))


def _log(community: Community, actor: User, kind: str, *, target: User | None = None,
         post_id: int | None = None, detail: str = "") -> None:
    ModerationAction.objects.create(community=community, actor=actor, kind=kind, target_user=target,
                                    target_post_id=post_id, detail=detail)


SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
SECRET_SLUG_SUFFIX = 12  # 36**12: about 62 bits, not worth guessing


def _slug_base(name: str, limit: int) -> str:
    return slugify(name, allow_unicode=False)[:limit].strip("-") or "community"


def _unique_slug(name: str, kind: str) -> str:
    """The address of a new community, which must not tell anyone about secret ones.

    A secret community always gets an unguessable random suffix, so it never holds
    the bare slug of its name, nor one that a visible community could count up to
    (``-2``, ``-3``): the slug a visible community gets depends only on the visible
    communities (apart from secret ones created before secret slugs were random,
    which migration 0003 moved to random slugs).
    """
    max_length = Community._meta.get_field("slug").max_length or 90
    if kind == Community.Kind.SECRET:
        base = _slug_base(name, max_length - SECRET_SLUG_SUFFIX - 1)
        while True:
            suffix = "".join(secrets.choice(SLUG_ALPHABET) for _ in range(SECRET_SLUG_SUFFIX))
            slug = f"{base}-{suffix}"
            if not Community.objects.filter(slug=slug).exists():
                return slug
    base = _slug_base(name, 80)
    slug, n = base, 1
    while Community.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def do_create_community(*, creator: User, name: str, kind: str = Community.Kind.OPEN,
                        description: str = "") -> Community:
    name = (name or "").strip()
    if not name:
        raise ActionError(_("A community needs a name."), field="name")
    if len(name) > MAX_NAME:
        raise ActionError(_("Community names are limited to %(limit)d characters.") % {"limit": MAX_NAME},
                          field="name")
    if kind not in Community.Kind.values:
        raise ActionError(_("A community is open, closed or secret."), field="kind", code="invalid_kind")
    if len(description) > 2000:
        raise ActionError(_("The description is limited to 2,000 characters."), field="description")
    community = Community.objects.create(name=name, slug=_unique_slug(name, kind), kind=kind,
                                         description=description.strip(), created_by=creator)
    Membership.objects.create(community=community, user=creator, role=Membership.Role.OWNER)
    return community


@transaction.atomic
def do_join(*, user: User, community: Community) -> str:
    """Join an open community, or ask to join a closed one. Returns "member" or "requested"."""
    if membership(user, community) is not None:
        return "member"
    if community.is_archived:
        raise Forbidden(_("This community is archived: nobody can join it."))
    if community.kind == Community.Kind.OPEN:
        Membership.objects.create(community=community, user=user)
        enqueue_on_commit(social_tasks.backfill_community, user.pk, community.pk)
        return "member"
    if community.kind == Community.Kind.CLOSED:
        JoinRequest.objects.get_or_create(community=community, user=user)
        return "requested"
    # Secret communities are by invitation only (and invisible before it).
    raise NotFound(_("That community does not exist or is not visible to you."))


def check_owner(user: User, community: Community, message: str) -> Membership:
    found = check_moderator(user, community)
    if found.role != Membership.Role.OWNER:
        raise Forbidden(message)
    return found


@transaction.atomic
def do_add_member(*, moderator: User, community: Community, person: User,
                  role: str = Membership.Role.MEMBER) -> Membership:
    """A moderator adds someone as a member (an invitation, or approving their request).

    Only an owner adds someone with another role, or changes the role of someone who is
    already in (see ``do_change_role``); nobody is added as an owner.
    """
    check_moderator(moderator, community)
    if role not in Membership.Role.values or role == Membership.Role.OWNER:
        raise ActionError(_("A role is member or moderator."), field="role")
    if person.pk in blocked_either_way(moderator):
        raise NotFound(_("There is nobody called @%(handle)s.") % {"handle": person.username})
    existing = membership(person, community)
    if existing is not None:
        if existing.role != role:
            return do_change_role(owner=moderator, community=community, person=person, role=role)
        return existing
    if role != Membership.Role.MEMBER:
        check_owner(moderator, community, _("Only an owner can make someone a moderator."))
    requested = JoinRequest.objects.filter(community=community, user=person).delete()[0] > 0
    added = Membership.objects.create(community=community, user=person, role=role)
    enqueue_on_commit(social_tasks.backfill_community, person.pk, community.pk)
    _log(community, moderator, ModerationAction.Kind.APPROVE if requested else ModerationAction.Kind.ADD,
         target=person)
    return added


@transaction.atomic
def do_change_role(*, owner: User, community: Community, person: User, role: str) -> Membership:
    """An owner makes a member a moderator, or a moderator a member again. Owners' roles stay."""
    check_owner(owner, community, _("Only an owner can change roles."))
    if role not in Membership.Role.values or role == Membership.Role.OWNER:
        raise ActionError(_("A role is member or moderator."), field="role")
    found = membership(person, community)
    if found is None:
        raise NotFound(_("@%(handle)s is not a member of this community.") % {"handle": person.username})
    if found.role == Membership.Role.OWNER:
        raise Forbidden(_("An owner's role cannot be changed: owners leave the community themselves."))
    if found.role != role:
        found.role = role
        found.save(update_fields=["role"])
        _log(community, owner, ModerationAction.Kind.ROLE, target=person, detail=role)
    return found


@transaction.atomic
def do_decline(*, moderator: User, community: Community, person: User) -> None:
    check_moderator(moderator, community)
    if JoinRequest.objects.filter(community=community, user=person).delete()[0]:
        _log(community, moderator, ModerationAction.Kind.DECLINE, target=person)


@transaction.atomic
def do_leave(*, user: User, community: Community) -> None:
    found = membership(user, community)
    if found is None:
        JoinRequest.objects.filter(community=community, user=user).delete()
        return
    if found.role == Membership.Role.OWNER and not Membership.objects.filter(
        community=community, role=Membership.Role.OWNER
    ).exclude(pk=found.pk).exists():
        raise ActionError(_("Hand the community to another owner before you leave it."), code="last_owner")
    found.delete()
    enqueue_on_commit(social_tasks.withdraw_community, user.pk, community.pk)


@transaction.atomic
def do_remove_member(*, moderator: User, community: Community, person: User) -> None:
    """Moderators remove members; only an owner removes a moderator; nobody removes an owner.

    Removing yourself is leaving.
    """
    if person.pk == moderator.pk:
        do_leave(user=moderator, community=community)
        return
    mine = check_moderator(moderator, community)
    found = membership(person, community)
    if found is None:
        return
    if found.role == Membership.Role.OWNER:
        raise Forbidden(_("Nobody can remove an owner: owners leave the community themselves."))
    if found.role == Membership.Role.MODERATOR and mine.role != Membership.Role.OWNER:
        raise Forbidden(_("Only an owner can remove a moderator."))
    found.delete()
    enqueue_on_commit(social_tasks.withdraw_community, person.pk, community.pk)
    _log(community, moderator, ModerationAction.Kind.REMOVE_MEMBER, target=person)


@transaction.atomic
def do_remove_post(*, moderator: User, community: Community, post_id: int) -> None:
    from colony.social.actions import do_delete_post  # social.actions imports this module

    check_moderator(moderator, community)
    post = Post.objects.live().filter(pk=post_id, community=community).first()
    if post is None:
        raise NotFound(_("That post does not exist or is not visible to you."))
    # Moderators act for the community, so the author check does not apply.
    do_delete_post(actor=moderator, post=post, as_moderator=True)
    _log(community, moderator, ModerationAction.Kind.REMOVE_POST, target=post.author, post_id=post_id)


@transaction.atomic
def do_pin(*, moderator: User, community: Community, post_id: int, pinned: bool = True) -> None:
    check_moderator(moderator, community)
    if not Post.objects.live().filter(pk=post_id, community=community).exists():
        raise NotFound(_("That post does not exist or is not visible to you."))
    if pinned:
        PinnedPost.objects.get_or_create(community=community, post_id=post_id)
    else:
        PinnedPost.objects.filter(community=community, post_id=post_id).delete()
    _log(community, moderator, ModerationAction.Kind.PIN if pinned else ModerationAction.Kind.UNPIN,
         post_id=post_id)


@transaction.atomic
def do_archive(*, moderator: User, community: Community) -> None:
    check_owner(moderator, community, _("Only an owner can archive a community."))
    if not community.is_archived:
        community.archived_at = timezone.now()
        community.save(update_fields=["archived_at"])
        _log(community, moderator, ModerationAction.Kind.ARCHIVE)
