from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpResponse
from ninja import Router, Status
from pydantic import BaseModel, Field

from colony.core.api import paging_link
from colony.core.typing import AuthedHttpRequest
from colony.people.actions import access_person
from colony.social import selectors as social_selectors
from colony.social.api import PostOut

from . import actions, selectors
from .models import Community, Membership

router = Router(tags=["communities"])


class CommunityIn(BaseModel):
    name: str
    kind: str = "open"
    description: str = ""


class CommunityOut(BaseModel):
    id: str = Field(description="Time-sortable 63-bit id, sent as a string like every such id; "
                                "requests take it as a string or a number")
    name: str
    slug: str
    kind: str
    description: str
    archived: bool
    created_at: datetime
    member_count: int
    my_role: str | None
    url: str


class MemberIn(BaseModel):
    handle: str
    role: str = Field("member", description="member, or moderator (only owners give or change roles)")


class MemberOut(BaseModel):
    handle: str
    status: str  # "member", "requested"
    role: str | None = None


def community_out(community: Community, viewer_role: str | None) -> dict[str, Any]:
    count = getattr(community, "member_count", None)
    return {
        "id": str(community.pk), "name": community.name, "slug": community.slug, "kind": community.kind,
        "description": community.description, "archived": community.is_archived, "created_at": community.created_at,
        "member_count": count if count is not None else community.memberships.count(),
        "my_role": viewer_role, "url": f"/communities/{community.slug}",
    }


def _role(user: Any, community: Community) -> str | None:
    found = actions.membership(user, community)
    return found.role if found else None


@router.post("/communities", response={201: CommunityOut}, summary="Create a community (you become its owner)")
def create(request: AuthedHttpRequest, payload: CommunityIn):
    community = actions.do_create_community(creator=request.user, name=payload.name, kind=payload.kind,
                                            description=payload.description)
    return Status(201, community_out(community, Membership.Role.OWNER))


@router.get("/communities", response=list[CommunityOut], summary="The community directory (secret ones only for members)")
def directory(request: AuthedHttpRequest, q: str = "", mine: bool = False):
    roles = dict(Membership.objects.filter(user=request.user).values_list("community_id", "role"))
    return [community_out(c, roles.get(c.pk)) for c in selectors.directory(request.user, query=q, mine=mine)[:200]]


@router.get("/communities/{community_id}", response=CommunityOut, summary="One community")
def detail(request: AuthedHttpRequest, community_id: int):
    community = actions.access_community(request.user, community_id)
    return community_out(community, _role(request.user, community))


@router.post("/communities/{community_id}/members", response={200: MemberOut, 202: MemberOut},
             summary="Join (your own handle), add someone as a member (moderators), "
                     "or add someone with, or give them, another role (owners)")
def add_member(request: AuthedHttpRequest, community_id: int, payload: MemberIn):
    community = actions.access_community(request.user, community_id)
    person = access_person(payload.handle, viewer=request.user)
    if person.pk == request.user.pk:
        status = actions.do_join(user=request.user, community=community)
        return Status(202 if status == "requested" else 200,
                      {"handle": person.username, "status": status, "role": _role(person, community)})
    added = actions.do_add_member(moderator=request.user, community=community, person=person, role=payload.role)
    return {"handle": person.username, "status": "member", "role": added.role}


@router.delete("/communities/{community_id}/members/{handle}", response={204: None},
               summary="Leave (your own handle), remove a member (moderators) or a moderator (owners)")
def remove_member(request: AuthedHttpRequest, community_id: int, handle: str):
    community = actions.access_community(request.user, community_id)
    person = access_person(handle, viewer=request.user)
    if person.pk == request.user.pk:
        actions.do_leave(user=request.user, community=community)
    else:
        actions.do_remove_member(moderator=request.user, community=community, person=person)
    return Status(204, None)


@router.get("/communities/{community_id}/posts", response=list[PostOut], summary="A community's timeline")
def timeline(request: AuthedHttpRequest, response: HttpResponse, community_id: int, limit: int = 20,
             max_id: int | None = None):
    community = actions.access_community(request.user, community_id)
    posts = selectors.community_timeline(request.user, community, max_id=max_id, limit=limit)
    link = paging_link(request, posts, social_selectors.clamp_limit(limit))
    if link:
        response["Link"] = link
    return [PostOut.of(v) for v in social_selectors.present(request.user, posts)]


@router.delete("/communities/{community_id}/posts/{post_id}", response={204: None},
               summary="Remove a post from the community (moderators)")
def remove_post(request: AuthedHttpRequest, community_id: int, post_id: int):
    community = actions.access_community(request.user, community_id)
    actions.do_remove_post(moderator=request.user, community=community, post_id=post_id)
    return Status(204, None)
