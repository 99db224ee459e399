"""Changing a scheduled post in a real browser: it comes off the schedule until it is checked again.

The fixtures come from colony/tests/test_browser.py; desktop and phone sizes.
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

from colony.desk.models import Draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HARMLESS = "Thank you to the 12 people who answered the Matter ask within an hour."
RISKY = "We expect revenue to grow 50% next quarter."


@pytest.mark.parametrize("size", list(SIZES))
def test_changing_a_scheduled_post_takes_it_off_the_schedule_until_it_is_checked_again(
    new_context: Callable[[], BrowserContext], ceo: Any, reviewer: Any, size: str  # noqa: F811
) -> None:
    claire = new_context().new_page()
    claire.set_viewport_size(SIZES[size])
    sign_in(claire, "ceo")
    claire.goto("/desk")
    claire.get_by_role("button", name="New draft").click()
    claire.get_by_label("Your post").fill(HARMLESS)
    claire.get_by_label("Publish at").fill("2099-01-05T09:30")
    claire.get_by_role("button", name="Schedule", exact=True).click()
    expect(claire.locator("#draft-status")).to_have_text("Scheduled")
    expect(claire.locator("#schedule-note")).to_contain_text("Changing it takes it off the schedule")
    claire.wait_for_load_state()  # htmx (deferred) listens before she types
    assert_accessible(claire)

    # She swaps in a forecast; the autosave takes the post off the schedule and says so.
    claire.get_by_label("Your post").fill(RISKY)
    expect(claire.locator("#autosave-status")).to_contain_text("off the schedule")
    expect(claire.locator("#draft-status")).to_have_text("Draft")
    assert_accessible(claire)
    draft = Draft.objects.get()
    assert draft.status == Draft.Status.DRAFT and draft.text == RISKY

    # Scheduling it again runs the policy on the new text: it goes to review, not out.
    claire.get_by_label("Publish at").fill("2099-01-05T09:30")
    claire.get_by_role("button", name="Schedule", exact=True).click()
    expect(claire.locator("#draft-status")).to_have_text("In review")
