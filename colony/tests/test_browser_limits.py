"""Limits a person can meet in the composer, in a real browser on a desktop and on a phone.

Too many mentions, or writing too fast: the message says what to do, and
what was typed stays in the box. The fixtures come from test_browser.py.
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

from colony.social.models import Post
from colony.testing import make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



@pytest.mark.parametrize("size", list(SIZES))
def test_a_post_mentioning_too_many_people_is_refused_and_the_text_stays(
    new_context: Callable[[], BrowserContext], member: Any, size: str  # noqa: F811
) -> None:
    for i in range(51):
        make_person(f"p{i:02d}")
    text = "All hands: " + " ".join(f"@p{i:02d}" for i in range(51))
    page = new_context().new_page()
    page.set_viewport_size(SIZES[size])
    sign_in(page, "member")
    page.get_by_label("New post").fill(text)
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator("#alerts")).to_contain_text("at most 50 people")
    expect(page.get_by_label("New post")).to_have_value(text)
    assert not Post.objects.exists()
    assert_accessible(page)


@pytest.mark.parametrize("size", list(SIZES))
def test_writing_too_fast_says_when_to_try_again_and_keeps_the_text(
    new_context: Callable[[], BrowserContext], member: Any, size: str, settings: Any  # noqa: F811
) -> None:
    settings.COLONY_WRITE_RATE_PER_MINUTE = 2
    page = new_context().new_page()
    page.set_viewport_size(SIZES[size])
    sign_in(page, "member")
    composer = page.get_by_label("New post")
    for n in range(2):
        composer.fill(f"Note {n}")
        page.get_by_role("button", name="Post", exact=True).click()
        expect(page.locator("#timeline article.post").filter(has_text=f"Note {n}")).to_be_visible()
    composer.fill("One more thought")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator("#alerts")).to_contain_text("too often")
    expect(page.locator("#alerts")).to_contain_text("Try again in")
    expect(composer).to_have_value("One more thought")
    assert Post.objects.count() == 2
    assert_accessible(page)


def test_on_a_phone_every_place_and_signing_out_are_within_reach(
    new_context: Callable[[], BrowserContext], member: Any  # noqa: F811
) -> None:
    page = new_context().new_page()
    page.set_viewport_size(SIZES["phone"])
    sign_in(page, "member")
    nav = page.get_by_role("navigation", name="Main")
    for place in ("Settings", "Notifications", "Home"):
        nav.get_by_role("link", name=place).click()  # scrolled into view in the bar if needed
        expect(nav.get_by_role("link", name=place)).to_have_attribute("aria-current", "page")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways"
    assert_accessible(page)
    nav.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to Colony")).to_be_visible()
