from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import BaseModel

from colony.communities.actions import access_community
from colony.core.api import paging_link
from colony.core.typing import AuthedHttpRequest
from colony.graph.models import Block, Follow, Mute
from colony.people.actions import access_person
from colony.people.selectors import avatar_url

from . import actions, selectors
from .models import Attachment, Post, PostRevision
from .selectors import PostView

router = Router(tags=["posts"])

# Response schemas are plain pydantic models, validated from dicts in
# pydantic's compiled core; ninja's Schema would wrap every field access of
# every post in Python (several milliseconds a timeline page).


class AuthorOut(BaseModel):
    id: int
    handle: str
    display_name: str
    title: str
    avatar_url: str
    url: str


class AttachmentOut(BaseModel):
    id: int
    kind: str
    content_type: str
    name: str
    size: int
    description: str
    url: str

    @staticmethod
    def of(a: Attachment) -> AttachmentOut:
        return AttachmentOut(id=a.pk, kind=a.kind, content_type=a.content_type, name=a.name, size=a.size,
                             description=a.description, url=a.file.url)


class PostOut(BaseModel):
    id: str
    text: str
    html: str
    visibility: str
    language: str
    author: AuthorOut
    created_at: datetime
    edited_at: datetime | None
    deleted: bool
    url: str
    reply_to: str | None
    thread_root: str | None
    replies_count: int
    reposts_count: int
    community: str | None
    reactions: dict[str, int]
    my_reactions: list[str]
    mentions: list[str]
    attachments: list[AttachmentOut]
    repost_of: PostOut | None = None

    @staticmethod
    def of(view: PostView) -> dict[str, Any]:
        """The post as plain data; ninja validates it once against this schema.

        Building dicts rather than schema instances keeps a 20-post page from
        being validated twice.
        """
        p = view.post
        a = p.author
        return {
            "id": str(p.pk), "text": p.text, "html": p.html, "visibility": p.visibility, "language": p.language,
            "author": {"id": a.pk, "handle": a.username, "display_name": a.name, "title": a.title,
                       "avatar_url": avatar_url(a), "url": f"/@{a.username}"},
            "created_at": p.created_at, "edited_at": p.edited_at, "deleted": p.is_deleted,
            "url": f"/posts/{p.pk}",
            "reply_to": str(p.reply_to_id) if p.reply_to_id else None,
            "thread_root": str(p.thread_root_id) if p.thread_root_id else None,
            "replies_count": p.replies_count, "reposts_count": p.reposts_count,
            "community": str(p.community_id) if p.community_id else None,
            "reactions": view.reactions, "my_reactions": sorted(view.my_reactions), "mentions": view.mentioned,
            "attachments": [AttachmentOut.of(x) for x in view.attachments],
            "repost_of": PostOut.of(view.original) if view.original else None,
        }


PostOut.model_rebuild()


class PostIn(Schema):
    text: str = ""
    visibility: str | None = None
    reply_to: int | str | None = None
    community: int | str | None = None
    attachment_ids: list[int] = []


class EditIn(Schema):
    text: str


class ReactionIn(Schema):
    kind: str


class RepostIn(Schema):
    comment: str = ""


class RevisionOut(BaseModel):
    text: str
    html: str
    created_at: datetime

    @staticmethod
    def of(r: PostRevision) -> RevisionOut:
        return RevisionOut(text=r.text, html=r.html, created_at=r.created_at)


class ContextOut(BaseModel):
    ancestors: list[PostOut]
    descendants: list[PostOut]


def _one(request: AuthedHttpRequest, post: Post) -> dict[str, Any]:
    return PostOut.of(selectors.present(request.user, [post])[0])


def _page(request: AuthedHttpRequest, response: HttpResponse, posts: list[Post], limit: int | None) -> list[dict[str, Any]]:
    link = paging_link(request, posts, selectors.clamp_limit(limit))
    if link:
        response["Link"] = link
    return [PostOut.of(v) for v in selectors.present(request.user, posts)]


@router.post("/posts", response={201: PostOut}, summary="Publish a post or a reply")
def create_post(request: AuthedHttpRequest, payload: PostIn):
    reply_to = actions.access_post(request.user, payload.reply_to) if payload.reply_to not in (None, "") else None  # type: ignore[arg-type]
    community = (
        access_community(request.user, payload.community) if payload.community not in (None, "") else None  # type: ignore[arg-type]
    )
    post = actions.do_publish_post(
        author=request.user, text=payload.text, visibility=payload.visibility, reply_to=reply_to,
        attachment_ids=payload.attachment_ids, community=community,
    )
    return Status(201, _one(request, post))


@router.get("/posts/{post_id}", response=PostOut, summary="One post")
def get_post(request: AuthedHttpRequest, post_id: int):
    return _one(request, actions.access_post(request.user, post_id))


@router.patch("/posts/{post_id}", response=PostOut, summary="Edit your post (the old text is kept in its history)")
def edit_post(request: AuthedHttpRequest, post_id: int, payload: EditIn):
    post = actions.do_edit_post(editor=request.user, post=actions.access_post(request.user, post_id), text=payload.text)
    return _one(request, post)


@router.delete("/posts/{post_id}", response={204: None}, summary="Delete a post")
def delete_post(request: AuthedHttpRequest, post_id: int):
    actions.do_delete_post(actor=request.user, post=actions.access_post(request.user, post_id))
    return Status(204, None)


@router.get("/posts/{post_id}/history", response=list[RevisionOut], summary="Earlier versions of a post")
def post_history(request: AuthedHttpRequest, post_id: int):
    post = actions.access_post(request.user, post_id)
    return [RevisionOut.of(r) for r in post.revisions.all()]


@router.get("/posts/{post_id}/context", response=ContextOut, summary="The conversation around a post")
def post_context(request: AuthedHttpRequest, post_id: int):
    post = actions.access_post(request.user, post_id)
    ordered = [p for p, _depth in selectors.thread(request.user, post) if not p.is_deleted or p.pk == post.pk]
    views = {v.post.pk: v for v in selectors.present(request.user, ordered)}
    ancestors: list[dict[str, Any]] = []
    node = post
    by_id = {p.pk: p for p in ordered}
    while node.reply_to_id in by_id:
        node = by_id[node.reply_to_id]
        ancestors.insert(0, PostOut.of(views[node.pk]))
    descendants = [PostOut.of(views[p.pk]) for p in ordered if _descends(p, post.pk, by_id)]
    return {"ancestors": ancestors, "descendants": descendants}


def _descends(p: Post, ancestor_id: int, by_id: dict[int, Post]) -> bool:
    while p.reply_to_id is not None:
        if p.reply_to_id == ancestor_id:
            return True
        parent = by_id.get(p.reply_to_id)
        if parent is None:
            return False
        p = parent
    return False


@router.post("/posts/{post_id}/reactions", response=PostOut, summary="React to a post")
def react(request: AuthedHttpRequest, post_id: int, payload: ReactionIn):
    post = actions.access_post(request.user, post_id)
    actions.do_react(user=request.user, post=post, kind=payload.kind)
    return _one(request, post)


@router.delete("/posts/{post_id}/reactions/{kind}", response=PostOut, summary="Take a reaction back")
def unreact(request: AuthedHttpRequest, post_id: int, kind: str):
    post = actions.access_post(request.user, post_id)
    actions.do_unreact(user=request.user, post=post, kind=kind)
    return _one(request, post)


@router.post("/posts/{post_id}/repost", response={201: PostOut}, summary="Repost, optionally with a comment")
def repost(request: AuthedHttpRequest, post_id: int, payload: RepostIn | None = None):
    post = actions.access_post(request.user, post_id)
    created = actions.do_repost(user=request.user, post=post, comment=payload.comment if payload else "")
    return Status(201, _one(request, created))


@router.post("/media", response={201: AttachmentOut}, summary="Upload an image or PDF to attach to a post")
def upload_media(request: AuthedHttpRequest, file: File[UploadedFile], description: Form[str] = ""):
    attachment = actions.do_upload_attachment(user=request.user, upload=file, name=file.name or "", description=description)
    return Status(201, AttachmentOut.of(attachment))


@router.get("/timelines/home", response=list[PostOut], summary="Your home timeline")
def home(request: AuthedHttpRequest, response: HttpResponse, limit: int = 20, max_id: int | None = None,
         since_id: int | None = None):
    posts = selectors.home_timeline(request.user, max_id=max_id, since_id=since_id, limit=limit)
    return _page(request, response, posts, limit)


@router.get("/timelines/organisation", response=list[PostOut], summary="Everything posted to the whole organisation")
def organisation(request: AuthedHttpRequest, response: HttpResponse, limit: int = 20, max_id: int | None = None,
                 since_id: int | None = None):
    posts = selectors.organisation_timeline(request.user, max_id=max_id, since_id=since_id, limit=limit)
    return _page(request, response, posts, limit)


@router.get("/timelines/tag/{name}", response=list[PostOut], summary="Posts with a hashtag")
def tag(request: AuthedHttpRequest, response: HttpResponse, name: str, limit: int = 20, max_id: int | None = None,
        since_id: int | None = None):
    posts = selectors.hashtag_timeline(request.user, actions.check_hashtag(name), max_id=max_id,
                                       since_id=since_id, limit=limit)
    return _page(request, response, posts, limit)


@router.get("/people/{handle}/posts", response=list[PostOut], summary="A person's posts")
def person_posts(request: AuthedHttpRequest, response: HttpResponse, handle: str, limit: int = 20,
                 max_id: int | None = None, since_id: int | None = None, with_replies: bool = False):
    author = access_person(handle, viewer=request.user)
    posts = selectors.profile_timeline(request.user, author, max_id=max_id, since_id=since_id, limit=limit,
                                       with_replies=with_replies)
    return _page(request, response, posts, limit)


class RelationshipOut(Schema):
    handle: str
    following: bool
    muting: bool
    blocking: bool


def _relationship(request: AuthedHttpRequest, handle: str) -> RelationshipOut:
    other = access_person(handle, viewer=request.user)
    me = request.user
    return RelationshipOut(
        handle=other.username,
        following=Follow.objects.filter(follower=me, followee=other).exists(),
        muting=Mute.objects.filter(user=me, target=other).exists(),
        blocking=Block.objects.filter(user=me, target=other).exists(),
    )


def _graph_endpoint(path: str, do, summary: str, method: str):
    def endpoint(request: AuthedHttpRequest, handle: str):
        other = access_person(handle, viewer=request.user)
        do(request.user, other)
        return _relationship(request, handle)

    endpoint.__name__ = f"{method}_{path}"
    router.api_operation([method.upper()], f"/people/{{handle}}/{path}", response=RelationshipOut, summary=summary)(endpoint)


_graph_endpoint("follow", lambda me, o: actions.do_follow(follower=me, followee=o), "Follow a person", "post")
_graph_endpoint("follow", lambda me, o: actions.do_unfollow(follower=me, followee=o), "Stop following", "delete")
_graph_endpoint("mute", lambda me, o: actions.do_mute(user=me, target=o), "Mute a person", "post")
_graph_endpoint("mute", lambda me, o: actions.do_unmute(user=me, target=o), "Unmute", "delete")
_graph_endpoint("block", lambda me, o: actions.do_block(user=me, target=o), "Block a person", "post")
_graph_endpoint("block", lambda me, o: actions.do_unblock(user=me, target=o), "Unblock", "delete")


@router.get("/people/{handle}/relationship", response=RelationshipOut, summary="How you relate to a person")
def relationship(request: AuthedHttpRequest, handle: str):
    return _relationship(request, handle)


class HashtagOut(Schema):
    name: str
    following: bool


@router.post("/hashtags/{name}/follow", response=HashtagOut, summary="Follow a hashtag")
def follow_tag(request: AuthedHttpRequest, name: str):
    follow = actions.do_follow_hashtag(user=request.user, name=name)
    return HashtagOut(name=follow.hashtag.name, following=True)


@router.delete("/hashtags/{name}/follow", response=HashtagOut, summary="Stop following a hashtag")
def unfollow_tag(request: AuthedHttpRequest, name: str):
    actions.do_unfollow_hashtag(user=request.user, name=name)
    return HashtagOut(name=actions.check_hashtag(name), following=False)
