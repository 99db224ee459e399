from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from colony.people.actions import do_update_profile
from colony.social.actions import do_block, do_delete_post, do_edit_post
from colony.testing import follow, make_person, publish

pytestmark = pytest.mark.django_db


def found(api_client, q: str, **params) -> list[str]:
    response = api_client.get("/api/v1/search", q=q, type="posts", **params)
    assert response.status_code == 200, response.content
    return [hit["post"]["text"] for hit in response.json()["posts"]]


def test_posts_are_found_by_their_words_with_highlighted_snippets(api, member, leader):
    publish(leader, "The thermostat firmware release is ready for testing")
    publish(leader, "Lunch is at noon")
    response = api(member).get("/api/v1/search", q="firmware release", type="posts").json()
    assert [h["post"]["text"] for h in response["posts"]] == ["The thermostat firmware release is ready for testing"]
    assert "<mark>firmware</mark>" in response["posts"][0]["snippet"]


def test_english_words_are_stemmed(api, member, leader):
    publish(leader, "We shipped three releases this week")
    assert found(api(member), "release") == ["We shipped three releases this week"]


def test_search_only_returns_what_the_searcher_may_see(api, member, leader, outsider):
    follow(member, leader)
    publish(leader, "budget forecast for followers", visibility="followers")
    publish(leader, "budget forecast for @member only", visibility="mentioned")
    publish(leader, "budget forecast for everyone")
    assert sorted(found(api(member), "budget forecast")) == [
        "budget forecast for @member only", "budget forecast for everyone", "budget forecast for followers"]
    assert found(api(outsider), "budget forecast") == ["budget forecast for everyone"]
    do_block(user=leader, target=outsider)
    assert found(api(outsider), "budget forecast") == []


def test_deleted_and_edited_posts_follow_their_current_text(api, member, leader):
    gone = publish(leader, "temporary announcement about parking")
    changed = publish(leader, "old wording about bicycles")
    do_delete_post(actor=leader, post=gone)
    do_edit_post(editor=leader, post=changed, text="new wording about scooters")
    client = api(member)
    assert found(client, "parking") == []
    assert found(client, "bicycles") == []
    assert found(client, "scooters") == ["new wording about scooters"]


def test_filters_by_author_language_and_dates(api, member, leader):
    publish(leader, "Kubernetes upgrade planned for the cluster tonight")
    publish(member, "Kubernetes upgrade went fine on the staging cluster")
    publish(member, "De Kubernetes upgrade van het cluster is vanavond gepland")
    client = api(member)
    assert found(client, "kubernetes", author="leader") == ["Kubernetes upgrade planned for the cluster tonight"]
    assert found(client, "kubernetes", language="nl") == ["De Kubernetes upgrade van het cluster is vanavond gepland"]
    tomorrow = (timezone.now() + timedelta(days=1)).date().isoformat()
    assert found(client, "kubernetes", since=tomorrow) == []
    assert len(found(client, "kubernetes", until=tomorrow)) == 3
    bad = client.get("/api/v1/search", q="kubernetes", since=tomorrow, until="2020-01-01")
    assert bad.status_code == 400 and bad.json()["error"]["message"]


@pytest.mark.parametrize("query", [
    "", "   ", '"', '"unbalanced', "NEAR(a b)", "a* OR b*", "-minus +plus", "col:umn", "^start", "x" * 10_000,
    "AND OR NOT", "'; DROP TABLE social_post; --", "()", "{}[]", "\\", "🙂",
])
def test_odd_queries_give_an_empty_result_or_matches_never_an_error(api, member, leader, query):
    publish(leader, "plus minus start column near")
    response = api(member).get("/api/v1/search", q=query)
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"posts", "people", "hashtags", "communities"}


def test_a_bad_search_type_is_a_clear_400(api, member):
    response = api(member).get("/api/v1/search", q="x", type="secrets")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid"


def test_people_are_found_by_name_title_team_and_skill(api, member):
    make_person("ana", display_name="Ana Pratama", title="Data Engineer", skills=["airflow"])
    make_person("ben", display_name="Ben Rossi", title="Recruiter")
    client = api(member)
    for query, handle in [("pratama", "ana"), ("data engineer", "ana"), ("airflow", "ana"), ("recruiter", "ben")]:
        people = client.get("/api/v1/search", q=query, type="people").json()["people"]
        assert [p["handle"] for p in people] == [handle], query


def test_people_who_blocked_the_searcher_are_not_found(api, member, leader):
    do_update_profile(user=leader, title="Chief Executive")
    do_block(user=leader, target=member)
    assert api(member).get("/api/v1/search", q="chief", type="people").json()["people"] == []


def test_hashtags_are_found_by_prefix_and_counted_over_public_posts_only(api, member, leader):
    publish(leader, "#release day")
    publish(leader, "another #release")
    publish(leader, "quiet #release", visibility="mentioned")
    publish(leader, "#research notes")
    tags = api(member).get("/api/v1/search", q="#re", type="hashtags").json()["hashtags"]
    assert tags == [{"name": "release", "posts": 2}, {"name": "research", "posts": 1}]


def test_the_search_page_groups_results(client, member, leader):
    make_person("sam", display_name="Sam Firmware", title="Firmware Engineer")
    publish(leader, "Who knows the #firmware build system?")
    client.force_login(member)
    page = client.get("/search", {"q": "firmware"}).content.decode()
    assert "Sam Firmware" in page and "#firmware" in page and "<mark>" in page
    assert "No posts match" in client.get("/search", {"q": "zzzz"}).content.decode()
    assert client.get("/search", {"q": '"NEAR(' * 50}).status_code == 200


def test_communities_are_found_but_never_someone_elses_secret_one(api, member, leader):
    from colony.communities.actions import do_create_community

    do_create_community(creator=leader, name="Falcon open lab", kind="open")
    do_create_community(creator=leader, name="Falcon board", kind="secret")
    names = [c["name"] for c in api(member).get("/api/v1/search", q="falcon", type="communities").json()["communities"]]
    assert names == ["Falcon open lab"]
    mine = [c["name"] for c in api(leader).get("/api/v1/search", q="falcon", type="communities").json()["communities"]]
    assert mine == ["Falcon board", "Falcon open lab"]


def test_posts_can_be_searched_within_one_community(api, leader, member):
    from colony.communities.actions import do_add_member, do_create_community

    lab = do_create_community(creator=leader, name="Lab", kind="open")
    board = do_create_community(creator=leader, name="Board", kind="secret")
    do_add_member(moderator=leader, community=lab, person=member)
    publish(leader, "prototype results are in", community=lab)
    publish(leader, "prototype results outside any community")
    client = api(member)
    assert found(client, "prototype results", community=lab.pk) == ["prototype results are in"]
    assert client.get("/api/v1/search", q="prototype", type="posts", community=board.pk).status_code == 404
