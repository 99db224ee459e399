from __future__ import annotations

import re

import pytest

from colony.communities.actions import do_add_member, do_create_community
from colony.wiki.actions import MAX_TEXT, do_create_page, do_edit_page
from colony.wiki.models import WikiPage, WikiRevision

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def test_the_navigation_leads_to_the_wiki_with_a_teaching_empty_state(client, member):
    client.force_login(member)
    home = html(client.get("/"))
    assert 'href="/wiki/"' in home and "Wiki" in home
    page = html(client.get("/wiki/"))
    assert "The organisation has no wiki pages yet" in page and 'href="/wiki/new"' in page
    assert client.get("/wiki").status_code == 301  # the slash is added


def test_a_person_creates_a_page_from_the_form(client, member):
    client.force_login(member)
    form = client.get("/wiki/new", {"title": "Team norms"})
    assert form.status_code == 200 and 'value="Team norms"' in html(form)
    assert '<label for="wiki-text">' in html(form) and '<label for="wiki-title-input">' in html(form)
    response = client.post("/wiki/new", {"title": "Team norms", "text": "Be **kind**.", "summary": "start"})
    assert response.status_code == 302 and response["Location"] == "/wiki/team-norms"
    page = html(client.get("/wiki/team-norms"))
    assert "<strong>kind</strong>" in page and "Revision 1" in page and "Pages that link here" in page
    assert "The page “Team norms” is created." in page


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "", "text": "x"}, "A wiki page needs a title."),
    ({"title": "Big", "text": "x" * (MAX_TEXT + 1)}, "Wiki pages are limited to"),
])
def test_a_bad_new_page_shows_the_error_beside_the_field_and_creates_nothing(client, member, data, message):
    client.force_login(member)
    response = client.post("/wiki/new", data)
    assert response.status_code == 400 and message in html(response)
    assert 'aria-invalid="true"' in html(response)
    assert not WikiPage.objects.exists()


def test_a_missing_link_offers_to_create_the_page_and_then_leads_to_it(client, member):
    do_create_page(author=member, title="Runbook", text="Call the [[On-call rota]].")
    client.force_login(member)
    page = html(client.get("/wiki/runbook"))
    link = re.search(r'<a href="([^"]+)" class="wikilink missing"[^>]*>On-call rota</a>', page)
    assert link is not None
    url = link.group(1).replace("&amp;", "&")
    assert 'value="On-call rota"' in html(client.get(url))
    client.post("/wiki/new", {"title": "On-call rota", "text": "Lena"})
    assert client.get(url)["Location"] == "/wiki/on-call-rota"
    assert "wikilink missing" not in html(client.get("/wiki/runbook"))
    backlinks = html(client.get("/wiki/on-call-rota"))
    assert 'href="/wiki/runbook">Runbook</a>' in backlinks


def test_editing_saves_a_new_revision(client, member):
    do_create_page(author=member, title="Plan", text="one")
    client.force_login(member)
    form = html(client.get("/wiki/plan/edit"))
    assert 'name="base_revision" value="1"' in form and ">\none</textarea>" in form
    response = client.post("/wiki/plan/edit", {"text": "two", "base_revision": "1", "summary": "more"})
    assert response["Location"] == "/wiki/plan"
    assert WikiRevision.objects.filter(number=2, text="two", summary="more").exists()


def test_a_conflicting_save_shows_both_versions_a_diff_and_a_form_to_merge(client, member, leader):
    page = do_create_page(author=member, title="Plan", text="shared line\nmine")
    do_edit_page(page=page, author=leader, text="shared line\ntheirs", base_revision=1, summary="leader's take")
    client.force_login(member)
    response = client.post("/wiki/plan/edit", {"text": "shared line\nmy new line", "base_revision": "1"})
    assert response.status_code == 409
    body = html(response)
    assert "Someone else saved this page while you were editing" in body
    assert 'name="base_revision" value="2"' in body  # the merge starts from the current revision
    assert ">\nshared line\nmy new line</textarea>" in body  # their text, kept
    assert "shared line\ntheirs</pre>" in body  # the current version
    assert "leader’s take" in body or "leader&#x27;s take" in body
    assert "<del>theirs</del>" in body and "<ins>my new line</ins>" in body
    assert WikiRevision.objects.count() == 2
    merged = client.post("/wiki/plan/edit", {"text": "shared line\ntheirs\nmy new line", "base_revision": "2"})
    assert merged.status_code == 302
    assert WikiRevision.objects.get(number=3).text == "shared line\ntheirs\nmy new line"


def test_history_compares_two_revisions_and_restores_one(client, member, leader):
    page = do_create_page(author=member, title="Plan", text="alpha\nbeta")
    do_edit_page(page=page, author=leader, text="alpha\ngamma", base_revision=1)
    client.force_login(member)
    history = html(client.get("/wiki/plan/history"))
    assert 'name="from" value="1" id="from-1" checked' in history and 'name="to" value="2" id="to-2" checked' in history
    assert "Compare from revision 1" in history and "Restore revision 1" in history
    diff = html(client.get("/wiki/plan/diff", {"from": "1", "to": "2"}))
    assert "<del>beta</del>" in diff and "<ins>gamma</ins>" in diff
    assert ">removed</span>" in diff and ">added</span>" in diff  # words, not only colour
    assert "1 line added" in diff and "1 line removed" in diff
    assert client.get("/wiki/plan/diff", {"from": "1", "to": "9"}).status_code == 404
    old = html(client.get("/wiki/plan/revisions/1"))
    assert "This is an old revision." in old and "beta" in old
    restored = client.post("/wiki/plan/restore", {"revision": "1"})
    assert restored["Location"] == "/wiki/plan"
    latest = WikiRevision.objects.get(number=3)
    assert latest.text == "alpha\nbeta" and latest.restored_from == 1
    assert "Restored revision 1" in html(client.get("/wiki/plan/history"))


def test_the_preview_renders_without_saving(client, member):
    client.force_login(member)
    response = client.post("/wiki/new", {"title": "Draft", "text": "*hello*", "preview": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "<em>hello</em>" in html(response) and "<html" not in html(response)
    full = client.post("/wiki/new", {"title": "Draft", "text": "*hello*", "preview": "1"})
    assert "<em>hello</em>" in html(full) and 'value="Draft"' in html(full)
    assert not WikiPage.objects.exists()


def test_a_community_wiki_is_linked_from_the_community_and_lists_its_pages(client, leader, member, outsider):
    club = do_create_community(creator=leader, name="Chess club", kind="closed")
    do_add_member(moderator=leader, community=club, person=member)
    for n in range(55):
        do_create_page(author=leader, title=f"Opening {n:02d}", text="e4", community=club)
    client.force_login(member)
    assert f'href="/communities/{club.slug}/wiki"' in html(client.get(f"/communities/{club.slug}"))
    first = html(client.get(f"/communities/{club.slug}/wiki"))
    assert "Wiki of Chess club" in first and "Opening 00" in first and "Opening 50" not in first
    assert "?page=2" in first
    second = html(client.get(f"/communities/{club.slug}/wiki", {"page": 2}))
    assert "Opening 50" in second
    assert client.get(f"/communities/{club.slug}/wiki/opening-00").status_code == 200
    # A closed community's pages are for members: the same 404 as a missing page.
    client.force_login(outsider)
    assert f'/communities/{club.slug}/wiki"' not in html(client.get(f"/communities/{club.slug}"))
    assert client.get(f"/communities/{club.slug}/wiki").status_code == 404
    assert client.get(f"/communities/{club.slug}/wiki/opening-00").status_code == 404
    assert client.get(f"/communities/{club.slug}/wiki/no-such-page").status_code == 404


def test_readers_who_may_not_edit_are_told_why_and_cannot_save(client, leader, outsider):
    club = do_create_community(creator=leader, name="Open club", kind="open")
    do_create_page(author=leader, title="Rules", text="be kind", community=club)
    client.force_login(outsider)
    page = html(client.get(f"/communities/{club.slug}/wiki/rules"))
    assert "Join the community to edit its wiki pages." in page and "/rules/edit" not in page
    assert client.get(f"/communities/{club.slug}/wiki/rules/edit").status_code == 302
    client.post(f"/communities/{club.slug}/wiki/rules/edit", {"text": "no rules", "base_revision": "1"})
    assert client.post(f"/communities/{club.slug}/wiki/new", {"title": "Mine", "text": "x"}).status_code == 302
    assert WikiRevision.objects.count() == 1 and WikiPage.objects.count() == 1


def test_the_wiki_home_lists_my_communities_wikis(client, leader, member):
    club = do_create_community(creator=leader, name="Chess club", kind="secret")
    do_create_page(author=leader, title="Openings", text="e4", community=club)
    client.force_login(leader)
    page = html(client.get("/wiki/"))
    assert f'href="/communities/{club.slug}/wiki"' in page and "1 page" in page
    client.force_login(member)
    assert "Chess club" not in html(client.get("/wiki/"))


def test_a_guest_sees_only_the_wikis_of_their_communities(client, leader, guest):
    do_create_page(author=leader, title="Salaries", text="confidential")
    war_room = do_create_community(creator=leader, name="War room", kind="secret")
    do_add_member(moderator=leader, community=war_room, person=guest)
    do_create_page(author=leader, title="Facts", text="known so far", community=war_room)
    client.force_login(guest)
    # Guests are fenced out of the organisation's pages, its wiki included.
    assert client.get("/wiki/").status_code == 404
    assert client.get("/wiki/salaries").status_code == 404
    assert client.get("/wiki/new").status_code == 404
    assert client.get(f"/communities/{war_room.slug}/wiki/facts").status_code == 200
    index = html(client.get(f"/communities/{war_room.slug}/wiki"))
    assert "Facts" in index and "Salaries" not in index


def test_search_shows_wiki_pages_in_their_own_section(client, member, leader):
    do_create_page(author=leader, title="Expense policy", text="Receipts within thirty days")
    client.force_login(member)
    page = html(client.get("/search", {"q": "receipts"}))
    assert "Wiki pages" in page and 'href="/wiki/expense-policy"' in page and "<mark>Receipts</mark>" in page


def test_lists_and_pages_cost_the_same_queries_however_many_pages_there_are(client, member, leader):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost(path: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    hub = do_create_page(author=member, title="Hub", text="the centre")
    do_create_page(author=leader, title="Spoke 0", text="[[Hub]]")
    client.force_login(member)
    few = (cost("/wiki/"), cost("/wiki/hub"), cost("/api/v1/wiki/pages"), cost(f"/api/v1/wiki/pages/{hub.pk}"),
           cost("/search?q=hub"))
    for n in range(1, 12):
        do_create_page(author=leader if n % 2 else member, title=f"Spoke {n}", text="[[Hub]] again")
    many = (cost("/wiki/"), cost("/wiki/hub"), cost("/api/v1/wiki/pages"), cost(f"/api/v1/wiki/pages/{hub.pk}"),
            cost("/search?q=hub"))
    assert many == few


def test_pages_with_titles_in_any_script_have_working_addresses(client, member):
    russian = do_create_page(author=member, title="План работ", text="[[Día de campo]]")
    spanish = do_create_page(author=member, title="Día de campo", text="[[план  РАБОТ]]")
    client.force_login(member)
    assert client.get(russian.get_absolute_url()).status_code == 200
    page = html(client.get(spanish.get_absolute_url()))
    assert f'href="{russian.get_absolute_url()}" class="wikilink"' in page
    assert client.get(spanish.url("history")).status_code == 200
