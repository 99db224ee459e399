from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from colony.core.ids import new_id

if TYPE_CHECKING:
    from colony.people.models import User


class Visibility(models.TextChoices):
    ORGANISATION = "organisation", _("Whole organisation")
    FOLLOWERS = "followers", _("Followers only")
    MENTIONED = "mentioned", _("Mentioned people only")


class ReactionKind(models.TextChoices):
    LIKE = "like", _("Like")
    LOVE = "love", _("Love")
    CELEBRATE = "celebrate", _("Celebrate")
    INSIGHTFUL = "insightful", _("Insightful")
    THANKS = "thanks", _("Thanks")
    FUNNY = "funny", _("Funny")


REACTION_EMOJI = {
    "like": "👍", "love": "❤️", "celebrate": "🎉", "insightful": "💡", "thanks": "🙏", "funny": "😄",
}


class Hashtag(models.Model):
    name = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return f"#{self.name}"


class PostQuerySet(models.QuerySet["Post"]):
    def live(self) -> PostQuerySet:
        return self.filter(deleted_at__isnull=True)

    def visible_to(self, user: User) -> PostQuerySet:
        """Posts ``user`` may read. The rule lives in ``colony.social.audience``."""
        from .audience import readable_filter  # the rule is written over these models

        return self.filter(readable_filter(user))


class PostKind(models.TextChoices):
    POST = "post", _("Post")
    ASK = "ask", _("Ask")


class Post(models.Model):
    id = models.BigIntegerField(primary_key=True, default=new_id, editable=False)
    # An ask is a post with an ``asks.Ask`` row beside it; the kind lets
    # timelines show it distinctly without a join.
    kind = models.CharField(max_length=8, choices=PostKind.choices, default=PostKind.POST, db_default=PostKind.POST)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts")
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    visibility = models.CharField(max_length=16, choices=Visibility.choices, default=Visibility.ORGANISATION)
    # ISO 639-1 code detected when written ("" when too short to tell).
    language = models.CharField(max_length=8, blank=True, default="", db_default="")
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    thread_root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="thread_posts"
    )
    repost_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reposts"
    )
    community = models.ForeignKey(
        "communities.Community", null=True, blank=True, on_delete=models.CASCADE, related_name="posts",
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    replies_count = models.PositiveIntegerField(default=0)
    reposts_count = models.PositiveIntegerField(default=0)
    # Who wrote it for the author (a delegate on the leader's desk): shown as "drafted with".
    drafted_with = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    # The id a post had in the system it was imported from (``colony import posts``).
    import_id = models.CharField(max_length=100, null=True, blank=True, unique=True)
    hashtags: models.ManyToManyField[Hashtag, PostHashtag] = models.ManyToManyField(Hashtag, through="PostHashtag", related_name="posts")

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["author", "id"]),
            models.Index(fields=["reply_to", "id"]),
            models.Index(fields=["thread_root", "id"]),
            models.Index(fields=["repost_of", "author"]),
            models.Index(fields=["community", "id"]),
        ]

    def __str__(self) -> str:
        return f"post {self.pk} by {self.author_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class PostHashtag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    hashtag = models.ForeignKey(Hashtag, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["hashtag", "post"], name="unique_post_hashtag")]

    def __str__(self) -> str:
        return f"hashtag {self.hashtag_id} on post {self.post_id}"


class Mention(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentioned_in")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="unique_mention")]
        indexes = [models.Index(fields=["user", "post"])]

    def __str__(self) -> str:
        return f"user {self.user_id} in post {self.post_id}"


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(max_length=16, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="unique_reaction")
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id} on {self.post_id}"


class PostRevision(models.Model):
    """A version of a post as it was before an edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField()
    html = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"revision of post {self.post_id} from {self.created_at:%Y-%m-%d %H:%M}"


def attachment_path(instance: Attachment, filename: str) -> str:
    """An unguessable name: knowing one attachment's URL says nothing about another's."""
    import secrets

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"attachments/{timezone.now():%Y/%m}/{secrets.token_urlsafe(24)}.{extension}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF document")
        DOCX = "docx", _("Word document")

    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey("messaging.Message", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="attachments")
    uploader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to=attachment_path)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    description = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.name}"



class HashtagFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hashtag_follows", db_index=False
    )
    hashtag = models.ForeignKey(Hashtag, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "hashtag"], name="unique_hashtag_follow")]
        indexes = [models.Index(fields=["hashtag", "user"])]

    def __str__(self) -> str:
        return f"{self.user_id} follows hashtag {self.hashtag_id}"




class FeedEntry(models.Model):
    """One post in one person's stored home feed (fan-out on write).

    The unique (owner, post) index serves every read; a separate owner index
    would only double the writes of fan-out.

    Reading a home timeline is then a range scan over (owner, post) instead of
    a merge over everyone the reader follows. Each feed is capped at
    ``COLONY_FEED_CAP`` entries; pages beyond it are computed on demand.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "post"], name="unique_feed_entry")]

    def __str__(self) -> str:
        return f"post {self.post_id} in the feed of {self.owner_id}"


class GuestAccess(models.Model):
    """A post (an ask) opened to one guest, with its thread: part of the audience rule."""

    guest = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guest_asks",
                              db_index=False)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="guests")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["guest", "post"], name="unique_guest_access")]

    def __str__(self) -> str:
        return f"guest {self.guest_id} on post {self.post_id}"
