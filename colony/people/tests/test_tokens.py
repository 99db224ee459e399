"""API tokens: names, expiry, the list in settings, revoking, and the end of every token on a new password."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from colony.people.models import ApiToken
from colony.testing import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-much-longer-passphrase-42"


def _issue(client, handle: str = "member", **extra):
    return client.post("/api/v1/tokens", {"username": handle, "password": PASSWORD, **extra},
                       content_type="application/json")


def _bearer(raw: str) -> dict[str, Any]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# --- a new password ends every token and every other session ---------------------------


def test_a_token_stops_working_when_the_password_changes(client, member):
    raw = _issue(client).json()["token"]
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
    other_device = Client()
    other_device.force_login(member)
    assert other_device.get("/settings").status_code == 200

    client.force_login(member)
    changed = client.post("/settings/password", {"old_password": PASSWORD, "new_password1": NEW_PASSWORD,
                                                 "new_password2": NEW_PASSWORD})
    assert changed.status_code == 302
    assert not ApiToken.objects.filter(user=member).exists()
    assert Client().get("/api/v1/me", **_bearer(raw)).status_code == 401  # a client without the session
    # the other session is over; this one goes on
    assert other_device.get("/settings").status_code == 302
    assert client.get("/settings").status_code == 200
    # and the change is in the person's own account activity
    assert member.account_events.filter(kind="password_changed", actor=member).count() == 1


def test_a_refused_password_change_keeps_every_token(client, member):
    raw = _issue(client).json()["token"]
    client.force_login(member)
    refused = client.post("/settings/password", {"old_password": "wrong", "new_password1": NEW_PASSWORD,
                                                 "new_password2": NEW_PASSWORD})
    assert refused.status_code == 200
    assert ApiToken.objects.filter(user=member).count() == 1
    assert Client().get("/api/v1/me", **_bearer(raw)).status_code == 200


def test_any_other_way_of_setting_a_password_also_ends_the_tokens(client, member):
    raw = _issue(client).json()["token"]
    member.set_password(NEW_PASSWORD)  # e.g. `colony manage changepassword`
    member.save()
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 401
    assert not ApiToken.objects.filter(user=member).exists()


def test_signing_in_does_not_end_the_tokens(client, member):
    raw = _issue(client).json()["token"]
    assert client.post("/signin", {"username": "member", "password": PASSWORD}).status_code == 302
    assert Client().get("/api/v1/me", **_bearer(raw)).status_code == 200


# --- names and expiry -------------------------------------------------------------------


def test_a_token_can_be_named_and_given_an_expiry(client, member):
    response = _issue(client, name="laptop script", expires_in_days=30)
    assert response.status_code == 200
    assert set(response.json()) >= {"token"}
    row = ApiToken.objects.get(user=member)
    assert row.name == "laptop script"
    assert row.expires_at is not None
    assert abs(row.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    assert row.key_hash == ApiToken.hash(response.json()["token"])


def test_without_an_expiry_a_token_never_expires_by_default(client, member):
    assert _issue(client).status_code == 200
    assert ApiToken.objects.get(user=member).expires_at is None


def test_the_server_default_expiry_applies_when_none_is_asked_for(client, member, settings):
    settings.COLONY_TOKEN_DAYS = 7
    assert _issue(client).status_code == 200
    row = ApiToken.objects.get(user=member)
    assert row.expires_at is not None
    assert abs(row.expires_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)


@pytest.mark.parametrize("days", [0, -1, 366, 10_000])
def test_an_expiry_outside_one_to_365_days_is_refused_and_issues_nothing(client, member, days):
    response = _issue(client, expires_in_days=days)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert not ApiToken.objects.filter(user=member).exists()


def test_an_overlong_name_is_refused_and_issues_nothing(client, member):
    response = _issue(client, name="x" * 101)
    assert response.status_code == 400
    assert not ApiToken.objects.filter(user=member).exists()


def test_an_expired_token_authenticates_nobody(client, member):
    raw = _issue(client, expires_in_days=1).json()["token"]
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
    ApiToken.objects.filter(user=member).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/v1/me", **_bearer(raw))
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthenticated"


# --- listing and revoking through the API ------------------------------------------------


def test_a_person_lists_their_own_tokens_without_any_secret(client, member, leader):
    laptop = _issue(client, name="laptop script", expires_in_days=90).json()["token"]
    _issue(client, name="ci")
    leaders = _issue(client, "leader", name="leader's bot").json()["token"]

    response = client.get("/api/v1/tokens", **_bearer(laptop))
    assert response.status_code == 200
    items = response.json()
    assert sorted(t["name"] for t in items) == ["ci", "laptop script"]
    for item in items:
        assert {"id", "name", "created_at", "last_used_at", "expires_at", "current"} <= set(item)
        assert not {"key_hash", "token", "key"} & set(item)
    assert [t["current"] for t in items if t["name"] == "laptop script"] == [True]
    body = response.content.decode()
    for row in ApiToken.objects.all():
        assert row.key_hash not in body
    assert laptop not in body and leaders not in body and "leader's bot" not in body


def test_a_person_revokes_one_of_their_tokens_by_id(client, member):
    keep = _issue(client, name="keep").json()["token"]
    _issue(client, name="old script")
    old = ApiToken.objects.get(name="old script")
    response = client.delete(f"/api/v1/tokens/{old.pk}", **_bearer(keep))
    assert response.status_code == 204
    assert not ApiToken.objects.filter(pk=old.pk).exists()
    assert ApiToken.objects.filter(name="keep").exists()


def test_someone_elses_token_id_is_not_found_and_stays(client, member, leader):
    mine = _issue(client).json()["token"]
    _issue(client, "leader", name="leader's bot")
    theirs = ApiToken.objects.get(user=leader)
    response = client.delete(f"/api/v1/tokens/{theirs.pk}", **_bearer(mine))
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=theirs.pk).exists()
    missing = client.delete("/api/v1/tokens/999999", **_bearer(mine))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_the_token_in_use_can_still_revoke_itself(client, member):
    raw = _issue(client).json()["token"]
    assert client.delete("/api/v1/tokens/current", **_bearer(raw)).status_code == 204
    assert not ApiToken.objects.filter(user=member).exists()
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 401


def test_listing_and_revoking_need_a_signed_in_person(client, member):
    _issue(client)
    row = ApiToken.objects.get(user=member)
    assert client.get("/api/v1/tokens").status_code == 401
    assert client.delete(f"/api/v1/tokens/{row.pk}").status_code == 401
    assert ApiToken.objects.filter(pk=row.pk).exists()


# --- the settings page --------------------------------------------------------------------


def test_the_tokens_page_teaches_when_there_are_none(client, member):
    client.force_login(member)
    page = client.get("/settings/tokens")
    assert page.status_code == 200
    html = page.content.decode()
    assert "You have no API tokens" in html
    assert 'href="/settings/tokens"' in client.get("/settings").content.decode()  # in the settings navigation


def test_creating_a_named_token_on_the_page_shows_it_once(client, member):
    client.force_login(member)
    created = client.post("/settings/tokens", {"name": "laptop script", "expires_in_days": "30"})
    assert created.status_code == 200
    assert "no-store" in created["Cache-Control"]
    row = ApiToken.objects.get(user=member)
    assert row.name == "laptop script" and row.expires_at is not None
    html = created.content.decode()
    raw = html.split('id="new-token" value="', 1)[1].split('"', 1)[0]
    assert ApiToken.hash(raw) == row.key_hash
    assert Client().get("/api/v1/me", **_bearer(raw)).status_code == 200
    again = client.get("/settings/tokens").content.decode()
    assert "laptop script" in again and raw not in again and row.key_hash not in again


def test_a_token_without_a_name_is_refused_on_the_page(client, member):
    client.force_login(member)
    refused = client.post("/settings/tokens", {"name": "  ", "expires_in_days": "30"})
    assert refused.status_code == 400
    assert not ApiToken.objects.filter(user=member).exists()


def test_revoking_on_the_page_needs_a_post_with_csrf_and_ones_own_token(client, member, leader):
    _issue(client, name="mine")
    _issue(client, "leader", name="theirs")
    mine, theirs = ApiToken.objects.get(name="mine"), ApiToken.objects.get(name="theirs")

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(f"/settings/tokens/{mine.pk}/revoke").status_code == 403
    client.force_login(member)
    assert client.get(f"/settings/tokens/{mine.pk}/revoke").status_code == 405
    assert client.post(f"/settings/tokens/{theirs.pk}/revoke").status_code == 404
    assert ApiToken.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2

    listed = client.get("/settings/tokens").content.decode()
    assert "mine" in listed and "theirs" not in listed
    response = client.post(f"/settings/tokens/{mine.pk}/revoke")
    assert response.status_code == 302 and response["Location"] == "/settings/tokens"
    assert not ApiToken.objects.filter(pk=mine.pk).exists()
    assert ApiToken.objects.filter(pk=theirs.pk).exists()


def test_guests_have_no_tokens_page(client, member):
    member.is_guest = True
    member.save()
    client.force_login(member)
    assert client.get("/settings/tokens").status_code == 404
    assert client.post("/settings/tokens", {"name": "x", "expires_in_days": ""}).status_code == 404
    assert not ApiToken.objects.exists()
