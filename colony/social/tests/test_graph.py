from __future__ import annotations

import pytest

from colony.graph.models import Block, Follow
from colony.notifications.models import Notification
from colony.social import selectors
from colony.social.models import Mention, Post
from colony.testing import follow, publish

pytestmark = pytest.mark.django_db


def test_following_someone_notifies_them_once(api, member, leader):
    client = api(member)
    assert client.post("/api/v1/people/leader/follow").json()["following"] is True
    assert client.post("/api/v1/people/leader/follow").status_code == 200
    assert Follow.objects.filter(follower=member, followee=leader).count() == 1
    assert Notification.objects.filter(recipient=leader, kind="follow").count() == 1


def test_following_a_missing_person_is_a_clear_404_that_writes_nothing(api, member):
    response = api(member).post("/api/v1/people/ghost/follow")
    assert response.status_code == 404
    assert "ghost" in response.json()["error"]["message"]
    assert Follow.objects.count() == 0


def test_nobody_can_follow_themselves(api, member):
    response = api(member).post("/api/v1/people/member/follow")
    assert response.status_code == 400 and response.json()["error"]["code"] == "self_follow"


def test_a_blocked_person_cannot_see_reply_to_or_mention_the_blocker(api, member, outsider):
    post = publish(member, "my thoughts")
    api(member).post("/api/v1/people/outsider/block")
    blocked = api(outsider)
    assert blocked.get(f"/api/v1/posts/{post.pk}").status_code == 404
    assert blocked.get("/api/v1/people/member").status_code == 404
    reply = blocked.post("/api/v1/posts", {"text": "reply", "reply_to": str(post.pk)})
    assert reply.status_code == 404
    mention = blocked.post("/api/v1/posts", {"text": "hey @member"}).json()
    assert not Mention.objects.filter(post_id=mention["id"]).exists()
    assert 'class="mention"' not in mention["html"]
    assert not Notification.objects.filter(recipient=member, actor=outsider).exists()
    assert blocked.post("/api/v1/people/member/follow").status_code == 404
    assert post.pk not in [p.pk for p in selectors.organisation_timeline(outsider)]


def test_blocking_ends_follows_both_ways(api, member, outsider):
    follow(member, outsider)
    follow(outsider, member)
    api(member).post("/api/v1/people/outsider/block")
    assert not Follow.objects.filter(follower__in=[member, outsider]).exists()
    assert Block.objects.filter(user=member, target=outsider).exists()


def test_unblocking_restores_visibility(api, member, outsider):
    post = publish(member, "hello")
    client = api(member)
    other = api(outsider)
    assert client.post("/api/v1/people/outsider/block").status_code == 200
    # the block holds: the post and its author are gone for the blocked person
    assert Block.objects.filter(user=member, target=outsider).exists()
    assert other.get(f"/api/v1/posts/{post.pk}").status_code == 404
    assert other.get("/api/v1/people/member").status_code == 404
    assert client.delete("/api/v1/people/outsider/block").status_code == 200
    assert not Block.objects.filter(user=member, target=outsider).exists()
    assert other.get(f"/api/v1/posts/{post.pk}").status_code == 200
    assert other.get("/api/v1/people/member").status_code == 200


def test_muting_silences_notifications_from_that_person(api, member, outsider):
    api(member).post("/api/v1/people/outsider/mute")
    api(outsider).post("/api/v1/posts", {"text": "hi @member"})
    assert not Notification.objects.filter(recipient=member).exists()
    assert Post.objects.filter(author=outsider).count() == 1


def test_hashtag_follow_and_unfollow(api, member):
    client = api(member)
    assert client.post("/api/v1/hashtags/Release/follow").json() == {"name": "release", "following": True}
    assert client.delete("/api/v1/hashtags/release/follow").json()["following"] is False
    assert client.post("/api/v1/hashtags/not a tag/follow").status_code == 400
