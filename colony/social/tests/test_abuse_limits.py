"""One person cannot turn Colony into a megaphone: mentions are capped, notified once, and writes are rate-limited."""

from __future__ import annotations

import pytest
from django.test import override_settings

from colony.notifications.models import Notification
from colony.social.actions import do_edit_post
from colony.social.models import Post
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(db):
    return [make_person(f"p{i:03d}") for i in range(60)]


def _mentioning(people) -> str:
    return "Please read: " + " ".join(f"@{p.username}" for p in people)


def test_editing_a_post_never_notifies_the_same_mention_twice(leader, crowd):
    first, second = crowd[:25], crowd[25:50]
    post = publish(leader, _mentioning(first))
    assert Notification.objects.filter(post=post).count() == 25
    # Swap the mentioned people back and forth: each person is told once, ever.
    do_edit_post(editor=leader, post=post, text=_mentioning(second))
    do_edit_post(editor=leader, post=post, text=_mentioning(first))
    do_edit_post(editor=leader, post=post, text=_mentioning(second) + " (again)")
    assert Notification.objects.filter(post=post, kind="mention").count() == 50
    for person in first + second:
        assert Notification.objects.filter(post=post, recipient=person).count() == 1


def test_a_post_mentions_at_most_fifty_people_and_says_so(api, leader, crowd):
    response = api(leader).post("/api/v1/posts", {"text": _mentioning(crowd[:51])})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "too_many_mentions" and "50" in error["message"] and error["field"] == "text"
    assert not Post.objects.exists() and not Notification.objects.exists()
    assert api(leader).post("/api/v1/posts", {"text": _mentioning(crowd[:50])}).status_code == 201


def test_an_edit_cannot_add_more_mentions_than_a_post_may_have(api, leader, crowd):
    post = publish(leader, "Hello")
    response = api(leader).patch(f"/api/v1/posts/{post.pk}", {"text": _mentioning(crowd[:55])})
    assert response.status_code == 400
    post.refresh_from_db()
    assert post.text == "Hello" and not Notification.objects.exists()


def test_the_composer_keeps_the_text_when_it_has_too_many_mentions(client, leader, crowd):
    client.force_login(leader)
    text = _mentioning(crowd[:51])
    response = client.post("/posts/new", {"text": text})
    assert response.status_code == 400
    assert "at most 50 people" in response.content.decode() and "@p050" in response.content.decode()
    assert not Post.objects.exists()


# --- write rate ------------------------------------------------------------------------

@override_settings(COLONY_WRITE_RATE_PER_MINUTE=5, COLONY_WRITE_RATE_PER_HOUR=0)
def test_a_person_writing_too_fast_gets_429_with_retry_after_and_nothing_changes(api, leader):
    as_leader = api(leader)
    for n in range(5):
        assert as_leader.post("/api/v1/posts", {"text": f"post {n}"}).status_code == 201
    refused = as_leader.post("/api/v1/posts", {"text": "one too many"})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert 1 <= int(refused["Retry-After"]) <= 61
    assert Post.objects.count() == 5
    # reading is never limited
    assert as_leader.get("/api/v1/timelines/home").status_code == 200


@override_settings(COLONY_WRITE_RATE_PER_MINUTE=5, COLONY_WRITE_RATE_PER_HOUR=0)
def test_the_limit_is_per_person_however_they_sign_in(api, client, leader, member):
    as_token, other_token = api(leader), api(leader)  # two tokens of one person
    for n in range(3):
        assert as_token.post("/api/v1/posts", {"text": f"a{n}"}).status_code == 201
    for n in range(2):
        assert other_token.post("/api/v1/posts", {"text": f"b{n}"}).status_code == 201
    assert other_token.post("/api/v1/posts", {"text": "c"}).status_code == 429
    client.force_login(leader)
    page = client.post("/posts/new", {"text": "from the page"})
    assert page.status_code == 429 and page["Retry-After"]
    assert "too often" in page.content.decode()
    # someone else is not affected
    assert api(member).post("/api/v1/posts", {"text": "mine"}).status_code == 201


@override_settings(COLONY_WRITE_RATE_PER_MINUTE=1000, COLONY_WRITE_RATE_PER_HOUR=0)
def test_each_api_token_has_its_own_lower_limit_so_a_script_cannot_use_up_the_persons(api, client, leader,
                                                                                      settings):
    settings.COLONY_TOKEN_WRITE_RATE_PER_MINUTE = 3
    as_token = api(leader)
    for n in range(3):
        assert as_token.post("/api/v1/posts", {"text": f"t{n}"}).status_code == 201
    assert as_token.post("/api/v1/posts", {"text": "t3"}).status_code == 429
    assert api(leader).post("/api/v1/posts", {"text": "another token"}).status_code == 201
    client.force_login(leader)
    assert client.post("/posts/new", {"text": "from the page"}).status_code == 302
    assert Post.objects.count() == 5


@override_settings(COLONY_WRITE_RATE_PER_MINUTE=2, COLONY_WRITE_RATE_PER_HOUR=0)
def test_the_live_checks_under_a_composer_are_not_counted_as_writes(client, leader):
    client.force_login(leader)
    for _ in range(5):
        assert client.post("/desk/check", {"text": "draft"}).status_code in (200, 404)
    assert client.post("/posts/new", {"text": "still allowed"}).status_code == 302
