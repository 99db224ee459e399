from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from colony.announcements.models import Acknowledgement, Announcement
from colony.communities.actions import do_add_member, do_create_community
from colony.notifications.models import Notification
from colony.social.models import Post
from colony.testing import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def announcer(leader):
    leader.user_permissions.add(Permission.objects.get(codename="publish_announcement"))
    return leader


def test_a_leader_announces_and_everyone_is_asked_to_read_it(api, announcer, member, outsider):
    response = api(announcer).post("/api/v1/announcements", {"text": "New travel policy from Monday"})
    assert response.status_code == 201, response.content
    post_id = response.json()["id"]
    assert Notification.objects.filter(kind="announcement", post_id=post_id).count() == 2
    pending = api(member).get("/api/v1/announcements").json()
    assert [a["id"] for a in pending] == [post_id]
    acknowledged = api(member).post(f"/api/v1/announcements/{post_id}/acknowledge")
    assert acknowledged.json()["acknowledged"] is True
    assert api(member).get("/api/v1/announcements").json() == []
    tracker = api(announcer).get(f"/api/v1/announcements/{post_id}/tracker").json()
    assert (tracker["read_count"], tracker["unread_count"]) == (1, 1)
    assert [p["handle"] for p in tracker["unread"]] == ["outsider"]


def test_only_leaders_announce_to_the_organisation(api, member):
    response = api(member).post("/api/v1/announcements", {"text": "Free pizza"})
    assert response.status_code == 403 and response.json()["error"]["message"]
    assert not Post.objects.exists() and not Announcement.objects.exists()


def test_only_the_author_sees_the_tracker_and_reminds(api, announcer, member, outsider):
    post_id = api(announcer).post("/api/v1/announcements", {"text": "Fire drill at 11"}).json()["id"]
    assert api(member).get(f"/api/v1/announcements/{post_id}/tracker").status_code == 403
    assert api(member).post(f"/api/v1/announcements/{post_id}/remind").status_code == 403
    api(member).post(f"/api/v1/announcements/{post_id}/acknowledge")
    assert api(announcer).post(f"/api/v1/announcements/{post_id}/remind").json() == {"reminded": 1}
    assert Notification.objects.filter(kind="reminder", recipient=outsider).exists()
    assert not Notification.objects.filter(kind="reminder", recipient=member).exists()


def test_a_closed_announcement_is_no_longer_pending(api, announcer, member):
    post_id = api(announcer).post("/api/v1/announcements", {"text": "Survey closes Friday"}).json()["id"]
    assert api(announcer).post(f"/api/v1/announcements/{post_id}/close").json()["open"] is False
    assert api(member).get("/api/v1/announcements").json() == []


def test_a_community_announcement_reaches_only_members(api, leader, member, outsider):
    community = do_create_community(creator=leader, name="Night shift", kind="secret")
    do_add_member(moderator=leader, community=community, person=member)
    post_id = api(leader).post("/api/v1/announcements", {"text": "Rota change", "community": community.pk}).json()["id"]
    assert Notification.objects.filter(kind="announcement").count() == 1
    assert api(outsider).get("/api/v1/announcements").json() == []
    assert api(outsider).post(f"/api/v1/announcements/{post_id}/acknowledge").status_code == 404
    assert api(member).post(f"/api/v1/announcements/{post_id}/acknowledge").status_code == 200
    assert not Acknowledgement.objects.filter(user=outsider).exists()
    assert api(member).post("/api/v1/announcements", {"text": "x", "community": community.pk}).status_code == 403


def test_acknowledging_a_missing_announcement_is_a_404(api, member):
    plain = make_person("poster")
    from colony.testing import publish

    post = publish(plain, "not an announcement")
    assert api(member).post(f"/api/v1/announcements/{post.pk}/acknowledge").status_code == 404
    assert api(member).post("/api/v1/announcements/999/acknowledge").status_code == 404


def test_the_home_page_pins_must_reads_until_acknowledged(client, announcer, member):
    from colony.announcements.actions import do_publish_announcement

    announcement = do_publish_announcement(author=announcer, text="Office closed on Friday")
    client.force_login(member)
    home = client.get("/").content.decode()
    assert "Must read" in home and "Office closed on Friday" in home
    response = client.post(f"/announcements/{announcement.post_id}/acknowledge", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content == b""
    assert "I have read this" not in client.get("/").content.decode()


def test_the_author_sees_the_tracker_on_the_post_page_and_others_do_not(client, announcer, member):
    from colony.announcements.actions import do_publish_announcement

    announcement = do_publish_announcement(author=announcer, text="Benefits update")
    client.force_login(announcer)
    page = client.get(f"/posts/{announcement.post_id}").content.decode()
    assert "Who has read it" in page and "Remind those who have not read it" in page
    client.force_login(member)
    assert "Who has read it" not in client.get(f"/posts/{announcement.post_id}").content.decode()
    assert client.get(f"/announcements/{announcement.post_id}/tracker").status_code == 403


def test_leaders_publish_a_must_read_from_the_composer(client, announcer, member):
    client.force_login(announcer)
    assert "Must read: ask everyone to acknowledge" in client.get("/").content.decode()
    client.post("/posts/new", {"text": "Town hall at 4", "announcement": "1"})
    assert Announcement.objects.filter(post__text="Town hall at 4").exists()
    client.force_login(member)
    assert "Must read: ask everyone" not in client.get("/").content.decode()
    refused = client.post("/posts/new", {"text": "Me too", "announcement": "1"})
    assert refused.status_code == 403 and not Post.objects.filter(text="Me too").exists()
