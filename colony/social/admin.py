"""Administrators moderate here; edits to posts still go through the actions."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .actions import do_delete_post
from .models import Attachment, Hashtag, Post, PostHashtag


@admin.action(description=_("Delete the selected posts (content is removed for good)"))
def delete_posts(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Post]) -> None:
    for post in queryset:
        do_delete_post(actor=request.user, post=post)  # type: ignore[arg-type]
    messages.success(request, _("The posts were deleted."))


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Posts the administrator may read in Colony, and nothing else.

    The admin obeys the audience rule like every other surface: a post in a
    secret community, for followers or for mentioned people only is not
    listed, searched, counted or opened here unless the administrator is in
    its audience.
    """

    list_display = ("id", "author", "visibility", "created_at", "replies_count", "deleted_at")
    list_filter = ("visibility", "created_at")
    search_fields = ("text", "author__username")
    readonly_fields = [f.name for f in Post._meta.fields]
    actions = [delete_posts]
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Post]:
        return Post.objects.visible_to(request.user)  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Post | None = None) -> bool:
        return False  # read-only: edits go through the author, removals through the action below

    def has_delete_permission(self, request: HttpRequest, obj: Post | None = None) -> bool:
        return False  # use the "delete the selected posts" action, which keeps threads intact


@admin.register(Hashtag)
class HashtagAdmin(admin.ModelAdmin):
    """Hashtags of posts the administrator may read: a tag is words of a post's text."""

    search_fields = ("name",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Hashtag]:
        readable = Post.objects.visible_to(request.user).values("pk")  # type: ignore[arg-type]
        return Hashtag.objects.filter(pk__in=PostHashtag.objects.filter(post__in=readable).values("hashtag_id"))


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    """Attachments of posts the administrator may read; never those of messages or responses to asks."""

    list_display = ("name", "kind", "size", "uploader", "post_id", "created_at")
    readonly_fields = ("post", "uploader", "file", "kind", "content_type", "name", "size", "created_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Attachment]:
        readable = Post.objects.visible_to(request.user).values("pk")  # type: ignore[arg-type]
        return Attachment.objects.filter(message__isnull=True, post__in=readable).select_related("uploader")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Attachment | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Attachment | None = None) -> bool:
        return False  # an attachment goes with its post

