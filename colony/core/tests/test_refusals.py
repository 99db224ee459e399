"""An action's refusal that a view lets through becomes the right page or status (core.middleware).

The views under ``/test-refusals/`` only raise; the last tests go through real
pages and endpoints.
"""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages

from colony.asks.actions import do_create_ask

pytestmark = [pytest.mark.django_db, pytest.mark.urls("colony.core.tests.refusal_urls")]


def _templates(response) -> list[str]:
    return [t.name for t in response.templates]


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_view_raising_not_found_shows_the_sites_404_page(client, member):
    client.force_login(member)
    for method in (client.get, client.post):
        response = method("/test-refusals/missing")
        assert response.status_code == 404
        assert "errors/404.html" in _templates(response)
        assert "That page does not exist, or it is not visible to you." in response.content.decode()


def test_a_view_raising_forbidden_shows_the_sites_403_page(client, member):
    client.force_login(member)
    response = client.post("/test-refusals/not-allowed")
    assert response.status_code == 403
    assert "errors/403.html" in _templates(response)


def test_a_refused_write_goes_back_with_the_message(client, member):
    client.force_login(member)
    response = client.post("/test-refusals/refused", HTTP_REFERER="http://testserver/communities")
    assert response.status_code == 302 and response["Location"] == "http://testserver/communities"
    assert _messages(response) == ["Say it in fewer words."]
    # Without a page to go back to, home.
    assert client.post("/test-refusals/refused")["Location"] == "/"


def test_a_refused_htmx_request_puts_the_message_in_the_alert_area_with_the_errors_status(client, member):
    client.force_login(member)
    for method in (client.get, client.post):
        response = method("/test-refusals/refused", HTTP_HX_REQUEST="true")
        assert response.status_code == 400
        assert response["HX-Retarget"] == "#alerts" and response["HX-Reswap"] == "innerHTML"
        assert "core/_error.html" in _templates(response)
        assert "Say it in fewer words." in response.content.decode()


def test_a_refused_page_read_shows_the_refusal_with_the_errors_status(client, member):
    client.force_login(member)
    response = client.get("/test-refusals/refused")
    assert response.status_code == 400
    assert "errors/refused.html" in _templates(response)
    assert "Say it in fewer words." in response.content.decode()


def test_a_marked_view_sends_every_refusal_back_not_found_included(client, member):
    client.force_login(member)
    for what, message in (("missing", "That thing does not exist or is not visible to you."),
                          ("closed", "The thing is closed.")):
        response = client.post("/test-refusals/things/7/act", {"what": what})
        assert response.status_code == 302
        assert response["Location"] == "/test-refusals/things/7"  # the view's own id fills in its fallback
        assert _messages(response)[-1] == message
    back = client.post("/test-refusals/things/7/act", {"what": "missing", "next": "/communities"})
    assert back["Location"] == "/communities"
    fragment = client.post("/test-refusals/things/7/act", {"what": "missing"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 404 and fragment["HX-Retarget"] == "#alerts"


def test_an_api_path_gets_the_apis_json_error(client, member):
    client.force_login(member)
    response = client.get("/api/test-refusals/refused")
    assert response.status_code == 400
    assert response.json() == {"error": {"code": "too_long", "message": "Say it in fewer words.", "field": "text"}}


def test_other_exceptions_are_left_alone(client, member):
    client.force_login(member)
    with pytest.raises(ValueError, match="not a refusal"):
        client.get("/test-refusals/broken")


# --- through real pages and endpoints ------------------------------------------------


def test_a_missing_ask_is_the_404_page_to_read_and_a_message_to_answer(client, member):
    client.force_login(member)
    page = client.get("/asks/123456")
    assert page.status_code == 404 and "errors/404.html" in _templates(page)
    answer = client.post("/asks/123456/respond", {"kind": "help", "pitch": "I can"})
    assert answer.status_code == 302 and answer["Location"] == "/asks/123456"
    assert _messages(answer) == ["That ask does not exist or is not visible to you."]


def test_someone_elses_ask_is_refused_with_the_message_on_the_web_and_403_in_the_api(client, api, leader, member):
    ask = do_create_ask(author=leader, need="Who knows SAP data migration?")
    client.force_login(member)
    response = client.post(f"/asks/{ask.pk}/status", {"status": "closed"})
    assert response.status_code == 302 and response["Location"] == f"/asks/{ask.pk}"
    assert _messages(response) == ["Only the person who asked can do that."]
    as_member = api(member)
    refused = as_member.post(f"/api/v1/asks/{ask.pk}/status", {"status": "closed"})
    assert refused.status_code == 403
    assert refused.json() == {"error": {"code": "forbidden", "message": "Only the person who asked can do that."}}
    ask.refresh_from_db()
    assert ask.status == "open"


def test_the_api_still_answers_with_its_json_errors(api, member):
    as_member = api(member)
    missing = as_member.get("/api/v1/asks/123456")
    assert missing.status_code == 404
    assert missing.json()["error"] == {"code": "not_found", "message": "That ask does not exist or is not visible to you."}
    bad = as_member.post("/api/v1/asks", {"need": ""})
    assert bad.status_code == 400
    assert bad.json()["error"]["field"] == "need"
