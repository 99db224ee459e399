"""Writes for posts and the follow graph.

Every function checks its input before writing and raises an
``ActionError`` with a sentence a person can act on; each runs in one
transaction. Side effects that may be slow (home-feed fan-out, backfill) are
queued after commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from colony.communities.actions import check_can_post
from colony.communities.models import Community
from colony.core.errors import ActionError, Forbidden, NotFound, UnsupportedMedia
from colony.core.html import (
    _HASHTAG,
    Rendered,
    extract_mentions,
    normalise_hashtag,
    render_markdown,
)
from colony.core.language import detect_language
from colony.core.uploads import check_upload_size, clean_filename, upload_size
from colony.graph.models import Block, Follow, Mute, blocked_either_way
from colony.notifications.actions import notify
from colony.notifications.models import Notification
from colony.people.actions import check_image_upload
from colony.people.models import User

from . import tasks
from .audience import home_filter, may_read, readers_among
from .models import (
    Attachment,
    FeedEntry,
    GuestAccess,
    Hashtag,
    HashtagFollow,
    Mention,
    Post,
    PostHashtag,
    PostRevision,
    Reaction,
    ReactionKind,
    Visibility,
)
from .search_index import post_index
from .selectors import people_known_to

# --- checks -----------------------------------------------------------------

def check_post_text(text: str | None, *, allow_empty: bool = False) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text and not allow_empty:
        raise ActionError(_("A post needs some text."), code="empty", field="text")
    limit = settings.COLONY_MAX_POST_LENGTH
    if len(text) > limit:
        raise ActionError(
            ngettext(
                "Posts are limited to %(limit)d characters; this one has %(count)d character.",
                "Posts are limited to %(limit)d characters; this one has %(count)d characters.",
                len(text),
            )
            % {"limit": limit, "count": len(text)},
            code="too_long",
            field="text",
        )
    return text


def check_visibility(value: str | None) -> str:
    if value is None or value == "":
        return Visibility.ORGANISATION
    if value not in Visibility.values:
        raise ActionError(
            _("Visibility must be one of: %(choices)s.") % {"choices": ", ".join(Visibility.values)},
            code="invalid_visibility",
            field="visibility",
        )
    return value


def check_reaction(kind: str) -> str:
    if kind not in ReactionKind.values:
        raise ActionError(
            _("Reactions are one of: %(choices)s.") % {"choices": ", ".join(ReactionKind.values)},
            field="kind",
        )
    return kind


def access_post(user: User, post_id: int | str) -> Post:
    """The post if ``user`` may see it; NotFound whether it is missing or hidden."""
    try:
        pid = int(post_id)
    except (TypeError, ValueError):
        raise NotFound(_("That post does not exist or is not visible to you.")) from None
    post = Post.objects.visible_to(user).select_related("author").filter(pk=pid).first()
    if post is None:
        raise NotFound(_("That post does not exist or is not visible to you."))
    return post


def _mentionable(author: User, handles: Sequence[str]) -> dict[str, User]:
    """The people ``handles`` name whom ``author`` may mention, in one query, by handle.

    Nobody who blocked the author (or whom they blocked); for a guest only the
    people they work with, so what they write can neither reach nor reveal anyone else.
    """
    if not handles:
        return {}
    people = people_known_to(author).filter(is_active=True, username__in=handles)
    return {p.username: p for p in people.exclude(pk__in=blocked_either_way(author))}


def check_mentions(text: str) -> list[str]:
    """The handles ``text`` mentions, at most ``COLONY_MAX_MENTIONS``: one post must not page the whole organisation."""
    handles = extract_mentions(text)
    limit = settings.COLONY_MAX_MENTIONS
    if len(handles) > limit:
        raise ActionError(
            _("A post can mention at most %(limit)d people; this one mentions %(count)d. To reach a whole team, "
              "post in its community.") % {"limit": limit, "count": len(handles)},
            code="too_many_mentions", field="text",
        )
    return handles


def _render(author: User, text: str) -> tuple[Rendered, list[User]]:
    found = _mentionable(author, check_mentions(text))
    rendered = render_markdown(text, lambda handle: f"/@{found[handle].username}" if handle in found else None)
    return rendered, [found[h] for h in rendered.mentions]


def _set_hashtags(post: Post, names: Sequence[str]) -> None:
    names = [normalise_hashtag(n) for n in names][:30]
    PostHashtag.objects.filter(post=post).exclude(hashtag__name__in=names).delete()
    if not names:
        return
    Hashtag.objects.bulk_create([Hashtag(name=n) for n in names], ignore_conflicts=True)
    tags = Hashtag.objects.filter(name__in=names)
    PostHashtag.objects.bulk_create([PostHashtag(post=post, hashtag=t) for t in tags], ignore_conflicts=True)


def _set_mentions(post: Post, people: Sequence[User]) -> list[int]:
    """Store mentions; return the ids of people newly mentioned."""
    before = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    wanted = {p.pk for p in people}
    Mention.objects.filter(post=post).exclude(user_id__in=wanted).delete()
    Mention.objects.bulk_create([Mention(post=post, user_id=u) for u in wanted - before], ignore_conflicts=True)
    return [p.pk for p in people if p.pk not in before]


# --- attachments --------------------------------------------------------------

def check_attachment_upload(upload: IO[bytes]) -> tuple[str, str]:
    """Return (kind, content type) after checking size and the real file type."""
    limit = settings.COLONY_MAX_ATTACHMENT_BYTES
    check_upload_size(upload, limit=limit, what=_("The attachment"))
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return Attachment.Kind.PDF, "application/pdf"
    try:
        image = check_image_upload(upload, max_bytes=limit, size_name=_("The attachment"))
    except UnsupportedMedia:
        raise UnsupportedMedia(_("Attachments must be images (PNG, JPEG, GIF, WebP) or PDF documents.")) from None
    upload.seek(0)
    return Attachment.Kind.IMAGE, IMAGE_MIME[image.format or "PNG"]


IMAGE_MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}


def do_upload_attachment(*, user: User, upload: IO[bytes], name: str, description: str = "") -> Attachment:
    kind, content_type = check_attachment_upload(upload)
    size = upload_size(upload)
    from django.core.files import File

    attachment = Attachment(
        uploader=user, kind=kind, content_type=content_type, name=clean_filename(name),
        size=size, description=description.strip()[:500],
    )
    ext = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif",
           "image/webp": "webp"}[content_type]
    attachment.file.save(f"upload.{ext}", File(upload), save=False)
    attachment.save()
    return attachment


def _claim_attachments(author: User, ids: Sequence[int]) -> list[Attachment]:
    ids = list(dict.fromkeys(ids))
    if len(ids) > settings.COLONY_MAX_ATTACHMENTS:
        raise ActionError(
            _("A post can have at most %(count)d attachments.") % {"count": settings.COLONY_MAX_ATTACHMENTS},
            field="attachments",
        )
    found = list(Attachment.objects.filter(pk__in=ids, uploader=author, post__isnull=True))
    if len(found) != len(ids):
        raise ActionError(_("An attachment was not found or is already used."), field="attachments")
    return found


# --- posts --------------------------------------------------------------------

@transaction.atomic
def do_publish_post(
    *,
    author: User,
    text: str,
    visibility: str | None = None,
    reply_to: Post | None = None,
    attachment_ids: Sequence[int] = (),
    uploads: Sequence[tuple[IO[bytes], str]] = (),
    repost_of: Post | None = None,
    community: Community | None = None,
) -> Post:
    """Publish a post, a reply (``reply_to``) or a repost with comment (``repost_of``).

    Preconditions: ``reply_to``/``repost_of`` were fetched with ``access_post``
    for ``author``. A reply defaults to its parent's visibility.
    """
    text = check_post_text(text, allow_empty=repost_of is not None)
    if visibility in (None, "") and reply_to is not None:
        visibility = reply_to.visibility
    visibility = check_visibility(visibility)
    if reply_to is not None and reply_to.is_deleted:
        raise NotFound(_("That post does not exist or is not visible to you."))
    if reply_to is not None and community is None:
        community = reply_to.community  # a reply stays in its conversation's community
    if author.is_guest:
        _check_guest_may_post(author, reply_to=reply_to, community=community, repost_of=repost_of)
    if community is not None:
        check_can_post(author, community)
    if repost_of is not None:
        _check_repostable(author, repost_of, has_comment=bool(text))
    if len(uploads) + len(attachment_ids) > settings.COLONY_MAX_ATTACHMENTS:
        raise ActionError(
            _("A post can have at most %(count)d attachments.") % {"count": settings.COLONY_MAX_ATTACHMENTS},
            field="attachments",
        )
    for upload, _name in uploads:
        check_attachment_upload(upload)
    claimed = _claim_attachments(author, attachment_ids) if attachment_ids else []

    rendered, mentioned = _render(author, text)
    if reply_to is not None and visibility != Visibility.ORGANISATION:
        mentioned += _conversation_people(author, reply_to, visibility, already=mentioned)
    post = Post.objects.create(
        author=author,
        text=text,
        html=rendered.html,
        language=detect_language(text),
        visibility=visibility,
        reply_to=reply_to,
        thread_root=(reply_to.thread_root or reply_to) if reply_to else None,
        repost_of=repost_of,
        community=community,
    )
    _set_hashtags(post, rendered.hashtags)
    _set_mentions(post, mentioned)
    post_index().index(post.pk, text, post.language)
    for attachment in claimed:
        attachment.post = post
        attachment.save(update_fields=["post"])
    for upload, name in uploads:
        attachment = do_upload_attachment(user=author, upload=upload, name=name)
        attachment.post = post
        attachment.save(update_fields=["post"])
    FeedEntry.objects.create(owner=author, post=post)

    notified: set[int] = set()
    if reply_to is not None:
        Post.objects.filter(pk=reply_to.pk).update(replies_count=F("replies_count") + 1)
        if may_read(reply_to.author, post):
            notify(recipients=[reply_to.author_id], actor=author, kind=Notification.Kind.REPLY, post=post)
            notified.add(reply_to.author_id)
    if repost_of is not None:
        Post.objects.filter(pk=repost_of.pk).update(reposts_count=F("reposts_count") + 1)
        notify(recipients=[repost_of.author_id], actor=author, kind=Notification.Kind.REPOST, post=post)
        notified.add(repost_of.author_id)
    notify(
        recipients=readers_among(post, [p.pk for p in mentioned if p.pk not in notified]),
        actor=author,
        kind=Notification.Kind.MENTION,
        post=post,
    )
    tasks.enqueue_on_commit(tasks.fan_out_post, post.pk)
    tasks.enqueue_on_commit(tasks.analyze_post, post.pk)
    return post


def _check_guest_may_post(guest: User, *, reply_to: Post | None, community: Community | None,
                          repost_of: Post | None) -> None:
    """A guest writes in the war rooms they belong to and in the threads of the asks they were invited to."""
    refused = Forbidden(_("As a guest you can post only in the asks and war rooms you were invited to."))
    if repost_of is not None:
        raise refused
    if community is not None:
        return  # membership is checked like anyone's
    root = (reply_to.thread_root_id or reply_to.pk) if reply_to is not None else None
    if root is None or not GuestAccess.objects.filter(guest=guest, post_id=root).exists():
        raise refused


def _conversation_people(author: User, parent: Post, visibility: str, *, already: list[User]) -> list[User]:
    """Who a restricted reply silently includes, so the conversation stays readable.

    A followers-only reply includes the parent's author (who may not follow
    the replier); a mentioned-only reply also includes everyone the parent
    mentioned, like a group conversation.
    """
    blocked = blocked_either_way(author)
    skip = blocked | {author.pk} | {p.pk for p in already}
    ids = [parent.author_id]
    if visibility == Visibility.MENTIONED:
        ids += Mention.objects.filter(post=parent).values_list("user_id", flat=True)
    people = User.objects.active().filter(pk__in=[i for i in ids if i not in skip])
    return list(people)


def _check_repostable(author: User, original: Post, *, has_comment: bool) -> None:
    if original.repost_of_id and not original.text:
        raise ActionError(_("Repost the original post instead of a repost."), field="repost_of")
    if original.visibility != Visibility.ORGANISATION or original.community_id is not None:
        raise Forbidden(_("Only posts visible to the whole organisation can be reposted."))
    if not has_comment and Post.objects.live().filter(
        author=author, repost_of=original, text=""
    ).exists():
        raise ActionError(_("You have already reposted this."), code="already_reposted")


@transaction.atomic
def do_repost(*, user: User, post: Post, comment: str = "") -> Post:
    return do_publish_post(author=user, text=comment, visibility=Visibility.ORGANISATION, repost_of=post)


@transaction.atomic
def do_edit_post(*, editor: User, post: Post, text: str) -> Post:
    """Replace a post's text, keeping the previous version as a revision."""
    if post.author_id != editor.pk:
        raise Forbidden(_("Only the author can edit a post."))
    if post.is_deleted:
        raise NotFound(_("That post does not exist or is not visible to you."))
    text = check_post_text(text, allow_empty=post.repost_of_id is not None)
    if text == post.text:
        return post
    rendered, mentioned = _render(editor, text)
    PostRevision.objects.create(
        post=post, text=post.text, html=post.html, created_at=post.edited_at or post.created_at
    )
    post.text, post.html, post.edited_at = text, rendered.html, timezone.now()
    post.language = detect_language(text)
    post.save(update_fields=["text", "html", "language", "edited_at"])
    post_index().index(post.pk, text, post.language)
    _set_hashtags(post, rendered.hashtags)
    new_people = set(_set_mentions(post, mentioned))
    # Someone is told about a post once: dropping a mention and adding it back does not notify again.
    new_people -= set(Notification.objects.filter(post=post, kind=Notification.Kind.MENTION,
                                                  recipient_id__in=new_people).values_list("recipient_id", flat=True))
    notify(recipients=readers_among(post, [p.pk for p in mentioned if p.pk in new_people]),
           actor=editor, kind=Notification.Kind.MENTION, post=post)
    # Mentions and hashtags may have changed whose home the post belongs in.
    tasks.enqueue_on_commit(tasks.fan_out_post, post.pk)
    tasks.enqueue_on_commit(tasks.analyze_post, post.pk)
    return post


@transaction.atomic
def do_delete_post(*, actor: User, post: Post, as_moderator: bool = False) -> None:
    """Delete a post's content for good; the row stays as a tombstone so threads hold together.

    ``as_moderator``: the caller has checked that ``actor`` moderates the post's community.
    """
    if post.author_id != actor.pk and not actor.is_staff and not as_moderator:
        raise Forbidden(_("Only the author or an administrator can delete a post."))
    if post.is_deleted:
        return
    for attachment in post.attachments.all():
        attachment.file.delete(save=False)
    post.attachments.all().delete()
    post.revisions.all().delete()
    Mention.objects.filter(post=post).delete()
    PostHashtag.objects.filter(post=post).delete()
    Reaction.objects.filter(post=post).delete()
    FeedEntry.objects.filter(post=post).delete()
    Notification.objects.filter(post=post).delete()
    post_index().remove(post.pk)
    tasks.enqueue_on_commit(tasks.forget_post, post.pk, post.author_id)
    if post.reply_to_id:
        Post.objects.filter(pk=post.reply_to_id, replies_count__gt=0).update(replies_count=F("replies_count") - 1)
    if post.repost_of_id:
        Post.objects.filter(pk=post.repost_of_id, reposts_count__gt=0).update(reposts_count=F("reposts_count") - 1)
    post.text = post.html = ""
    post.deleted_at = timezone.now()
    post.save(update_fields=["text", "html", "deleted_at"])


@transaction.atomic
def do_react(*, user: User, post: Post, kind: str) -> Reaction:
    kind = check_reaction(kind)
    reaction, created = Reaction.objects.get_or_create(post=post, user=user, kind=kind)
    if created:
        notify(recipients=[post.author_id], actor=user, kind=Notification.Kind.REACTION, post=post, detail=kind)
    return reaction


@transaction.atomic
def do_unreact(*, user: User, post: Post, kind: str) -> None:
    kind = check_reaction(kind)
    Reaction.objects.filter(post=post, user=user, kind=kind).delete()


# --- graph --------------------------------------------------------------------

def _check_not_blocked(user: User, other: User) -> None:
    if Block.objects.filter(user=other, target=user).exists() or Block.objects.filter(
        user=user, target=other
    ).exists():
        raise NotFound(_("There is nobody called @%(handle)s.") % {"handle": other.username})


@transaction.atomic
def do_follow(*, follower: User, followee: User) -> Follow:
    if follower.pk == followee.pk:
        raise ActionError(_("You cannot follow yourself."), code="self_follow")
    _check_not_blocked(follower, followee)
    follow, created = Follow.objects.get_or_create(follower=follower, followee=followee)
    if created:
        notify(recipients=[followee.pk], actor=follower, kind=Notification.Kind.FOLLOW)
        tasks.enqueue_on_commit(tasks.backfill_author, follower.pk, followee.pk)
    return follow


@transaction.atomic
def do_grant_guest_access(*, guest: User, post: Post) -> GuestAccess:
    """Let a guest read ``post`` (an ask) and its thread.

    The audience changed after the posts were delivered, so what now
    belongs in the guest's home by the rule is delivered to it at once.
    """
    grant, created = GuestAccess.objects.get_or_create(guest=guest, post=post)
    if created:
        thread = Post.objects.filter(Q(pk=post.pk) | Q(thread_root_id=post.pk)).filter(home_filter(guest))
        tasks.deliver_to(guest.pk, list(thread.order_by("-id").values_list("pk", flat=True)[:500]))
    return grant


@transaction.atomic
def do_unfollow(*, follower: User, followee: User) -> None:
    Follow.objects.filter(follower=follower, followee=followee).delete()
    _drop_from_feed(owner=follower, author=followee)


def _drop_from_feed(*, owner: User, author: User) -> None:
    FeedEntry.objects.filter(owner=owner, post__author=author).delete()


def check_hashtag(name: str) -> str:
    name = name.strip().lstrip("#")
    if not _HASHTAG.fullmatch("#" + name):
        raise ActionError(_("“%(tag)s” is not a hashtag.") % {"tag": name}, field="hashtag")
    return normalise_hashtag(name)


@transaction.atomic
def do_follow_hashtag(*, user: User, name: str) -> HashtagFollow:
    tag, _created = Hashtag.objects.get_or_create(name=check_hashtag(name))
    follow, created = HashtagFollow.objects.get_or_create(user=user, hashtag=tag)
    if created:
        tasks.enqueue_on_commit(tasks.backfill_hashtag, user.pk, tag.pk)
    return follow


@transaction.atomic
def do_unfollow_hashtag(*, user: User, name: str) -> None:
    HashtagFollow.objects.filter(user=user, hashtag__name=check_hashtag(name)).delete()


@transaction.atomic
def do_mute(*, user: User, target: User) -> None:
    if user.pk == target.pk:
        raise ActionError(_("You cannot mute yourself."))
    Mute.objects.get_or_create(user=user, target=target)


@transaction.atomic
def do_unmute(*, user: User, target: User) -> None:
    Mute.objects.filter(user=user, target=target).delete()


@transaction.atomic
def do_block(*, user: User, target: User) -> None:
    """Block ``target``: follows end both ways and neither sees the other's posts."""
    if user.pk == target.pk:
        raise ActionError(_("You cannot block yourself."))
    Block.objects.get_or_create(user=user, target=target)
    Follow.objects.filter(follower=user, followee=target).delete()
    Follow.objects.filter(follower=target, followee=user).delete()
    _drop_from_feed(owner=user, author=target)
    _drop_from_feed(owner=target, author=user)


@transaction.atomic
def do_unblock(*, user: User, target: User) -> None:
    Block.objects.filter(user=user, target=target).delete()
