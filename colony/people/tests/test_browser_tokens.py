"""API tokens in a real browser (Debian's Chromium via Playwright), on a desktop and on a phone.

A person opens Settings → API tokens, creates a named token, copies it from
the one time it is shown, sees it listed without its key, and revokes it.
The fixtures come from colony/tests/test_browser.py.

Run with::

    COLONY_DATA_DIR=/tmp/tokentest .venv/bin/pytest -q colony/people/tests/test_browser_tokens.py
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from colony.tests.test_browser import (  # noqa: F401 (fixtures)
    SIZES,
    assert_accessible,
    browser,
    event_streams,
    new_context,
    sign_in,
)

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import BrowserContext, expect

from colony.people.models import ApiToken

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



def _no_sideways_scrolling(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways"
    assert_accessible(page)  # and axe finds nothing serious


@pytest.mark.parametrize("size", list(SIZES))
def test_a_person_creates_a_named_token_sees_it_once_and_revokes_it(
    new_context: Callable[[], BrowserContext], member: Any, size: str  # noqa: F811
) -> None:
    page = new_context().new_page()
    page.set_viewport_size(SIZES[size])
    sign_in(page, "member")

    # On a phone the bottom bar scrolls sideways to reach Settings; Playwright scrolls it as a thumb would.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    page.get_by_role("navigation", name="Settings").get_by_role("link", name="API tokens").click()
    expect(page.get_by_role("heading", name="API tokens", level=1)).to_be_visible()
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()  # the empty state teaches
    _no_sideways_scrolling(page)

    page.get_by_label("Name", exact=True).fill("laptop script")
    page.get_by_label("Expires after").select_option(label="30 days")
    page.get_by_role("button", name="Create token").click()

    # shown once, in full, with the warning
    expect(page.get_by_role("heading", name="Your new token “laptop script”")).to_be_visible()
    shown = page.get_by_label("Token", exact=True)
    expect(shown).to_be_visible()
    raw = shown.input_value()
    row = ApiToken.objects.get(user=member)
    assert row.name == "laptop script" and row.expires_at is not None
    assert ApiToken.hash(raw) == row.key_hash
    expect(page.get_by_role("alert")).to_contain_text("shown only this once")
    listed = page.get_by_role("list", name="Your tokens").get_by_role("listitem").filter(has_text="laptop script")
    expect(listed).to_contain_text("Never used")
    expect(listed).to_contain_text("Expires")
    _no_sideways_scrolling(page)

    # it works from a script (a fresh context: no session cookie)
    script = new_context().request
    assert script.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status == 200

    # opening the page again lists the token without its key
    page.goto("/settings/tokens")
    expect(page.get_by_role("listitem").filter(has_text="laptop script")).to_be_visible()
    assert raw not in page.content() and row.key_hash not in page.content()
    expect(page.get_by_label("Token", exact=True)).to_have_count(0)

    # revoke, confirming the question first
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke “laptop script”").click()
    expect(page.locator("#alerts")).to_contain_text("The token was revoked")
    expect(page.get_by_text("You have no API tokens.")).to_be_visible()
    assert not ApiToken.objects.filter(user=member).exists()
    assert script.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status == 401
    _no_sideways_scrolling(page)


def test_dismissing_the_question_keeps_the_token(
    new_context: Callable[[], BrowserContext], member: Any  # noqa: F811
) -> None:
    page = new_context().new_page()
    sign_in(page, "member")
    page.goto("/settings/tokens")
    page.get_by_label("Name", exact=True).fill("ci")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_role("heading", name="Your new token “ci”")).to_be_visible()
    page.wait_for_load_state()  # the confirmation is the page script's: wait until it is there
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Revoke “ci”").click()
    expect(page.get_by_role("list", name="Your tokens").get_by_role("listitem")).to_have_count(1)
    assert ApiToken.objects.filter(user=member, name="ci").exists()
