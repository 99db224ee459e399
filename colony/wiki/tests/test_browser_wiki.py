"""The wiki in a real browser (Debian's Chromium via Playwright), against the live server.

Two people edit the same page at once; the second save conflicts, that
person merges and saves, and the history shows both changes and a diff.
The fixtures come from colony/tests/test_browser.py.

Run with::

    COLONY_DATA_DIR=/tmp/wikitest .venv/bin/pytest -q colony/wiki/tests/test_browser_wiki.py
"""

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

from colony.wiki.actions import do_create_page
from colony.wiki.models import WikiRevision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_people_edit_a_page_at_once_and_the_second_merges_before_saving(
    new_context: Callable[[], BrowserContext], leader: Any, member: Any  # noqa: F811
) -> None:
    do_create_page(author=leader, title="Outage runbook",
                   text="1. Check the dashboards\n2. Page the on-call engineer")

    # Lena and Max both open the page from the wiki and start editing revision 1.
    lena = new_context().new_page()
    sign_in(lena, "leader")
    lena.get_by_role("navigation", name="Main").get_by_role("link", name="Wiki").click()
    lena.get_by_role("link", name="Outage runbook").click()
    lena.get_by_role("link", name="Edit").click()
    max_page = new_context().new_page()
    sign_in(max_page, "member")
    max_page.get_by_role("navigation", name="Main").get_by_role("link", name="Wiki").click()
    max_page.get_by_role("link", name="Outage runbook").click()
    max_page.get_by_role("link", name="Edit").click()
    expect(max_page.get_by_label("Text", exact=True)).to_have_value(
        "1. Check the dashboards\n2. Page the on-call engineer")

    # Lena saves first.
    lena.get_by_label("Text", exact=True).fill(
        "1. Check the dashboards\n2. Page the on-call engineer\n3. Post an update in the incident channel")
    lena.get_by_label("Summary of your change (optional)").fill("add the update step")
    lena.get_by_role("button", name="Preview").click()  # htmx: rendered in place, nothing saved
    expect(lena.locator("#wiki-preview li")).to_have_count(3)
    assert WikiRevision.objects.count() == 1
    lena.get_by_role("button", name="Save", exact=True).click()
    expect(lena.locator("#alerts")).to_contain_text("Saved as revision 2")

    # Max's save, started from revision 1, does not overwrite hers: he sees both versions and a diff.
    mine = "1. Check the dashboards and the status page\n2. Page the on-call engineer"
    max_page.get_by_label("Text", exact=True).fill(mine)
    max_page.get_by_role("button", name="Save", exact=True).click()
    expect(max_page.get_by_role("heading", name="Someone else saved this page while you were editing")).to_be_visible()
    expect(max_page.get_by_role("alert").first).to_contain_text("revision 2")
    expect(max_page.get_by_label("The current version", exact=True)).to_contain_text("incident channel")
    expect(max_page.locator(".conflict table.diff")).to_contain_text("status page")
    box = max_page.get_by_label("Your text, to merge with the current version")
    expect(box).to_have_value(mine)
    assert WikiRevision.objects.count() == 2

    # He merges Lena's line into his text and saves.
    box.fill(mine + "\n3. Post an update in the incident channel")
    max_page.get_by_role("button", name="Save merged version").click()
    expect(max_page.locator("#alerts")).to_contain_text("Saved as revision 3")
    body = max_page.locator(".wiki-body")
    expect(body).to_contain_text("status page")
    expect(body).to_contain_text("incident channel")

    # The history shows both people's revisions, and the diff between the last two.
    max_page.get_by_role("link", name="History").click()
    expect(max_page.get_by_role("heading", name=re.compile("History of"))).to_be_visible()
    rows = max_page.locator("table.wiki-history tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Max Member")
    expect(rows.nth(1)).to_contain_text("Lena Leader")
    expect(rows.nth(1)).to_contain_text("add the update step")
    max_page.get_by_label("Compare from revision 2").check()
    max_page.get_by_label("Compare to revision 3").check()
    max_page.get_by_role("button", name="Compare selected revisions").click()
    expect(max_page.get_by_role("heading", name=re.compile("revision 2 to revision 3"))).to_be_visible()
    expect(max_page.locator("tr.diff-added")).to_contain_text("status page")
    expect(max_page.locator("tr.diff-removed")).to_contain_text("1. Check the dashboards")
    expect(max_page.locator("tr.diff-added").first).to_contain_text("added")  # said in words, not only colour
