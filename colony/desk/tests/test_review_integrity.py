"""Review cannot be walked around: what goes out is exactly what was checked or approved.

Each test here reproduces a way a security audit got text past review or
read text that was never sent to review.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from colony.desk.actions import (
    do_create_draft,
    do_delegate,
    do_edit_draft,
    do_review,
    do_submit,
    publish_due,
)
from colony.desk.models import Draft
from colony.social.models import Post

from .conftest import grant

pytestmark = pytest.mark.django_db

HARMLESS = "Thanks to the 40 people in Rotterdam who moved the warehouse on Saturday in 9 hours."
RISKY = "We expect revenue to grow 50% next quarter."
RESIGNATION = "I am resigning as CEO effective today."


def _later(minutes: int = 30):
    return timezone.now() + timedelta(minutes=minutes)


def _publish_everything_due() -> None:
    publish_due(timezone.now() + timedelta(days=1))


# --- editing a scheduled or approved draft ----------------------------------------------

def test_an_author_cannot_swap_risky_text_into_a_scheduled_post(ceo, reviewer):
    draft = do_create_draft(writer=ceo, text=HARMLESS)
    draft = do_submit(draft=draft, actor=ceo, scheduled_at=_later())
    assert draft.status == Draft.Status.SCHEDULED
    draft = do_edit_draft(draft=draft, editor=ceo, text=RISKY)
    assert draft.status == Draft.Status.DRAFT  # back to draft: it must be submitted (and checked) again
    _publish_everything_due()
    assert not Post.objects.filter(text=RISKY).exists()
    draft = do_submit(draft=Draft.objects.get(pk=draft.pk), actor=ceo, scheduled_at=_later())
    assert draft.status == Draft.Status.IN_REVIEW  # the policy ran again on the new text
    _publish_everything_due()
    assert not Post.objects.exists()


def test_a_delegate_cannot_change_a_scheduled_post_into_something_the_leader_never_saw(ceo, assistant):
    do_delegate(leader=ceo, assistant=assistant, can_publish=False)
    draft = do_create_draft(writer=assistant, author=ceo, text=HARMLESS)
    draft = do_submit(draft=draft, actor=ceo, scheduled_at=_later())
    assert draft.status == Draft.Status.SCHEDULED
    draft = do_edit_draft(draft=draft, editor=assistant, text=RESIGNATION)
    assert draft.status == Draft.Status.DRAFT
    _publish_everything_due()
    assert not Post.objects.filter(text=RESIGNATION).exists()
    draft = do_submit(draft=Draft.objects.get(pk=draft.pk), actor=assistant, scheduled_at=_later())
    assert draft.status == Draft.Status.READY  # handed to the leader, not published as them
    _publish_everything_due()
    assert not Post.objects.exists()


def test_an_approved_scheduled_post_goes_back_to_review_when_it_is_edited(ceo, reviewer):
    draft = do_submit(draft=do_create_draft(writer=ceo, text=RISKY), actor=ceo, scheduled_at=_later())
    draft = do_review(draft=draft, reviewer=reviewer, decision="approve")
    assert draft.status == Draft.Status.SCHEDULED
    draft = do_edit_draft(draft=draft, editor=ceo, text=RISKY + " And margins will double.")
    assert draft.status == Draft.Status.DRAFT
    _publish_everything_due()
    assert not Post.objects.exists()


def test_publishing_sends_the_exact_text_that_was_approved(ceo, reviewer):
    draft = do_submit(draft=do_create_draft(writer=ceo, text=RISKY), actor=ceo, scheduled_at=_later())
    do_review(draft=draft, reviewer=reviewer, decision="approve")
    # Whatever happens to the row afterwards (a bug, a direct write), only the approved text may go out.
    Draft.objects.filter(pk=draft.pk).update(text=RESIGNATION)
    _publish_everything_due()
    assert not Post.objects.filter(text=RESIGNATION).exists()
    assert Draft.objects.get(pk=draft.pk).status != Draft.Status.PUBLISHED


def test_an_autosave_to_a_scheduled_draft_also_takes_it_off_the_schedule(api, ceo):
    draft = do_submit(draft=do_create_draft(writer=ceo, text=HARMLESS), actor=ceo, scheduled_at=_later())
    response = api(ceo).patch(f"/api/v1/desk/drafts/{draft.pk}", {"text": RISKY, "autosave": True})
    assert response.status_code == 200 and response.json()["status"] == "draft"
    _publish_everything_due()
    assert not Post.objects.exists()


# --- nobody reviews text they drafted --------------------------------------------------

def test_a_delegate_who_is_also_a_reviewer_cannot_approve_their_own_text(api, ceo, assistant):
    assistant = grant(assistant, "review_post")
    do_delegate(leader=ceo, assistant=assistant, can_publish=False)
    draft = do_create_draft(writer=assistant, author=ceo, text=RISKY)
    draft = do_submit(draft=draft, actor=ceo)
    assert draft.status == Draft.Status.IN_REVIEW
    response = api(assistant).post(f"/api/v1/desk/drafts/{draft.pk}/review", {"decision": "approve"})
    assert response.status_code == 403
    assert Draft.objects.get(pk=draft.pk).status == Draft.Status.IN_REVIEW
    assert not Post.objects.exists()


def test_someone_who_edited_any_version_cannot_review_it(api, ceo, assistant, reviewer):
    assistant = grant(assistant, "review_post")
    do_delegate(leader=ceo, assistant=assistant)
    draft = do_create_draft(writer=ceo, text=HARMLESS)
    do_edit_draft(draft=draft, editor=assistant, text=RISKY)
    draft = do_submit(draft=Draft.objects.get(pk=draft.pk), actor=ceo)
    assert api(assistant).post(f"/api/v1/desk/drafts/{draft.pk}/review", {"decision": "approve"}).status_code == 403
    assert api(reviewer).post(f"/api/v1/desk/drafts/{draft.pk}/review", {"decision": "approve"}).status_code == 200


# --- the audit log shows reviewers only what was sent to them ---------------------------

def test_reviewers_never_read_versions_that_were_not_sent_to_review(api, client, ceo, reviewer):
    draft = do_create_draft(writer=ceo, text="First thoughts: the Rotterdam site will close.")
    draft = do_edit_draft(draft=draft, editor=ceo, text=RISKY)
    draft = do_submit(draft=draft, actor=ceo)
    draft = do_review(draft=draft, reviewer=reviewer, decision="changes", comment="Add the safe-harbour line.")
    draft = do_edit_draft(draft=draft, editor=ceo, text="Unsent: we will also cut 200 jobs.")
    texts = " ".join(e["text"] for e in api(reviewer).get("/api/v1/desk/audit").json())
    assert RISKY in texts  # what they were asked to review
    assert "Rotterdam site will close" not in texts and "200 jobs" not in texts
    exported = api(reviewer).get("/api/v1/desk/audit", format="csv").content.decode()
    assert RISKY in exported and "Rotterdam site" not in exported and "200 jobs" not in exported
    client.force_login(reviewer)
    for url in ("/desk/audit.csv", "/desk/audit.json", "/desk/audit", f"/desk/{draft.pk}"):
        page = client.get(url).content.decode()
        assert "Rotterdam site" not in page and "200 jobs" not in page, url
    # the draft itself, now back with its author, is not the reviewer's to open
    assert api(reviewer).get(f"/api/v1/desk/drafts/{draft.pk}").status_code == 404
    # the author still sees everything
    own = " ".join(e["text"] for e in api(ceo).get("/api/v1/desk/audit").json())
    assert "Rotterdam site" in own and "200 jobs" in own


def test_a_published_post_for_one_person_stays_out_of_the_reviewers_log(api, ceo, reviewer, member):
    draft = do_create_draft(writer=ceo, text="@member a word about your move, just for you.",
                            visibility="mentioned")
    draft = do_submit(draft=draft, actor=ceo)
    assert draft.status == Draft.Status.PUBLISHED
    log = api(reviewer).get("/api/v1/desk/audit").json()
    assert draft.pk not in {e["draft_id"] for e in log}
    assert "your move" not in api(reviewer).get("/api/v1/desk/audit", format="csv").content.decode()
