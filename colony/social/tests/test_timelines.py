from __future__ import annotations

import pytest

from colony.social import selectors
from colony.social.actions import do_follow_hashtag, do_mute
from colony.social.models import FeedEntry
from colony.social.tasks import trim_feed
from colony.testing import committed, follow, make_person, publish

pytestmark = pytest.mark.django_db


def texts(posts) -> list[str]:
    return [p.text for p in posts]


def test_home_holds_my_posts_and_those_of_people_and_hashtags_i_follow(member, leader, outsider):
    follow(member, leader)
    committed(do_follow_hashtag, user=member, name="kudos")
    publish(leader, "from the leader")
    publish(outsider, "unrelated")
    publish(outsider, "thanks all #kudos")
    publish(member, "my own")
    assert texts(selectors.home_timeline(member)) == ["my own", "thanks all #kudos", "from the leader"]


def test_home_api_pages_with_max_id_and_since_id(api, member, leader):
    follow(member, leader)
    for i in range(25):
        publish(leader, f"post {i}")
    client = api(member)
    first = client.get("/api/v1/timelines/home", limit=20)
    assert first.status_code == 200
    page1 = first.json()
    assert len(page1) == 20 and page1[0]["text"] == "post 24"
    assert 'rel="next"' in first.headers["Link"]
    page2 = client.get("/api/v1/timelines/home", limit=20, max_id=page1[-1]["id"]).json()
    assert [p["text"] for p in page2] == [f"post {i}" for i in range(4, -1, -1)]
    newer = client.get("/api/v1/timelines/home", since_id=page1[1]["id"]).json()
    assert [p["text"] for p in newer] == ["post 24"]


def test_following_backfills_recent_posts_and_unfollowing_removes_them(api, member, leader):
    publish(leader, "said before you followed")
    client = api(member)
    client.post("/api/v1/people/leader/follow")
    assert "said before you followed" in [p["text"] for p in client.get("/api/v1/timelines/home").json()]
    client.delete("/api/v1/people/leader/follow")
    assert not FeedEntry.objects.filter(owner=member, post__author=leader).exists()
    assert client.get("/api/v1/timelines/home").json() == []


def test_a_reply_reaches_followers_only_when_they_follow_both_sides(member, leader, outsider):
    follow(member, leader)
    root = publish(outsider, "question from someone member does not follow")
    publish(leader, "answer", reply_to=root)
    assert "answer" not in texts(selectors.home_timeline(member))
    follow(member, outsider)
    question = publish(outsider, "second question")
    publish(leader, "second answer", reply_to=question)
    assert "second answer" in texts(selectors.home_timeline(member))


def test_muted_people_disappear_from_timelines_but_not_from_their_profile(member, leader):
    follow(member, leader)
    publish(leader, "loud")
    do_mute(user=member, target=leader)
    assert texts(selectors.home_timeline(member)) == []
    assert texts(selectors.organisation_timeline(member)) == []
    assert texts(selectors.profile_timeline(member, leader)) == ["loud"]


def test_organisation_timeline_shows_top_level_organisation_posts_only(member, leader):
    follow(member, leader)
    root = publish(leader, "for everyone")
    publish(leader, "for followers", visibility="followers")
    publish(member, "a reply", reply_to=root)
    assert texts(selectors.organisation_timeline(member)) == ["for everyone"]


def test_hashtag_timeline_lists_tagged_posts_newest_first(api, member, leader):
    publish(leader, "#launch one")
    publish(member, "two #Launch")
    publish(leader, "secret #launch", visibility="mentioned")
    response = api(member).get("/api/v1/timelines/tag/launch")
    assert [p["text"] for p in response.json()] == ["two #Launch", "#launch one"]


def test_pages_beyond_the_stored_feed_are_computed_from_the_follow_graph(member, leader, settings):
    follow(member, leader)
    for i in range(30):
        publish(leader, f"p{i}")
    trim_feed(member.pk, 10)
    assert FeedEntry.objects.filter(owner=member).count() == 10
    first = selectors.home_timeline(member, limit=20)
    assert texts(first) == [f"p{i}" for i in range(29, 9, -1)]
    second = selectors.home_timeline(member, limit=20, max_id=first[-1].pk)
    assert texts(second) == [f"p{i}" for i in range(9, -1, -1)]


def test_a_home_page_costs_a_fixed_number_of_queries(member, django_assert_max_num_queries):
    authors = [make_person(f"author{i}") for i in range(8)]
    for author in authors:
        follow(member, author)
        for j in range(4):
            publish(author, f"{author.username} {j} #tag @member")
    with django_assert_max_num_queries(8):
        views = selectors.present(member, selectors.home_timeline(member, limit=20))
    assert len(views) == 20


def test_the_home_api_costs_a_fixed_number_of_queries(api, member, django_assert_max_num_queries):
    author = make_person("prolific")
    follow(member, author)
    for j in range(30):
        publish(author, f"note {j}")
    client = api(member)
    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/timelines/home", limit=20)
    assert len(response.json()) == 20
