from __future__ import annotations

import pytest

from colony.communities.models import Community, JoinRequest, Membership, ModerationAction
from colony.notifications.models import Notification
from colony.social.models import Post
from colony.testing import make_person

pytestmark = pytest.mark.django_db


def create(api_client, name: str, kind: str) -> dict:
    response = api_client.post("/api/v1/communities", {"name": name, "kind": kind})
    assert response.status_code == 201, response.content
    return response.json()


def test_creating_a_community_makes_you_its_owner(api, leader):
    body = create(api(leader), "Firmware Guild", "open")
    assert body["kind"] == "open" and body["my_role"] == "owner" and body["member_count"] == 1
    assert Membership.objects.get(community_id=body["id"], user=leader).role == "owner"


@pytest.mark.parametrize(("payload", "code"), [
    ({"name": "", "kind": "open"}, "invalid"), ({"name": "x" * 81, "kind": "open"}, "invalid"),
    ({"name": "Club", "kind": "public"}, "invalid_kind"), ({"kind": "open"}, "invalid"),
])
def test_bad_communities_are_refused_and_nothing_is_created(api, leader, payload, code):
    response = api(leader).post("/api/v1/communities", payload)
    assert response.status_code == 400 and response.json()["error"]["code"] == code
    assert not Community.objects.exists()


def test_anyone_joins_an_open_community_and_posts_in_it(api, leader, member):
    community = create(api(leader), "Running club", "open")
    client = api(member)
    joined = client.post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    assert joined.status_code == 200 and joined.json()["status"] == "member"
    post = client.post("/api/v1/posts", {"text": "Saturday 10k?", "community": community["id"]})
    assert post.status_code == 201 and post.json()["community"] == community["id"]
    timeline = client.get(f"/api/v1/communities/{community['id']}/posts").json()
    assert [p["text"] for p in timeline] == ["Saturday 10k?"]


def test_a_closed_community_needs_a_moderator_to_approve(api, leader, member):
    community = create(api(leader), "Board prep", "closed")
    asked = api(member).post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    assert asked.status_code == 202 and asked.json()["status"] == "requested"
    refused = api(member).post("/api/v1/posts", {"text": "hi", "community": community["id"]})
    assert refused.status_code == 403
    approved = api(leader).post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    assert approved.json()["status"] == "member"
    assert not JoinRequest.objects.exists()
    assert ModerationAction.objects.filter(kind="approve", target_user=member).exists()


def test_a_secret_community_is_invisible_and_cannot_be_joined_without_an_invitation(api, leader, member):
    community = create(api(leader), "Project Falcon", "secret")
    client = api(member)
    assert client.get(f"/api/v1/communities/{community['id']}").status_code == 404
    assert "Project Falcon" not in [c["name"] for c in client.get("/api/v1/communities").json()]
    joining = client.post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    assert joining.status_code == 404
    assert not Membership.objects.filter(user=member).exists()
    api(leader).post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    assert client.get(f"/api/v1/communities/{community['id']}").json()["my_role"] == "member"


def test_posting_into_a_community_you_left_is_refused(api, leader, member):
    community = create(api(leader), "Book club", "open")
    client = api(member)
    client.post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    assert client.delete(f"/api/v1/communities/{community['id']}/members/member").status_code == 204
    response = client.post("/api/v1/posts", {"text": "still here?", "community": community["id"]})
    assert response.status_code == 403 and response.json()["error"]["message"]
    assert not Post.objects.filter(text="still here?").exists()


def test_the_last_owner_cannot_leave(api, leader):
    community = create(api(leader), "Solo", "open")
    response = api(leader).delete(f"/api/v1/communities/{community['id']}/members/leader")
    assert response.status_code == 400 and response.json()["error"]["code"] == "last_owner"


def test_moderators_remove_posts_and_members_and_it_is_recorded(api, leader, member):
    community = create(api(leader), "Ops", "open")
    api(member).post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    post_id = api(member).post("/api/v1/posts", {"text": "off topic", "community": community["id"]}).json()["id"]
    assert api(member).delete(f"/api/v1/communities/{community['id']}/posts/{post_id}").status_code == 403
    assert api(leader).delete(f"/api/v1/communities/{community['id']}/posts/{post_id}").status_code == 204
    assert Post.objects.get(pk=post_id).deleted_at is not None
    assert api(leader).delete(f"/api/v1/communities/{community['id']}/members/member").status_code == 204
    assert not Membership.objects.filter(user=member).exists()
    kinds = set(ModerationAction.objects.filter(community_id=community["id"]).values_list("kind", flat=True))
    assert kinds == {"remove_post", "remove_member"}


def test_a_mention_does_not_open_a_secret_community(api, leader, member):
    community = create(api(leader), "Acquisition", "secret")
    post_id = api(leader).post("/api/v1/posts", {"text": "ask @member later", "community": community["id"]}).json()["id"]
    assert api(member).get(f"/api/v1/posts/{post_id}").status_code == 404
    assert not Notification.objects.filter(recipient=member).exists()
    assert api(member).get("/api/v1/search", q="ask later", type="posts").json()["posts"] == []


def test_members_get_community_posts_in_their_home_timeline(api, leader, member):
    outsider = make_person("someone")
    community = create(api(leader), "Design crit", "closed")
    api(leader).post(f"/api/v1/communities/{community['id']}/members", {"handle": "member"})
    api(outsider).post("/api/v1/people/leader/follow")
    api(leader).post("/api/v1/posts", {"text": "New mockups are up", "community": community["id"]})
    assert "New mockups are up" in [p["text"] for p in api(member).get("/api/v1/timelines/home").json()]
    assert "New mockups are up" not in [p["text"] for p in api(outsider).get("/api/v1/timelines/home").json()]
    assert "New mockups are up" not in [p["text"] for p in api(member).get("/api/v1/timelines/organisation").json()]


def test_only_an_owner_changes_roles_and_it_is_recorded(api, leader, member, outsider):
    community = create(api(leader), "Writers", "open")
    for person in ("member", "outsider"):
        api(leader).post(f"/api/v1/communities/{community['id']}/members", {"handle": person})
    promoted = api(leader).post(f"/api/v1/communities/{community['id']}/members",
                                {"handle": "member", "role": "moderator"})
    assert promoted.json()["role"] == "moderator"
    refused = api(member).post(f"/api/v1/communities/{community['id']}/members",
                               {"handle": "outsider", "role": "moderator"})
    assert refused.status_code == 403
    assert Membership.objects.get(community_id=community["id"], user=outsider).role == "member"
    assert ModerationAction.objects.filter(kind="role", target_user=member, detail="moderator").exists()
