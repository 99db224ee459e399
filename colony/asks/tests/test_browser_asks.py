"""The story Colony is built around, in a real browser.

A leader posts an ask in Dutch; a colleague whose profile and posts are in
English about the needed skill is notified live and answers with a PDF; the
leader shortlists her and opens a war room; both edit its wiki page, one
edit conflicts and is merged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from colony.tests.test_browser import (  # noqa: F401 (fixtures)
    browser,
    event_streams,
    new_context,
    sign_in,
    wait_until_live,
)

pytest.importorskip("playwright.sync_api")
from playwright.sync_api import BrowserContext, expect

from colony.testing import make_person, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEED = "Wie kan ons helpen met de migratie van onze SAP-gegevens naar het nieuwe ERP-systeem? Deadline vrijdag."


@pytest.fixture
def organisation(leader: Any) -> dict[str, Any]:
    sanne = make_person("sanne", display_name="Sanne Smit", title="ERP consultant",
                        skills=["SAP", "data migration"],
                        bio="I move finance and warehouse data between ERP systems without losing a single invoice.")
    publish(sanne, "Wrapped up the SAP S/4HANA data migration for the Rotterdam warehouse: 2.1 million records, "
                   "zero reconciliation errors.")
    publish(sanne, "Tip for anyone planning an ERP cut-over: rehearse the data migration twice, with real volumes.")
    others = [
        make_person("kostya", display_name="Kostya Ivanov", title="Platform engineer", skills=["kubernetes"],
                    bio="Container platforms and CI pipelines."),
        make_person("carlo", display_name="Carlo Bianchi", title="Office manager",
                    bio="Canteen, events and the coffee machine."),
    ]
    publish(others[0], "Our Kubernetes clusters are upgraded, zero downtime.")
    return {"sanne": sanne, "others": others}


def test_a_dutch_ask_reaches_the_english_expert_who_answers_and_they_meet_in_a_war_room(
    new_context: Callable[[], BrowserContext], organisation: dict[str, Any], tmp_path: Path  # noqa: F811
) -> None:
    # Sanne is on her Asks page, listening.
    sanne = new_context().new_page()
    sign_in(sanne, "sanne")
    sanne.goto("/asks")
    wait_until_live(sanne)
    expect(sanne.locator("#unread-badge")).to_be_hidden()

    # Lena writes her ask in Dutch; the preview already shows who it will reach, and why.
    lena = new_context().new_page()
    sign_in(lena, "leader")
    lena.keyboard.press("g")
    lena.keyboard.press("a")
    expect(lena).to_have_url(re.compile(r"/asks$"))
    lena.get_by_role("link", name="Ask for help").first.click()
    lena.get_by_label("What do you need?").fill(NEED)
    lena.get_by_role("button", name="Preview who will be asked").click()
    first = lena.locator("#ask-preview li").first
    expect(first).to_contain_text("Sanne Smit")
    expect(first).to_contain_text("wrote about")
    lena.get_by_role("button", name="Publish and notify").click()
    expect(lena.get_by_role("heading", name="Ask", level=1)).to_be_visible()
    expect(lena.locator("[data-measure=people_notified]")).not_to_have_text("0")

    # Sanne is told at once, without reloading, and sees why she was asked.
    expect(sanne.locator("#unread-badge")).to_have_text("1")
    sanne.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    sanne.get_by_role("link", name="Lena Leader asks for your help").click()
    expect(sanne.get_by_text("Why you were asked:")).to_be_visible()
    expect(sanne.locator("article.post")).to_contain_text("SAP-gegevens")

    # She offers help with her CV as a PDF.
    cv = tmp_path / "sanne-cv.pdf"
    cv.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    sanne.get_by_label("How you can help").fill("I led the Rotterdam SAP migration. CV attached.")
    sanne.get_by_label(re.compile("CV or brief")).set_input_files(str(cv))
    sanne.get_by_role("button", name="Send").click()
    expect(sanne.get_by_role("heading", name="You offered to help")).to_be_visible()

    # Lena's ask page shows the response live; she shortlists Sanne and opens a war room.
    response = lena.locator(".response").filter(has_text="Rotterdam SAP migration")
    expect(response).to_be_visible()
    expect(response.get_by_role("link", name=re.compile("sanne-cv.pdf"))).to_be_visible()
    response.get_by_role("button", name="Shortlist").click()
    expect(response.get_by_text("shortlisted")).to_be_visible()
    lena.get_by_role("button", name="Open a war room").click()
    expect(lena.get_by_role("heading", level=1)).to_contain_text("War room")
    expect(lena.locator("#timeline article.post").first).to_contain_text("SAP-gegevens")

    # Both open the war room's wiki page with the brief and start editing it: Sanne is told she was
    # shortlisted and goes from the ask to the war room.
    lena.get_by_role("link", name="Wiki pages").click()
    lena.get_by_role("link", name="Brief").click()
    brief_url = lena.url
    sanne.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    sanne.get_by_role("link", name="Lena Leader shortlisted you for an ask").click()
    sanne.get_by_role("link", name="Go to the war room").click()
    sanne.get_by_role("link", name="Wiki pages").click()
    sanne.get_by_role("link", name="Brief").click()
    expect(sanne.get_by_role("heading", name="Brief")).to_be_visible()
    assert sanne.url == brief_url
    lena.get_by_role("link", name="Edit").click()
    sanne.get_by_role("link", name="Edit").click()

    text = lena.get_by_label("Text")
    text.fill(text.input_value() + "\n\n## Plan\nRehearse the cut-over on Wednesday.")
    lena.get_by_role("button", name="Save", exact=True).click()
    expect(lena.locator(".wiki-body")).to_contain_text("Rehearse the cut-over on Wednesday.")

    # Sanne saved later, from the older revision: Colony shows both versions and lets her merge.
    mine = sanne.get_by_label("Text")
    mine.fill(mine.input_value() + "\n\n## Risks\nOpen purchase orders must be frozen first.")
    sanne.get_by_role("button", name="Save", exact=True).click()
    expect(sanne.get_by_role("heading", name="Someone else saved this page while you were editing")).to_be_visible()
    merged = sanne.get_by_label("Your text, to merge with the current version")
    merged.fill(merged.input_value() + "\n\n## Plan\nRehearse the cut-over on Wednesday.")
    sanne.get_by_role("button", name="Save merged version").click()
    body = sanne.locator(".wiki-body")
    expect(body).to_contain_text("Open purchase orders must be frozen first.")
    expect(body).to_contain_text("Rehearse the cut-over on Wednesday.")

    # The history shows every revision; the measures show the first response and the shortlist.
    sanne.get_by_role("link", name="History").click()
    expect(sanne.get_by_role("link", name="Revision 3")).to_be_visible()
    lena.goto("/asks")
    row = lena.locator("table.measures tbody tr").first
    expect(row).to_contain_text("SAP")
    expect(row.locator("td").nth(1)).not_to_have_text("0")
    expect(row.locator("td").nth(4)).to_have_text("1")


def test_a_guest_joins_one_ask_by_link_answers_it_and_sees_nothing_else(
    new_context: Callable[[], BrowserContext], organisation: dict[str, Any]  # noqa: F811
) -> None:
    from colony.asks.actions import do_create_ask

    ask = do_create_ask(author=organisation["sanne"], need="Need a freelance SAP tester for two weeks in March.")

    # The asker creates a single-use link for an outside freelancer.
    sanne = new_context().new_page()
    sign_in(sanne, "sanne")
    sanne.goto(f"/asks/{ask.pk}")
    sanne.get_by_label("Their name").fill("Fran Freelancer")
    sanne.get_by_role("button", name="Create link").click()
    link = sanne.get_by_label("Link").input_value()
    assert "/invitations/" in link

    # The freelancer opens it, chooses a password and lands on the ask.
    fran = new_context().new_page()
    fran.goto(link)
    expect(fran.get_by_role("heading", name="Sanne Smit invites you")).to_be_visible()
    fran.get_by_label("Choose a password").fill("a-long-guest-password-1")
    fran.get_by_role("button", name="Accept and continue").click()
    expect(fran.get_by_role("heading", name="Welcome")).to_be_visible()
    nav = fran.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="People")).to_have_count(0)
    fran.get_by_role("link", name=re.compile("freelance SAP tester")).click()
    fran.get_by_label("How you can help").fill("I test SAP migrations for a living.")
    fran.get_by_role("button", name="Send").click()
    expect(fran.get_by_role("heading", name="You offered to help")).to_be_visible()

    # Nothing else of the organisation opens for her, and the link does not work twice.
    fran.goto("/organisation")
    expect(fran.get_by_role("heading", name=re.compile("not found", re.I))).to_be_visible()
    other = new_context().new_page()
    other.goto(link)
    expect(other.get_by_text("This invitation is not valid")).to_be_visible()

    # The asker is told of the guest's response and opens it from her notifications.
    sanne.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    sanne.get_by_role("link", name="Fran Freelancer offered to help with your ask").click()
    expect(sanne).to_have_url(re.compile(rf"/asks/{ask.pk}$"))
    expect(sanne.locator(".response").filter(has_text="I test SAP migrations")).to_be_visible()
