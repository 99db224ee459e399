"""Asks end to end through the API and pages: create and route, respond, shortlist, war room, measures."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from colony.asks.actions import asks_to_widen, do_create_ask, do_respond
from colony.asks.models import Ask, Match, Response
from colony.asks.tasks import widen_asks
from colony.communities.models import Community, Membership
from colony.notifications.models import Notification
from colony.social.models import Attachment, Post
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def upload(data: bytes, name: str) -> io.BytesIO:
    f = io.BytesIO(data)
    f.name = name
    return f


@pytest.fixture
def experts(commit):
    with commit():
        people = [
            make_person("sanne", title="ERP consultant", skills=["SAP", "data migration"],
                        bio="Moving finance data between ERP systems."),
            make_person("kostya", title="Platform engineer", skills=["Kubernetes"], bio="Container platforms."),
            make_person("carlo", title="Office manager", bio="Canteen and events."),
        ]
        publish(people[0], "We finished the SAP data migration of the Rotterdam warehouse.")
    return people


def test_creating_an_ask_routes_it_and_notifies_the_top_people_with_reasons(api, client, leader, experts, settings):
    settings.COLONY_ASK_NOTIFY = 2
    response = api(leader).post("/api/v1/asks", {"text": "Wie kent SAP datamigratie? Nodig voor vrijdag.",
                                                 "skills": ["SAP"], "urgency": "high"})
    assert response.status_code == 201, response.content
    body = response.json()
    ask_id = body["id"]
    assert body["need"].startswith("Wie kent SAP")
    notified = set(Notification.objects.filter(kind="ask", post_id=ask_id).values_list("recipient__username",
                                                                                        flat=True))
    assert len(notified) == 2 and "sanne" in notified and "leader" not in notified
    detail = api(leader).get(f"/api/v1/asks/{ask_id}").json()
    assert detail["measures"]["people_notified"] == 2
    assert detail["measures"]["time_to_first_response_seconds"] is None
    assert detail["resolved"] is False
    top = detail["matches"][0]
    assert top["handle"] == "sanne" and any("SAP" in r or "sap" in r for r in top["reasons"])
    # The ask shows up distinctly in the organisation timeline.
    client.force_login(leader)
    page = client.get("/organisation")
    assert b"ask-banner" in page.content


def test_preview_ranks_without_notifying_and_excludes_the_caller(api, leader, experts):
    response = api(leader).post("/api/v1/asks/preview", {"text": "SAP data migration help", "limit": 2,
                                                         "exclude": ["kostya"]})
    assert response.status_code == 200
    candidates = response.json()["candidates"]
    assert candidates[0]["handle"] == "sanne"
    assert all(c["handle"] not in ("leader", "kostya") for c in candidates)
    assert len(candidates) <= 2 and all(c["reasons"] and isinstance(c["score"], float) for c in candidates)
    assert not Notification.objects.filter(kind="ask").exists()
    # Only matched people see who was asked: the preview is the caller's own.
    as_sanne = api(experts[0]).post("/api/v1/asks/preview", {"text": "SAP data migration"}).json()
    assert "sanne" not in [c["handle"] for c in as_sanne["candidates"]]


@pytest.mark.parametrize("body", [{"text": ""}, {"text": "x", "limit": 0}, {"text": "x", "limit": 1000},
                                  {"text": "x", "skills": [f"s{i}" for i in range(20)]}, {}])
def test_bad_previews_are_refused_clearly(api, leader, body):
    response = api(leader).post("/api/v1/asks/preview", body)
    assert response.status_code == 400
    assert response.json()["error"]["message"]


@pytest.mark.parametrize("body", [{"need": ""}, {"need": "x" * 281}, {"need": "ok", "urgency": "whenever"},
                                  {"need": "ok", "audience": "people"}, {"need": "ok", "deadline": "2001-01-01"},
                                  {"need": "ok", "audience": "community"}])
def test_bad_asks_are_refused_and_change_nothing(api, leader, body):
    response = api(leader).post("/api/v1/asks", body)
    assert response.status_code == 400, response.content
    assert not Post.objects.exists() and not Ask.objects.exists()


def test_a_community_ask_is_routed_only_within_the_community(api, leader, experts, commit):
    community = Community.objects.create(name="Warehouse", slug="warehouse", kind="closed")
    Membership.objects.create(community=community, user=leader, role="owner")
    Membership.objects.create(community=community, user=experts[2])
    response = api(leader).post("/api/v1/asks", {"need": "SAP data migration?", "audience": "community",
                                                 "community_id": community.pk})
    assert response.status_code == 201
    assert set(Match.objects.values_list("user__username", flat=True)) == {"carlo"}
    assert api(experts[0]).get(f"/api/v1/asks/{response.json()['id']}").status_code == 404


def test_respond_with_a_pdf_then_shortlist_then_war_room(api, client, leader, experts, commit):
    with commit():
        ask = do_create_ask(author=leader, need="Who knows SAP data migration?", brief="Cut-over is in March.")
    sanne = api(experts[0])
    r = sanne.upload(f"/api/v1/asks/{ask.pk}/responses",
                     {"document": upload(PDF, "cv.pdf")}, pitch="I migrated Rotterdam.", kind="help")
    assert r.status_code == 201, r.content
    response_id = r.json()["id"]
    assert r.json()["attachment_name"] == "cv.pdf"
    # The asker sees the private response and its document; others do not.
    assert [x["id"] for x in api(leader).get(f"/api/v1/asks/{ask.pk}/responses").json()] == [response_id]
    assert api(experts[1]).get(f"/api/v1/asks/{ask.pk}/responses").json() == []
    url = r.json()["attachment_url"]
    client.force_login(leader)
    assert client.get(url).status_code == 200
    client.force_login(experts[1])
    assert client.get(url).status_code == 404
    assert Notification.objects.filter(kind="ask_response", recipient=leader).exists()

    assert api(experts[1]).post(f"/api/v1/asks/{ask.pk}/responses/{response_id}/shortlist", {}).status_code == 404
    assert api(leader).post(f"/api/v1/asks/{ask.pk}/war-room", {}).status_code == 400  # nothing shortlisted yet
    short = api(leader).post(f"/api/v1/asks/{ask.pk}/responses/{response_id}/shortlist", {"shortlisted": True})
    assert short.status_code == 200 and short.json()["shortlisted"]
    room = api(leader).post(f"/api/v1/asks/{ask.pk}/war-room", {})
    assert room.status_code == 201
    community = Community.objects.get(pk=room.json()["id"])
    assert community.kind == "secret"
    assert set(community.memberships.values_list("user__username", flat=True)) == {"leader", "sanne"}
    first = Post.objects.filter(community=community).order_by("id").first()
    assert first is not None and "Cut-over is in March." in first.text
    assert Notification.objects.filter(kind="war_room", recipient=experts[0]).exists()
    from colony.wiki.models import WikiPage

    page = WikiPage.objects.get(community=community)
    assert "Cut-over is in March." in page.current.text  # type: ignore[union-attr]
    # Opening again returns the same room.
    assert api(leader).post(f"/api/v1/asks/{ask.pk}/war-room", {}).json()["id"] == str(community.pk)
    measures = api(leader).get(f"/api/v1/asks/{ask.pk}").json()["measures"]
    assert measures["responders"] == 1 and measures["time_to_first_shortlisted_seconds"] is not None


def test_a_docx_is_accepted_and_other_files_are_refused_without_a_trace(api, leader, experts, commit, settings):
    with commit():
        ask = do_create_ask(author=leader, need="Who can write our tender?")
    kostya = api(experts[1])
    bad = kostya.upload(f"/api/v1/asks/{ask.pk}/responses", {"document": upload(b"MZ\x90\x00 not a doc", "cv.exe")},
                        pitch="me")
    assert bad.status_code == 415
    settings.COLONY_MAX_RESPONSE_BYTES = 10
    big = kostya.upload(f"/api/v1/asks/{ask.pk}/responses", {"document": upload(PDF, "cv.pdf")}, pitch="me")
    assert big.status_code == 413
    assert not Response.objects.exists() and not Attachment.objects.exists()
    settings.COLONY_MAX_RESPONSE_BYTES = 10 * 1024 * 1024
    good = kostya.upload(f"/api/v1/asks/{ask.pk}/responses", {"document": upload(docx_bytes(), "brief.docx")},
                         pitch="me")
    assert good.status_code == 201 and Attachment.objects.get().kind == "docx"
    again = kostya.upload(f"/api/v1/asks/{ask.pk}/responses", {}, pitch="me again")
    assert again.status_code == 400 and Response.objects.count() == 1


def test_i_know_someone_notifies_the_referred_colleague(api, leader, experts, commit):
    with commit():
        ask = do_create_ask(author=leader, need="Need a Kubernetes person")
    r = api(experts[2]).upload(f"/api/v1/asks/{ask.pk}/responses", {}, kind="refer", referred="@kostya",
                               pitch="She runs our clusters")
    assert r.status_code == 201, r.content
    assert Notification.objects.filter(kind="referral", recipient=experts[1], post_id=ask.pk).exists()
    assert Match.objects.filter(ask=ask, user=experts[1]).exists()
    nobody = api(experts[2]).upload(f"/api/v1/asks/{ask.pk}/responses", {}, kind="refer", referred="@nobody")
    assert nobody.status_code == 400
    own = api(leader).upload(f"/api/v1/asks/{ask.pk}/responses", {}, pitch="me")
    assert own.status_code == 400


def test_an_unanswered_ask_widens_to_the_next_people(leader, commit, settings):
    settings.COLONY_ASK_NOTIFY = 2
    with commit():
        for i in range(5):
            make_person(f"eng{i}", title="Engineer", skills=["SAP"])
    with commit():
        ask = do_create_ask(author=leader, need="SAP help please")
    assert Match.objects.filter(ask=ask).count() == 2
    assert asks_to_widen() == []
    Ask.objects.filter(pk=ask.pk).update(last_routed_at=timezone.now() - timedelta(hours=3))
    widen_asks.call_local()
    assert Match.objects.filter(ask=ask).count() == 4
    assert set(Match.objects.filter(ask=ask).values_list("round", flat=True)) == {1, 2}
    # Once someone responds, it stops widening.
    with commit():
        helper = Match.objects.filter(ask=ask).select_related("user").first()
        assert helper is not None
        do_respond(ask=Ask.objects.get(pk=ask.pk), author=helper.user, pitch="me")
    Ask.objects.filter(pk=ask.pk).update(last_routed_at=timezone.now() - timedelta(hours=3))
    assert asks_to_widen() == []


def test_matched_people_get_an_email_when_email_is_configured(leader, experts, commit, settings):
    settings.COLONY_EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    experts[0].email = "sanne@example.org"
    experts[0].save()
    with commit():
        do_create_ask(author=leader, need="SAP data migration help")
    assert [m.to for m in mail.outbox] == [["sanne@example.org"]]


def test_resolving_shows_in_the_measures(api, leader, experts, commit):
    with commit():
        ask = do_create_ask(author=leader, need="SAP?")
    assert api(experts[0]).post(f"/api/v1/asks/{ask.pk}/status", {"status": "resolved"}).status_code == 403
    body = api(leader).post(f"/api/v1/asks/{ask.pk}/status", {"status": "resolved"}).json()
    assert body["resolved"] and body["measures"]["resolved"]
    assert api(leader).post(f"/api/v1/asks/{ask.pk}/status", {"status": "maybe"}).status_code == 400


def test_the_pages_work(client, leader, experts, commit):
    client.force_login(leader)
    assert b"Write your first ask" in client.get("/asks").content
    page = client.post("/asks/new", {"need": "Who knows SAP data migration?", "urgency": "normal",
                                     "audience": "organisation", "skills": "SAP"})
    assert page.status_code == 302
    ask = Ask.objects.get()
    detail = client.get(page["Location"])
    assert detail.status_code == 200 and b"Who was asked" in detail.content
    preview = client.post("/asks/preview", {"need": "SAP data migration"}, HTTP_HX_REQUEST="true")
    assert b"sanne" in preview.content
    bad = client.post("/asks/new", {"need": "", "urgency": "normal", "audience": "organisation"})
    assert bad.status_code == 400 and Ask.objects.count() == 1
    client.force_login(experts[0])
    mine = client.get("/asks")
    assert b"Why you:" in mine.content
    sent = client.post(f"/asks/{ask.pk}/respond", {"kind": "help", "pitch": "I can", "document": upload(PDF, "cv.pdf")})
    assert sent.status_code == 302 and Response.objects.count() == 1
    assert client.post("/asks/away", {"days": "abc"}).status_code == 302
    experts[0].refresh_from_db()
    assert experts[0].away_until is None
    client.post("/asks/away", {"days": "3"})
    experts[0].refresh_from_db()
    assert experts[0].away_until is not None


def test_listing_asks_costs_the_same_queries_however_many_there_are(api, client, leader, experts, commit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def ask_queries(captured: CaptureQueriesContext) -> int:
        # Sessions, tokens and the signed-in user vary with the client; the asks' own reads must not grow.
        return sum(1 for q in captured.captured_queries if "asks_" in q["sql"] or "people_skill" in q["sql"])

    def cost() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as listing:
            body = api(leader).get("/api/v1/asks?limit=100").json()
        assert all(a["measures"]["people_notified"] == len(a["matches"]) and a["measures"]["responses"] == 1
                   for a in body)
        client.force_login(leader)
        with CaptureQueriesContext(connection) as page:
            assert client.get("/asks").status_code == 200
        return ask_queries(listing), ask_queries(page)

    with commit():
        first = do_create_ask(author=leader, need="Who knows SAP data migration?", skills=["SAP"])
        do_respond(ask=first, author=experts[0], pitch="I moved Rotterdam.")
    few = cost()
    with commit():
        for i in range(4):
            ask = do_create_ask(author=leader, need=f"Kubernetes help for cluster {i}", skills=["Kubernetes"])
            do_respond(ask=ask, author=experts[1], pitch="Our clusters run it.")
    assert cost() == few
