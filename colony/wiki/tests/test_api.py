from __future__ import annotations

import json

import pytest

from colony.communities.actions import do_create_community
from colony.wiki.actions import MAX_TEXT, do_create_page, do_edit_page
from colony.wiki.models import WikiPage, WikiRevision

pytestmark = pytest.mark.django_db


def create(client, **body) -> dict:
    response = client.post("/api/v1/wiki/pages", {"text": "", **body})
    assert response.status_code == 201, response.content
    return response.json()


def test_a_page_is_created_read_and_listed(api, member):
    client = api(member)
    body = create(client, title="Onboarding", text="Read [[Handbook]] first.", summary="start")
    assert body["revision"] == 1 and body["title"] == "Onboarding" and body["community"] is None
    assert body["url"] == "/wiki/onboarding" and body["editable"] is True and body["backlinks"] == []
    assert 'class="wikilink missing"' in body["html"] and body["updated_by"]["handle"] == "member"
    page = WikiPage.objects.get()
    assert body["id"] == str(page.pk)
    got = client.get(f"/api/v1/wiki/pages/{page.pk}").json()
    assert got["text"] == "Read [[Handbook]] first." and got["revision"] == 1
    assert [p["title"] for p in client.get("/api/v1/wiki/pages").json()] == ["Onboarding"]


def test_a_page_shows_its_backlinks(api, member):
    client = api(member)
    handbook = create(client, title="Handbook", text="rules")
    create(client, title="Onboarding", text="Read [[handbook]] first.")
    got = client.get(f"/api/v1/wiki/pages/{handbook['id']}").json()
    assert [b["title"] for b in got["backlinks"]] == ["Onboarding"]
    assert got["backlinks"][0]["url"] == "/wiki/onboarding"


def test_an_update_with_the_current_base_revision_saves_the_next_revision(api, member, leader):
    page = create(api(member), title="Plan", text="one")
    as_leader = api(leader)
    # PUT and PATCH both save (PATCH as for posts).
    response = as_leader.client.put(f"/api/v1/wiki/pages/{page['id']}",
                                    json.dumps({"text": "two", "base_revision": 1, "summary": "better"}),
                                    content_type="application/json", **as_leader.headers)
    assert response.status_code == 200, response.content
    assert response.json()["revision"] == 2 and response.json()["text"] == "two"
    assert response.json()["updated_by"]["handle"] == "leader"


def test_an_update_from_a_stale_revision_answers_409_with_the_current_one_and_writes_nothing(api, member, leader):
    page = create(api(member), title="Plan", text="one")
    assert api(leader).patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "two", "base_revision": 1}).status_code == 200
    response = api(member).patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "three", "base_revision": 1})
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "edit_conflict" and error["message"] and error["field"] == "base_revision"
    assert error["current_revision"]["number"] == 2 and error["current_revision"]["text"] == "two"
    assert error["current_revision"]["author"]["handle"] == "leader"
    assert WikiRevision.objects.count() == 2
    merged = api(member).patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "two\nthree", "base_revision": 2})
    assert merged.status_code == 200 and merged.json()["revision"] == 3


def test_history_one_revision_and_a_diff(api, member, leader):
    page = create(api(member), title="Plan", text="alpha\nbeta\ngamma")
    api(leader).patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "alpha\nBETA\ngamma\ndelta", "base_revision": 1,
                                                          "summary": "caps"})
    client = api(member)
    history = client.get(f"/api/v1/wiki/pages/{page['id']}/revisions").json()
    assert [(r["number"], r["author"]["handle"], r["summary"]) for r in history] == [(2, "leader", "caps"),
                                                                                     (1, "member", "")]
    assert "text" not in history[0]
    first = client.get(f"/api/v1/wiki/pages/{page['id']}/revisions/1").json()
    assert first["text"] == "alpha\nbeta\ngamma" and "<p>" in first["html"]
    assert first["url"] == "/wiki/plan/revisions/1"
    diff = client.get(f"/api/v1/wiki/pages/{page['id']}/diff", **{"from": 1, "to": 2}).json()
    assert (diff["from_revision"], diff["to_revision"], diff["added"], diff["removed"]) == (1, 2, 2, 1)
    assert [(line["kind"], line["text"]) for line in diff["lines"]] == [
        ("context", "alpha"), ("removed", "beta"), ("added", "BETA"), ("context", "gamma"), ("added", "delta")]
    assert "-beta\n+BETA" in diff["unified"] and diff["unified"].startswith("--- revision 1\n+++ revision 2")
    assert client.get(f"/api/v1/wiki/pages/{page['id']}/diff", **{"from": 1, "to": 7}).status_code == 404
    assert client.get(f"/api/v1/wiki/pages/{page['id']}/revisions/7").status_code == 404


def test_restore_brings_an_old_revision_back_as_a_new_one(api, member):
    client = api(member)
    page = create(client, title="Plan", text="good")
    client.patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "bad", "base_revision": 1})
    response = client.post(f"/api/v1/wiki/pages/{page['id']}/restore", {"revision": 1})
    assert response.status_code == 201
    assert (response.json()["number"], response.json()["restored_from"], response.json()["text"]) == (3, 1, "good")
    again = client.post(f"/api/v1/wiki/pages/{page['id']}/restore", {"revision": 3})
    assert again.status_code == 400 and again.json()["error"]["code"] == "nothing_to_restore"
    assert WikiRevision.objects.count() == 3


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"title": ""}, 400, "empty_title"),
    ({"title": "x" * 121}, 400, "too_long"),
    ({"title": "Plan", "text": "x" * (MAX_TEXT + 1)}, 400, "too_long"),
    ({"title": "a|b"}, 400, "invalid_title"),
    ({"text": "no title"}, 400, "invalid"),
    ({"title": "Elsewhere", "community": 999999}, 404, "not_found"),
])
def test_bad_input_is_refused_with_a_clear_error_and_nothing_is_created(api, member, body, status, code):
    response = api(member).post("/api/v1/wiki/pages", body)
    assert response.status_code == status, response.content
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]
    assert not WikiPage.objects.exists() and not WikiRevision.objects.exists()


def test_a_duplicate_title_in_the_same_space_is_refused(api, member):
    client = api(member)
    create(client, title="Status")
    response = client.post("/api/v1/wiki/pages", {"title": "status", "text": "again"})
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "duplicate_title", "field": "title",
                                         "message": "There is already a page called “status” here."}
    assert WikiPage.objects.count() == 1


def test_an_oversized_edit_is_refused_and_the_page_is_unchanged(api, member):
    client = api(member)
    page = create(client, title="Plan", text="small")
    response = client.patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "x" * (MAX_TEXT + 1), "base_revision": 1})
    assert response.status_code == 400 and response.json()["error"]["code"] == "too_long"
    missing_base = client.patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "no base"})
    assert missing_base.status_code == 400
    assert client.get(f"/api/v1/wiki/pages/{page['id']}").json()["text"] == "small"


def test_community_pages_are_listed_per_community(api, leader, member):
    club = do_create_community(creator=leader, name="Chess", kind="open")
    client = api(leader)
    create(client, title="Openings", community=club.pk)
    create(client, title="Company FAQ")
    assert [p["title"] for p in client.get("/api/v1/wiki/pages", community=club.pk).json()] == ["Openings"]
    assert [p["title"] for p in client.get("/api/v1/wiki/pages").json()] == ["Company FAQ"]
    # Readable by everyone (open), editable by members only.
    page = client.get("/api/v1/wiki/pages", community=club.pk).json()[0]
    as_member = api(member)
    assert as_member.get(f"/api/v1/wiki/pages/{page['id']}").json()["editable"] is False
    refused = as_member.patch(f"/api/v1/wiki/pages/{page['id']}", {"text": "x", "base_revision": 1})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    refused = as_member.post("/api/v1/wiki/pages", {"title": "Mine", "community": club.pk})
    assert refused.status_code == 403


def search_wiki(client, q: str) -> list[dict]:
    response = client.get("/api/v1/search", q=q, type="wiki")
    assert response.status_code == 200, response.content
    return response.json()["wiki"]


def test_search_finds_pages_by_title_and_text_and_follows_edits(api, member, leader):
    page = do_create_page(author=leader, title="Disaster recovery", text="Restore the backups from the vault")
    do_create_page(author=leader, title="Lunch", text="noon")
    client = api(member)
    assert [h["page"]["title"] for h in search_wiki(client, "disaster")] == ["Disaster recovery"]
    hits = search_wiki(client, "backups vault")
    assert [h["page"]["id"] for h in hits] == [str(page.pk)] and "<mark>" in hits[0]["snippet"]
    assert hits[0]["page"]["url"] == "/wiki/disaster-recovery" and hits[0]["page"]["revision"] == 1
    do_edit_page(page=page, author=leader, text="Rebuild from the replicas", base_revision=1)
    assert search_wiki(client, "vault") == []
    assert [h["page"]["title"] for h in search_wiki(client, "replicas")] == ["Disaster recovery"]


def test_the_search_answer_keeps_its_old_fields_and_adds_wiki(api, member, leader):
    do_create_page(author=leader, title="Kubernetes upgrade", text="steps")
    body = api(member).get("/api/v1/search", q="kubernetes").json()
    assert set(body) == {"query", "type", "posts", "people", "hashtags", "communities", "wiki"}
    assert [h["page"]["title"] for h in body["wiki"]] == ["Kubernetes upgrade"]
    assert api(member).get("/api/v1/search", q="kubernetes", type="posts").json()["wiki"] == []


def test_unknown_pages_are_not_found(api, member):
    client = api(member)
    assert client.get("/api/v1/wiki/pages/12345").status_code == 404
    assert client.get("/api/v1/wiki/pages/12345/revisions").status_code == 404
    assert client.patch("/api/v1/wiki/pages/12345", {"text": "x", "base_revision": 1}).status_code == 404
