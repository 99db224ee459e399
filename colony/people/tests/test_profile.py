from __future__ import annotations

import io

import pytest
from PIL import Image

from colony.people.models import Skill, Team
from colony.testing import make_person

pytestmark = pytest.mark.django_db


def image_file(fmt: str = "PNG", size: tuple[int, int] = (60, 40), name: str = "me.png") -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", size, "purple").save(out, format=fmt)
    out.seek(0)
    out.name = name
    return out


def test_updating_a_profile_normalises_skills_and_languages(api, member, leader):
    Team.objects.create(slug="platform", name="Platform")
    response = api(member).patch("/api/v1/me", {
        "title": "Staff Engineer", "team": "platform", "manager": "leader", "location": "Amsterdam",
        "time_zone": "Europe/Amsterdam", "skills": [" Data  Modelling ", "Python", "python", "C#"],
        "languages": ["NL", "en", "en"], "bio": "I like trains.",
    })
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["skills"] == ["c#", "data-modelling", "python"]
    assert sorted(body["languages"]) == ["en", "nl"]
    assert body["team"]["slug"] == "platform" and body["manager"] == "leader"


@pytest.mark.parametrize(("field", "value"), [
    ("time_zone", "Mars/Olympus"), ("languages", ["english!"]), ("manager", "nobody"),
    ("team", "no-such-team"), ("ui_language", "xx"), ("bio", "x" * 1001), ("manager", "member"),
])
def test_bad_profile_values_are_refused_and_change_nothing(api, member, field, value):
    response = api(member).patch("/api/v1/me", {field: value, "title": "Changed"})
    assert 400 <= response.status_code < 500
    assert response.json()["error"]["message"]
    member.refresh_from_db()
    assert member.title == "Engineer"


def test_the_directory_filters_by_team_skill_language_and_location(api, member):
    team = Team.objects.create(slug="data", name="Data")
    ana = make_person("ana", location="Jakarta", skills=["sql"], languages=["id", "en"], team=team)
    make_person("ben", location="Milan", skills=["sql"], languages=["it"])
    client = api(member)
    assert [p["handle"] for p in client.get("/api/v1/people", skill="SQL", language="id").json()] == ["ana"]
    assert [p["handle"] for p in client.get("/api/v1/people", team="data").json()] == ["ana"]
    assert [p["handle"] for p in client.get("/api/v1/people", location="milan").json()] == ["ben"]
    assert ana.pk in [p["id"] for p in client.get("/api/v1/people", q="an").json()]


def test_the_directory_page_filters_too(client, member):
    make_person("ana", location="Jakarta", skills=["sql"])
    client.force_login(member)
    page = client.get("/people", {"skill": "sql"}).content.decode()
    assert "/@ana\"" in page and "<span class=\"muted\">@member</span>" not in page
    empty = client.get("/people", {"skill": "underwater-welding"}).content.decode()
    assert "Nobody matches" in empty


def test_an_avatar_upload_is_validated_and_re_encoded(api, member):
    client = api(member)
    ok = client.upload("/api/v1/me/avatar", {"file": image_file()})
    assert ok.status_code == 200, ok.content
    member.refresh_from_db()
    assert member.avatar.name.endswith(".webp")
    with Image.open(member.avatar.path) as stored:
        assert stored.size == (400, 400)


def test_a_non_image_or_oversized_avatar_is_refused(api, member, settings):
    client = api(member)
    text = io.BytesIO(b"<?php echo 'hi'; ?>")
    text.name = "avatar.png"
    assert client.upload("/api/v1/me/avatar", {"file": text}).status_code == 415
    settings.COLONY_MAX_AVATAR_BYTES = 100
    assert client.upload("/api/v1/me/avatar", {"file": image_file(size=(300, 300))}).status_code == 413
    member.refresh_from_db()
    assert not member.avatar


def test_everyone_gets_a_generated_default_avatar(client, member):
    client.force_login(member)
    response = client.get("/@member/avatar.svg")
    assert response["Content-Type"] == "image/svg+xml" and b"MM" in response.content


def test_the_profile_settings_page_saves_changes(client, member):
    client.force_login(member)
    response = client.post("/settings", {
        "display_name": "Max M.", "title": "Lead", "time_zone": "Asia/Jakarta", "skills": "go, Rust",
        "languages": "en, id", "theme": "dark", "ui_language": "",
    })
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Max M." and member.theme == "dark"
    assert set(Skill.objects.filter(people=member).values_list("name", flat=True)) == {"go", "rust"}


def test_the_profile_settings_page_shows_errors_and_keeps_the_old_values(client, member):
    client.force_login(member)
    response = client.post("/settings", {"display_name": "X", "time_zone": "Asia/Jakarta", "theme": "dark",
                                         "languages": "not a language"})
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.display_name == "Max Member"


def test_an_avatar_can_be_replaced_and_cleared_on_the_settings_page(client, member):
    client.force_login(member)
    form = {"display_name": "Max", "time_zone": "UTC", "theme": "auto"}
    assert client.post("/settings", {**form, "avatar": image_file()}).status_code == 302
    member.refresh_from_db()
    assert member.avatar
    assert 'name="avatar-clear"' in client.get("/settings").content.decode()
    assert client.post("/settings", {**form, "avatar-clear": "on"}).status_code == 302
    member.refresh_from_db()
    assert not member.avatar
