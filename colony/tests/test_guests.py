"""Guests (outside people let into one ask or war room) write only there, and learn nothing else.

Each test reproduces something a security audit did as a guest.
"""

from __future__ import annotations

import pytest

from colony.asks.actions import do_create_ask
from colony.communities.actions import do_add_member, do_create_community
from colony.notifications.models import Notification
from colony.site.events import _snapshot
from colony.social.models import FeedEntry, GuestAccess, Post
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db

PHISH = "URGENT from IT: @leader please re-enter your password at http://colony-login.example"


@pytest.fixture
def guest(db):
    person = make_person("fran", display_name="Fran Freelancer")
    person.is_guest = True
    person.save(update_fields=["is_guest"])
    return person


@pytest.fixture
def war_room(leader, member, guest):
    room = do_create_community(creator=member, name="Forecast war room", kind="secret")
    do_add_member(moderator=member, community=room, person=guest)
    return room


def test_a_guest_cannot_post_to_the_whole_organisation(client, guest, leader, war_room):
    client.force_login(guest)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client.post("/posts/new", {"text": PHISH, "visibility": "organisation"}, **headers)
        assert response.status_code == 403, response.content
        assert 'href="/@leader"' not in response.content.decode()  # what they typed is kept, not resolved
    assert not Post.objects.exists()
    assert not Notification.objects.filter(recipient=leader).exists()


def test_a_guest_cannot_repost_or_reply_outside_their_ask(client, guest, leader, member, war_room):
    ordinary = publish(leader, "An ordinary organisation post")
    client.force_login(guest)
    assert client.post("/posts/new", {"text": PHISH, "reply_to": ordinary.pk}).status_code == 404
    assert client.post(f"/posts/{ordinary.pk}/repost").status_code == 404
    assert Post.objects.count() == 1


def test_a_guest_posts_in_their_war_room_and_mentions_only_the_people_there(client, guest, leader, member, war_room):
    client.force_login(guest)
    response = client.post("/posts/new", {"text": "Draft model is up, @member and @leader please look",
                                          "community": war_room.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200, response.content
    page = response.content.decode()
    assert 'href="/@member"' in page  # a war-room colleague
    assert 'href="/@leader"' not in page  # someone the guest has never worked with: not even told they exist
    post = Post.objects.get()
    assert post.community_id == war_room.pk
    assert Notification.objects.filter(recipient=member, post=post, kind="mention").exists()
    assert not Notification.objects.filter(recipient=leader).exists()


def test_a_guest_replies_in_the_thread_of_the_ask_they_were_invited_to(client, guest, leader, commit):
    with commit():
        ask = do_create_ask(author=leader, need="A freelance forecaster for the demand model")
    GuestAccess.objects.create(guest=guest, post_id=ask.pk)
    client.force_login(guest)
    response = client.post("/posts/new", {"text": "I did this for two retailers last year.", "reply_to": ask.pk})
    assert response.status_code == 302
    reply = Post.objects.get(reply_to=ask.post)
    assert reply.author == guest
    assert Notification.objects.filter(recipient=leader, post=reply, kind="reply").exists()


def test_a_member_mentioning_a_guest_outside_their_rooms_tells_them_nothing(client, guest, leader, war_room, commit):
    with commit():
        post = publish(leader, "Who invited @fran to the organisation?")
    assert not Notification.objects.filter(recipient=guest).exists()
    assert not FeedEntry.objects.filter(owner=guest, post=post).exists()
    snapshot = _snapshot(guest)
    assert snapshot["notifications"] == 0 and snapshot["timeline"] != post.pk


def test_the_event_stream_tells_a_guest_only_about_what_they_may_read(guest, leader, war_room):
    # Rows made some other way (an older version, an import) must still not leak through the stream.
    hidden = publish(leader, "Board minutes")
    FeedEntry.objects.create(owner=guest, post=hidden)
    Notification.objects.create(recipient=guest, actor=leader, kind="mention", post=hidden)
    snapshot = _snapshot(guest)
    assert snapshot["timeline"] != hidden.pk
    assert snapshot["notifications"] == 0
