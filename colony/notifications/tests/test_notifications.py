from __future__ import annotations

import pytest

from colony.notifications.models import Notification
from colony.testing import publish

pytestmark = pytest.mark.django_db


def test_each_kind_of_notification_arrives_with_a_plain_sentence(api, member, leader):
    leader_api, member_api = api(leader), api(member)
    post_id = leader_api.post("/api/v1/posts", {"text": "Plans for Q3"}).json()["id"]
    member_api.post("/api/v1/people/leader/follow")
    member_api.post("/api/v1/posts", {"text": "ping @leader"})
    member_api.post("/api/v1/posts", {"text": "good plan", "reply_to": post_id})
    member_api.post(f"/api/v1/posts/{post_id}/reactions", {"kind": "like"})
    member_api.post(f"/api/v1/posts/{post_id}/repost")
    items = leader_api.get("/api/v1/notifications").json()
    assert sorted(n["kind"] for n in items) == ["follow", "mention", "reaction", "reply", "repost"]
    assert all(n["actor"]["handle"] == "member" and n["text"] for n in items)
    assert leader_api.get("/api/v1/notifications/unread_count").json() == {"unread": 5}


def test_a_reply_that_also_mentions_notifies_once(api, member, leader):
    post = publish(leader, "root")
    api(member).post("/api/v1/posts", {"text": "@leader yes", "reply_to": str(post.pk)})
    assert Notification.objects.filter(recipient=leader).count() == 1


def test_marking_read_clears_the_unread_count(api, member, leader):
    for i in range(3):
        api(member).post("/api/v1/posts", {"text": f"@leader {i}"})
    client = api(leader)
    items = client.get("/api/v1/notifications").json()
    marked = client.post("/api/v1/notifications/read", {"up_to_id": int(items[1]["id"])}).json()
    assert marked == {"marked": 2, "unread": 1}
    assert client.post("/api/v1/notifications/read").json() == {"marked": 1, "unread": 0}


def test_notifications_page_lists_them_and_marks_all_read(client, member, leader):
    publish(member, "hello @leader")
    client.force_login(leader)
    page = client.get("/notifications")
    assert "mentioned you" in page.content.decode()
    client.post("/notifications/read", {})
    assert not Notification.objects.filter(recipient=leader, read_at__isnull=True).exists()


def test_a_deleted_post_takes_its_notifications_with_it(api, member, leader):
    post_id = api(member).post("/api/v1/posts", {"text": "oops @leader"}).json()["id"]
    api(member).delete(f"/api/v1/posts/{post_id}")
    assert api(leader).get("/api/v1/notifications").json() == []


def test_the_event_stream_reports_unread_count_and_newest_home_post(client, member, leader):
    publish(member, "hi @leader")
    client.force_login(leader)
    response = client.get("/events")
    assert response["Content-Type"] == "text/event-stream"
    first = next(iter(response.streaming_content)) + next(iter(response.streaming_content))
    text = first.decode()
    assert "event: timeline" in text and "event: notifications\ndata: 1" in text
    response.close()
