from __future__ import annotations

import pytest

from colony.communities.actions import do_add_member, do_create_community
from colony.communities.models import Community, Membership
from colony.social.models import Post
from colony.testing import publish

pytestmark = pytest.mark.django_db


def test_creating_a_community_on_the_web(client, leader):
    client.force_login(leader)
    response = client.post("/communities/new", {"name": "Field Service", "kind": "closed", "description": "Vans"})
    community = Community.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/communities/{community.slug}"
    page = client.get(response["Location"]).content.decode()
    assert "Field Service" in page and 'name="community"' in page
    bad = client.post("/communities/new", {"name": "", "kind": "closed"})
    assert bad.status_code == 400 and Community.objects.count() == 1


def test_joining_posting_and_leaving_on_the_web(client, leader, member):
    community = do_create_community(creator=leader, name="Cyclists", kind="open")
    client.force_login(member)
    client.post(f"/communities/{community.slug}/join")
    assert Membership.objects.filter(community=community, user=member).exists()
    client.post("/posts/new", {"text": "Ride on Sunday?", "community": community.pk})
    assert Post.objects.get(text="Ride on Sunday?").community == community
    assert "Ride on Sunday?" in client.get(f"/communities/{community.slug}").content.decode()
    client.post(f"/communities/{community.slug}/leave")
    refused = client.post("/posts/new", {"text": "Still here", "community": community.pk})
    assert refused.status_code == 403 and not Post.objects.filter(text="Still here").exists()


def test_closed_community_requests_are_approved_on_the_members_page(client, leader, member):
    community = do_create_community(creator=leader, name="Board", kind="closed")
    client.force_login(member)
    client.post(f"/communities/{community.slug}/join")
    client.force_login(leader)
    page = client.get(f"/communities/{community.slug}/members").content.decode()
    assert "Requests to join" in page and "@member" in page
    client.post(f"/communities/{community.slug}/approve", {"handle": "member"})
    assert Membership.objects.filter(community=community, user=member).exists()
    assert "approved a request to join" in client.get(f"/communities/{community.slug}/members").content.decode()


def test_a_secret_community_page_is_not_found_for_non_members(client, leader, member, outsider):
    community = do_create_community(creator=leader, name="Falcon", kind="secret")
    do_add_member(moderator=leader, community=community, person=member)
    publish(leader, "Falcon kickoff notes", community=community)
    client.force_login(outsider)
    assert client.get(f"/communities/{community.slug}").status_code == 404
    assert client.get(f"/communities/{community.slug}/members").status_code == 404
    assert "Falcon" not in client.get("/communities").content.decode()
    assert client.post(f"/communities/{community.slug}/join").status_code == 302
    assert not Membership.objects.filter(user=outsider).exists()
    client.force_login(member)
    assert "Falcon kickoff notes" in client.get(f"/communities/{community.slug}").content.decode()


def test_moderators_pin_and_remove_posts_from_the_community_page(client, leader, member):
    community = do_create_community(creator=leader, name="Kitchen", kind="open")
    do_add_member(moderator=leader, community=community, person=member)
    post = publish(member, "Dishwasher is broken again", community=community)
    client.force_login(leader)
    page = client.get(f"/communities/{community.slug}").content.decode()
    assert "Remove from community" in page and "Pin" in page
    client.post(f"/communities/{community.slug}/pin", {"post_id": post.pk})
    assert "Pinned" in client.get(f"/communities/{community.slug}").content.decode()
    client.post(f"/communities/{community.slug}/remove_post", {"post_id": post.pk})
    post.refresh_from_db()
    assert post.deleted_at is not None
    client.force_login(member)
    assert "Remove from community" not in client.get(f"/communities/{community.slug}").content.decode()
