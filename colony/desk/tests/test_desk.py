"""The desk end to end through its API and pages: check, draft, review, schedule, delegate, audit."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from colony.desk.actions import do_create_draft, do_delegate, do_submit, publish_due
from colony.desk.models import AuditEvent, Draft
from colony.notifications.models import Notification
from colony.social.models import Post

pytestmark = pytest.mark.django_db

RISKY = "We expect revenue to grow 20% next quarter. Confidential: the Rotterdam deal is close."
PLAIN = "Thanks to the 40 people in Rotterdam who moved the warehouse on Saturday in 9 hours."


def test_the_check_contract(api, ceo):
    r = api(ceo).post("/api/v1/desk/check", {"text": RISKY, "channel": "x"})
    assert r.status_code == 200, r.content
    body = r.json()
    kinds = {f["kind"] for f in body["findings"]}
    assert {"forward_looking", "disclosure"} <= kinds
    assert 0 <= body["specificity"] <= 1
    assert body["length"]["limit"] == 280 and body["length"]["used"] > 0
    for f in body["findings"]:
        assert f["severity"] in ("info", "warn", "block") and 0 <= f["start"] <= f["end"] <= len(RISKY)
        assert f["message"]


@pytest.mark.parametrize("body, status", [
    ({"text": "", "channel": "colony"}, 200),
    ({"text": "x" * 100_000, "channel": "colony"}, 200),
    ({"text": "x" * 100_001, "channel": "colony"}, 400),
    ({"text": "🎉🎉🎉", "channel": "bluesky"}, 200),
    ({"text": "Мы ожидаем рост; we expect growth; kami memperkirakan 成長", "channel": "x"}, 200),
    ({"text": "hello", "channel": "myspace"}, 400),
    ({"text": "hello", "language": "not a language!"}, 400),
    ({"channel": "x"}, 400),
])
def test_bad_input_gets_a_clear_answer_never_a_500(api, ceo, body, status):
    r = api(ceo).post("/api/v1/desk/check", body)
    assert r.status_code == status, r.content
    if status == 400:
        assert r.json()["error"]["message"]


def test_the_checks_speak_the_writers_language(api, ceo):
    ceo.ui_language = "nl"
    ceo.save()
    body = api(ceo).post("/api/v1/desk/check", {"text": RISKY}).json()
    english = api(ceo).post("/api/v1/desk/check", {"text": RISKY}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["findings"] and body["findings"] == english["findings"]  # the person's choice wins over the header
    messages = {f["kind"]: f["message"] for f in body["findings"] if f["kind"] != "disclosure"}
    assert messages["forward_looking"] == ("“expect revenue to grow 20% next quarter” is een toekomstgerichte "
                                           "uitspraak; doe die alleen met de safe-harbourtekst.")
    assert messages["specificity"] == "Deze zin is algemeen; lezers onthouden concrete details."


def test_a_plain_post_publishes_at_once(api, ceo):
    draft = api(ceo).post("/api/v1/desk/drafts", {"text": PLAIN}).json()
    done = api(ceo).post(f"/api/v1/desk/drafts/{draft['id']}/submit", {}).json()
    assert done["status"] == "published" and done["post_id"]
    assert Post.objects.get(pk=done["post_id"]).text == PLAIN
    assert list(AuditEvent.objects.filter(draft_id=draft["id"]).values_list("action", flat=True)) == [
        "created", "published"]


def test_policy_sends_risky_posts_to_review_and_the_reviewer_decides(api, ceo, reviewer):
    draft = api(ceo).post("/api/v1/desk/drafts", {"text": RISKY}).json()
    sent = api(ceo).post(f"/api/v1/desk/drafts/{draft['id']}/submit", {}).json()
    assert sent["status"] == "in_review" and not Post.objects.exists()
    assert {f["kind"] for f in sent["review_reasons"]} >= {"forward_looking"}
    assert Notification.objects.filter(recipient=reviewer, kind="review", detail=str(draft["id"])).exists()

    # Nobody reviews their own post; a comment is needed to request changes.
    assert api(ceo).post(f"/api/v1/desk/drafts/{draft['id']}/review", {"decision": "approve"}).status_code == 403
    assert api(reviewer).post(f"/api/v1/desk/drafts/{draft['id']}/review", {"decision": "changes"}).status_code == 400
    changes = api(reviewer).post(f"/api/v1/desk/drafts/{draft['id']}/review",
                                 {"decision": "changes", "comment": "Drop the forecast and the deal."}).json()
    assert changes["status"] == "changes"
    edited = api(ceo).patch(f"/api/v1/desk/drafts/{draft['id']}", {"text": PLAIN + " We expect more."}).json()
    assert edited["version"] == 2
    again = api(ceo).post(f"/api/v1/desk/drafts/{draft['id']}/submit", {}).json()
    assert again["status"] == "in_review"
    approved = api(reviewer).post(f"/api/v1/desk/drafts/{draft['id']}/review", {"decision": "approve"}).json()
    assert approved["status"] == "published"
    assert Post.objects.get().text == PLAIN + " We expect more."
    actions = list(AuditEvent.objects.filter(draft_id=draft["id"]).values_list("action", flat=True))
    assert actions == ["created", "submitted", "changes", "edited", "submitted", "approved", "published"]

    # The log is exported as JSON and CSV: the author's with every version's text, the
    # reviewer's with what was sent to review and what became of it.
    assert [e["action"] for e in api(ceo).get("/api/v1/desk/audit", draft_id=draft["id"]).json()] == actions
    reviewed = ["submitted", "changes", "submitted", "approved", "published"]
    log = api(reviewer).get("/api/v1/desk/audit", draft_id=draft["id"]).json()
    assert [e["action"] for e in log] == reviewed and log[1]["comment"] == "Drop the forecast and the deal."
    exported = api(reviewer).get("/api/v1/desk/audit", format="csv")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert [r["action"] for r in rows] == reviewed and rows[0]["text"] == RISKY
    assert api(reviewer).get("/api/v1/desk/audit", format="xml").status_code == 400


def test_the_audit_log_cannot_be_changed():
    event = AuditEvent.objects.create(draft_id=1, action="created")
    event.comment = "rewritten"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_a_rejected_post_never_publishes(api, ceo, reviewer):
    draft = do_create_draft(writer=ceo, text=RISKY)
    do_submit(draft=draft, actor=ceo)
    api(reviewer).post(f"/api/v1/desk/drafts/{draft.pk}/review", {"decision": "reject", "comment": "No."})
    assert Draft.objects.get().status == "rejected" and not Post.objects.exists()
    assert api(ceo).post(f"/api/v1/desk/drafts/{draft.pk}/submit", {}).status_code == 400


def test_a_scheduled_post_publishes_once_when_due(api, ceo):
    draft = do_create_draft(writer=ceo, text=PLAIN)
    when = timezone.now() + timedelta(minutes=5)
    r = api(ceo).post(f"/api/v1/desk/drafts/{draft.pk}/submit", {"scheduled_at": when.isoformat()})
    assert r.json()["status"] == "scheduled"
    assert publish_due() == 0 and not Post.objects.exists()
    later = when + timedelta(seconds=1)
    assert publish_due(later) == 1
    assert publish_due(later) == 0  # a second sweep (a restart, another worker) finds nothing to do
    assert Post.objects.count() == 1
    past = api(ceo).post("/api/v1/desk/drafts", {"text": PLAIN}).json()
    bad = api(ceo).post(f"/api/v1/desk/drafts/{past['id']}/submit",
                        {"scheduled_at": (timezone.now() - timedelta(hours=1)).isoformat()})
    assert bad.status_code == 400 and Draft.objects.get(pk=past["id"]).status == "draft"


def test_a_delegate_drafts_and_publishes_only_when_allowed(api, ceo, assistant):
    assert api(assistant).post("/api/v1/desk/drafts", {"text": PLAIN, "author": "ceo"}).status_code == 403
    do_delegate(leader=ceo, assistant=assistant)
    draft = api(assistant).post("/api/v1/desk/drafts", {"text": PLAIN, "author": "ceo"}).json()
    assert draft["author"] == "ceo" and draft["drafted_by"] == "assistant"
    handed = api(assistant).post(f"/api/v1/desk/drafts/{draft['id']}/submit", {}).json()
    assert handed["status"] == "ready" and not Post.objects.exists()
    assert Notification.objects.filter(recipient=ceo, kind="drafted").exists()
    published = api(ceo).post(f"/api/v1/desk/drafts/{draft['id']}/submit", {}).json()
    post = Post.objects.get(pk=published["post_id"])
    assert post.author == ceo and post.drafted_with == assistant  # honest authorship

    do_delegate(leader=ceo, assistant=assistant, can_publish=True)
    second = api(assistant).post("/api/v1/desk/drafts", {"text": PLAIN + " Again.", "author": "ceo"}).json()
    assert api(assistant).post(f"/api/v1/desk/drafts/{second['id']}/submit", {}).json()["status"] == "published"


def test_drafts_are_private_to_author_delegates_and_reviewers(api, ceo, assistant, reviewer, member):
    draft = do_create_draft(writer=ceo, text=RISKY)
    for person, status in ((ceo, 200), (assistant, 404), (reviewer, 404), (member, 404)):
        assert api(person).get(f"/api/v1/desk/drafts/{draft.pk}").status_code == status
    do_delegate(leader=ceo, assistant=assistant)
    do_submit(draft=draft, actor=ceo)
    for person, status in ((assistant, 200), (reviewer, 200), (member, 404)):
        assert api(person).get(f"/api/v1/desk/drafts/{draft.pk}").status_code == status
    assert api(member).get("/api/v1/desk/audit").json() == []
    assert api(member).get("/api/v1/desk/drafts").json() == []


def test_the_pages(client, ceo, reviewer, comms):
    client.force_login(ceo)
    assert b"New draft" in client.get("/desk").content
    created = client.post("/desk/new", {"author": "ceo"})
    draft_url = created["Location"]
    assert client.get(draft_url).status_code == 200
    fragment = client.post("/desk/check", {"text": RISKY, "channel": "x"}, HTTP_HX_REQUEST="true")
    assert b"forward_looking" in fragment.content
    draft_id = int(draft_url.rstrip("/").split("/")[-1])
    saved = client.post(f"/desk/{draft_id}/save", {"text": "autosaved text", "autosave": "1"}, HTTP_HX_REQUEST="true")
    assert saved.status_code == 200 and Draft.objects.get(pk=draft_id).text == "autosaved text"
    client.post(f"/desk/{draft_id}/submit", {"text": RISKY})
    assert Draft.objects.get(pk=draft_id).status == "in_review"
    client.force_login(reviewer)
    assert RISKY[:20].encode() in client.get("/desk/review").content
    client.post(f"/desk/{draft_id}/review", {"decision": "approve"})
    assert Draft.objects.get(pk=draft_id).status == "published"
    exported = client.get("/desk/audit.json")
    assert [e["action"] for e in json.loads(exported.content)][-2:] == ["approved", "published"]
    post = Draft.objects.get(pk=draft_id).post
    assert post is not None
    client.force_login(ceo)
    copy = client.get(f"/posts/{post.pk}/copy", {"channel": "x"})
    assert copy.status_code == 200 and b"of 280" in copy.content
    client.force_login(comms)
    assert client.get("/desk/policy").status_code == 200
    client.post("/desk/policy", {"form": "term", "kind": "banned", "term": "synergy", "replacement": "working together"})
    client.force_login(ceo)
    found = client.post("/desk/check", {"text": "Great synergy in Rotterdam."}, HTTP_HX_REQUEST="true")
    assert b"brand" in found.content
    client.force_login(reviewer)
    assert client.get("/desk/policy").status_code == 404
