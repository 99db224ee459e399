"""Going away (no asks are routed to you) and coming back: the action, its API and its page."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from colony.asks.actions import do_set_away
from colony.asks.routing import eligible_people
from colony.core.errors import ActionError, Forbidden
from colony.testing import make_person

pytestmark = pytest.mark.django_db


def _put(person_api, body):
    return person_api.client.put("/api/v1/asks/away", json.dumps(body), content_type="application/json",
                                 **person_api.headers)


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@pytest.fixture
def guest(db):
    person = make_person("fran", display_name="Fran Freelancer")
    person.is_guest = True
    person.save(update_fields=["is_guest"])
    return person


def test_going_away_for_some_days_and_coming_back_through_the_api(api, member):
    as_member = api(member)
    assert as_member.get("/api/v1/asks/away").json() == {"away": False, "until": None}

    response = _put(as_member, {"away": True, "days": 3})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["away"] is True
    member.refresh_from_db()
    assert member.away_until is not None
    assert abs(_when(body["until"]) - member.away_until) < timedelta(milliseconds=1)  # JSON keeps milliseconds
    assert timedelta(days=3) - timedelta(minutes=1) < member.away_until - timezone.now() <= timedelta(days=3)
    assert as_member.get("/api/v1/asks/away").json() == body
    assert member not in eligible_people(asker=None, now=timezone.now())  # routing leaves them out

    back = _put(as_member, {"away": False})
    assert back.status_code == 200 and back.json() == {"away": False, "until": None}
    member.refresh_from_db()
    assert member.away_until is None
    assert member in eligible_people(asker=None, now=timezone.now())


def test_going_away_until_a_moment(api, member):
    until = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    response = _put(api(member), {"away": True, "until": until.isoformat()})
    assert response.status_code == 200, response.content
    assert _when(response.json()["until"]) == until
    member.refresh_from_db()
    assert member.away_until == until


def _later(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).isoformat()


@pytest.mark.parametrize(("body", "field"), [
    ({"away": True}, "days"),
    ({"away": True, "days": 0}, "days"),
    ({"away": True, "days": -2}, "days"),
    ({"away": True, "days": 366}, "days"),
    ({"away": True, "days": 3, "until": _later(3)}, "until"),
    ({"away": True, "until": _later(-1)}, "until"),
    ({"away": True, "until": _later(400)}, "until"),
    ({"away": False, "days": 3}, "days"),
    ({"away": False, "until": _later(3)}, "until"),
    ({"days": 3}, "away"),
    ({"away": "maybe"}, "away"),
    ({"away": True, "days": "three"}, "days"),
    ({"away": True, "until": "next week"}, "until"),
    ({"away": True, "days": 10**30}, "days"),
])
def test_bad_away_input_is_refused_with_the_field_and_changes_nothing(api, member, body, field):
    ends = do_set_away(user=member, away=True, days=5)
    response = _put(api(member), body)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["field"] == field and error["message"]
    member.refresh_from_db()
    assert member.away_until == ends


def test_the_refusal_says_what_to_send(api, member):
    error = _put(api(member), {"away": True, "days": 400}).json()["error"]
    assert error["message"] == "Say how many days you are away: 1 to 365."


def test_going_away_leaves_everyone_else_as_they_were(api, member, leader):
    later = timezone.now() + timedelta(days=2)
    do_set_away(user=leader, away=True, until=later)
    assert _put(api(member), {"away": True, "days": 7}).status_code == 200
    assert _put(api(member), {"away": False}).status_code == 200
    leader.refresh_from_db()
    assert leader.away_until == later
    as_leader = api(leader)
    assert as_leader.get("/api/v1/asks/away").json()["away"] is True


def test_an_away_time_that_has_ended_reads_as_back(api, member):
    member.away_until = timezone.now() - timedelta(hours=1)
    member.save(update_fields=["away_until"])
    assert api(member).get("/api/v1/asks/away").json() == {"away": False, "until": None}


def test_a_guest_cannot_go_away_on_the_web_in_the_api_or_through_the_action(client, guest):
    client.force_login(guest)
    assert client.post("/asks/away", {"days": "3"}).status_code == 404  # the guest fence, as before
    response = client.put("/api/v1/asks/away", json.dumps({"away": True, "days": 3}), content_type="application/json")
    assert response.status_code == 401  # guests never use the API
    assert client.get("/api/v1/asks/away").status_code == 401
    with pytest.raises(Forbidden):
        do_set_away(user=guest, away=True, days=3)
    guest.refresh_from_db()
    assert guest.away_until is None


def test_signed_out_nobody_reads_or_sets_away(client):
    assert client.get("/api/v1/asks/away").status_code == 401
    response = client.put("/api/v1/asks/away", json.dumps({"away": True, "days": 3}), content_type="application/json")
    assert response.status_code == 401


def test_the_page_goes_away_and_back_through_the_action(client, member):
    client.force_login(member)
    response = client.post("/asks/away", {"days": "3"})
    assert response.status_code == 302 and response["Location"] == "/asks"
    member.refresh_from_db()
    assert member.away_until is not None
    page = client.get("/asks")
    assert page.context["away_until"] == member.away_until
    client.post("/asks/away", {"days": "0"})
    member.refresh_from_db()
    assert member.away_until is None
    messages = [str(m) for m in get_messages(client.post("/asks/away", {"days": "400"}).wsgi_request)]
    assert messages[-1] == "Say how many days you are away: 1 to 365."


def test_the_action_refuses_a_bool_for_days(member):
    with pytest.raises(ActionError):
        do_set_away(user=member, away=True, days=True)
    member.refresh_from_db()
    assert member.away_until is None
