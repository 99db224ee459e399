"""The leader's desk in a real browser: live findings, review with changes requested, approval, audit log."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from colony.tests.test_browser import (  # noqa: F401 (fixtures)
    browser,
    event_streams,
    new_context,
    sign_in,
)

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import BrowserContext, expect

from colony.social.models import Post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RISKY = "We expect revenue to grow 20% next quarter. Confidential: do not share before the board meets."
FIXED = "Revenue grew 12% last quarter, thanks to the 40 people who moved the Rotterdam warehouse in 9 hours."


def test_a_risky_post_is_flagged_live_reviewed_changed_approved_and_logged(
    new_context: Callable[[], BrowserContext], ceo: Any, reviewer: Any  # noqa: F811
) -> None:
    lena = new_context().new_page()
    sign_in(lena, "ceo")
    lena.get_by_role("navigation", name="Main").get_by_role("link", name="Desk").click()
    lena.get_by_role("button", name="New draft").click()

    # The composer flags the forecast and the confidentiality marker as she types.
    lena.get_by_label("Your post").press_sequentially(RISKY, delay=2)
    findings = lena.locator("#findings")
    expect(findings.locator("[data-kind=forward_looking]").first).to_be_visible()
    expect(findings.locator("[data-kind=disclosure]").filter(has_text="“Confidential”")).to_be_visible()
    expect(lena.locator("#autosave-status")).to_contain_text("saved")

    # Publishing sends it to review instead.
    lena.get_by_role("button", name="Publish").click()
    expect(lena.locator("#draft-status")).to_have_text("In review")
    assert not Post.objects.exists()

    # The reviewer is told, opens the draft from her notifications and asks for changes.
    rita = new_context().new_page()
    sign_in(rita, "legal")
    rita.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    rita.get_by_role("link", name="A post by Claire Ceo is waiting for your review").click()
    expect(rita.locator("main")).to_contain_text("We expect revenue")
    rita.get_by_label("Comment for the author").fill("No forecasts and nothing confidential, please.")
    rita.get_by_role("button", name="Request changes").click()
    expect(rita.get_by_text("Nothing is waiting for review.")).to_be_visible()

    # Lena is told, sees the comment, edits, and submits again.
    lena.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    lena.get_by_role("link", name="Rita Reviewer reviewed your post").click()
    expect(lena.locator("#draft-status")).to_have_text("Changes requested")
    expect(lena.locator(".review-comment")).to_contain_text("No forecasts")
    lena.get_by_label("Your post").fill(FIXED)
    expect(lena.locator("#findings [data-kind=forward_looking]")).to_have_count(0)
    lena.get_by_role("button", name="Publish").click()

    # The new figure is a financial one: it goes back to review, and nothing is published yet.
    lena.wait_for_url(re.compile(r"/desk/\d+$"))
    expect(lena.locator("#draft-status")).to_have_text("In review")
    assert not Post.objects.exists()

    # The reviewer is told again, approves it from her notifications, and it publishes.
    rita.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    rita.get_by_role("link", name="A post by Claire Ceo is waiting for your review").first.click()
    expect(rita.locator("main")).to_contain_text("Revenue grew")
    rita.get_by_role("button", name="Approve").click()
    expect(rita.get_by_text("Nothing is waiting for review.")).to_be_visible()
    post = Post.objects.get()
    assert post.text == FIXED and post.author == ceo

    # The author's audit log shows every step; the reviewer's only what was sent to review and its fate.
    lena.goto("/desk/audit")
    rows = lena.locator("table.audit-table tbody tr")
    for step in ("created the draft", "submitted it for review", "requested changes", "edited", "published it"):
        expect(rows.filter(has_text=step).first).to_be_visible()
    rita.goto("/desk/audit")
    rows = rita.locator("table.audit-table tbody tr")
    for step in ("submitted it for review", "requested changes", "published it"):
        expect(rows.filter(has_text=step).first).to_be_visible()
    expect(rows.filter(has_text="created the draft")).to_have_count(0)


LONG = ("Our winter install season starts on Monday. " * 12).strip()


def test_a_delegate_drafts_the_leader_publishes_and_prepares_it_for_x(
    new_context: Callable[[], BrowserContext], ceo: Any, assistant: Any  # noqa: F811
) -> None:
    # The leader makes Ali a delegate who drafts only.
    claire = new_context().new_page()
    sign_in(claire, "ceo")
    claire.goto("/desk/delegates")
    claire.get_by_label("Their handle").fill("assistant")
    claire.get_by_role("button", name="Add delegate").click()
    expect(claire.get_by_text("drafts only")).to_be_visible()

    # Ali writes for her and hands it over.
    ali = new_context().new_page()
    sign_in(ali, "assistant")
    ali.get_by_role("navigation", name="Main").get_by_role("link", name="Desk").click()
    ali.get_by_role("button", name="New draft").click()
    ali.get_by_label("Your post").fill(LONG)
    ali.get_by_role("button", name="Hand to the author").click()
    expect(ali.locator("#draft-status")).to_have_text("Ready for the author")

    # Claire is told, publishes it, and the post says honestly who drafted it.
    claire.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    claire.get_by_role("link", name="Ali Assistant drafted a post for you to publish").click()
    claire.get_by_role("button", name="Publish").click()
    post = claire.locator("article.post").first
    expect(post).to_contain_text("drafted with Ali Assistant")

    # She prepares it for X: too long there, so Colony offers a version that fits.
    post.get_by_role("link", name="Prepare for other networks").click()
    claire.get_by_role("link", name="X", exact=True).click()
    expect(claire.get_by_text("Too long: here is a shorter version.")).to_be_visible()
    shorter = claire.get_by_label(re.compile("Text to copy"))
    assert len(shorter.input_value()) <= 280

    # And schedules a second post from the desk for tomorrow.
    claire.goto("/desk")
    claire.get_by_role("button", name="New draft").click()
    claire.get_by_label("Your post").fill("Thank you to the 12 people who answered the Matter ask within an hour.")
    claire.get_by_label("Publish at").fill("2099-01-05T09:30")
    claire.get_by_role("button", name="Schedule", exact=True).click()
    expect(claire.locator("#draft-status")).to_have_text("Scheduled")
