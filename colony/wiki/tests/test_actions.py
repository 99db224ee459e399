from __future__ import annotations

import pytest

from colony.communities.actions import do_archive, do_create_community
from colony.core.errors import ActionError, Forbidden, NotFound
from colony.wiki import actions, selectors
from colony.wiki.actions import EditConflict, do_create_page, do_edit_page, do_restore_revision
from colony.wiki.models import WikiLink, WikiPage, WikiRevision, normalise_title

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return WikiPage.objects.count(), WikiRevision.objects.count(), WikiLink.objects.count()


def test_creating_a_page_saves_revision_one_with_rendered_html(member):
    page = do_create_page(author=member, title="  Release   checklist ", text="# Steps\n\n1. **Tag** it",
                          summary="first draft")
    assert page.title == "Release checklist" and page.slug == "release-checklist" and page.community is None
    revision = page.revisions.get()
    assert (revision.number, revision.author, revision.summary) == (1, member, "first draft")
    assert "<h1>Steps</h1>" in revision.html and "<strong>Tag</strong>" in revision.html
    assert page.current == revision and page.html == revision.html
    assert page.get_absolute_url() == "/wiki/release-checklist"


def test_every_edit_is_a_new_revision_and_the_history_keeps_them_all(member, leader):
    page = do_create_page(author=member, title="Rota", text="Monday: Max")
    second = do_edit_page(page=page, author=leader, text="Monday: Lena", base_revision=1, summary="swap")
    third = do_edit_page(page=page, author=member, text="Monday: Lena\nTuesday: Max", base_revision=2)
    assert [r.number for r in selectors.history(page)] == [3, 2, 1]
    assert [r.author for r in selectors.history(page)] == [member, leader, member]
    assert second.summary == "swap" and third.number == 3
    page.refresh_from_db()
    assert page.current == third and "Tuesday: Max" in page.html
    assert WikiRevision.objects.get(page=page, number=1).text == "Monday: Max"


def test_saving_the_same_text_again_makes_no_revision(member):
    page = do_create_page(author=member, title="Rota", text="Monday: Max")
    assert do_edit_page(page=page, author=member, text="Monday: Max", base_revision=1).number == 1
    assert page.revisions.count() == 1


def test_an_edit_from_an_old_revision_conflicts_and_changes_nothing(member, leader):
    page = do_create_page(author=member, title="Plan", text="one")
    do_edit_page(page=page, author=leader, text="two", base_revision=1)
    before = counts()
    with pytest.raises(EditConflict) as raised:
        do_edit_page(page=page, author=member, text="three", base_revision=1)
    assert raised.value.status == 409 and raised.value.code == "edit_conflict"
    assert isinstance(raised.value, ActionError)
    assert raised.value.current.number == 2 and raised.value.current.text == "two"
    assert counts() == before
    page.refresh_from_db()
    assert page.current is not None and page.current.text == "two"
    # Merging against the current revision goes through.
    merged = do_edit_page(page=page, author=member, text="two\nthree", base_revision=2)
    assert merged.number == 3


def test_restoring_an_old_revision_makes_a_new_one_noting_where_it_came_from(member, leader):
    page = do_create_page(author=member, title="Plan", text="the good version")
    do_edit_page(page=page, author=leader, text="vandalised", base_revision=1)
    restored = do_restore_revision(page=page, author=member, number=1)
    assert (restored.number, restored.restored_from, restored.text) == (3, 1, "the good version")
    assert [r.number for r in page.revisions.all()] == [3, 2, 1]
    page.refresh_from_db()
    assert "the good version" in page.html
    with pytest.raises(ActionError) as same:
        do_restore_revision(page=page, author=member, number=3)
    assert same.value.code == "nothing_to_restore"
    with pytest.raises(NotFound):
        do_restore_revision(page=page, author=member, number=9)
    assert page.revisions.count() == 3


def test_links_reach_pages_in_the_same_space_and_missing_ones_offer_to_create_them(member):
    target = do_create_page(author=member, title="Incident notes", text="notes")
    page = do_create_page(author=member, title="Runbook",
                          text="See [[incident  NOTES]], [[Incident_notes|the notes]] and [[Escalation list]].")
    html = page.html.replace(' rel="nofollow noopener noreferrer"', "")
    assert f'<a href="{target.get_absolute_url()}" class="wikilink">incident NOTES</a>' in html
    assert f'href="{target.get_absolute_url()}" class="wikilink">the notes</a>' in html
    assert '<a href="/wiki/new?title=Escalation+list" class="wikilink missing">Escalation list</a>' in html
    assert set(page.links_out.values_list("target_key", flat=True)) == {"incident notes", "escalation list"}
    assert selectors.backlinks(member, target) == [page]


def test_creating_a_linked_page_turns_create_links_into_plain_links(member):
    page = do_create_page(author=member, title="Runbook", text="Call the [[Escalation list]].")
    assert "wikilink missing" in page.html
    target = do_create_page(author=member, title="Escalation List", text="1. Lena")
    page.refresh_from_db()
    assert "wikilink missing" not in page.html
    assert f'href="{target.get_absolute_url()}" class="wikilink"' in page.html
    assert selectors.backlinks(member, target) == [page]


def test_removing_a_link_removes_the_backlink(member):
    target = do_create_page(author=member, title="Glossary", text="terms")
    page = do_create_page(author=member, title="Intro", text="See [[Glossary]].")
    do_edit_page(page=page, author=member, text="No links now.", base_revision=1)
    assert selectors.backlinks(member, target) == []


def test_links_never_cross_spaces(member, war_room):
    do_create_page(author=member, title="Secret plan", text="x", community=war_room)
    org_page = do_create_page(author=member, title="Public", text="[[Secret plan]]")
    assert "wikilink missing" in org_page.html and war_room.slug not in org_page.html


def test_links_inside_code_are_left_alone(member):
    page = do_create_page(author=member, title="Syntax", text="Write `[[Page name]]` to link.")
    assert "<code>[[Page name]]</code>" in page.html
    assert not page.links_out.exists()


def test_markup_and_scripts_are_sanitised(member):
    page = do_create_page(author=member, title="XSS", text='<script>alert(1)</script> [x](javascript:alert(1)) '
                                                          '[[<img src=x onerror=alert(1)>]]')
    assert "<script" not in page.html and "<img" not in page.html and 'href="javascript' not in page.html
    assert "&lt;script&gt;" in page.html  # shown as text, never run


@pytest.mark.parametrize(("title", "code"), [
    ("", "empty_title"), ("   ", "empty_title"), ("x" * 121, "too_long"), ("a [b]", "invalid_title"),
    ("a|b", "invalid_title"),
])
def test_bad_titles_are_refused_and_nothing_is_written(member, title, code):
    with pytest.raises(ActionError) as raised:
        do_create_page(author=member, title=title, text="text")
    assert raised.value.code == code and raised.value.field == "title" and str(raised.value)
    assert counts() == (0, 0, 0)


def test_a_title_is_unique_in_its_space_whatever_its_case_but_not_across_spaces(member, war_room):
    do_create_page(author=member, title="Status", text="one")
    with pytest.raises(ActionError) as raised:
        do_create_page(author=member, title="  STATUS ", text="two")
    assert raised.value.code == "duplicate_title" and "already" in str(raised.value)
    assert counts() == (1, 1, 0)
    assert do_create_page(author=member, title="Status", text="war room status", community=war_room).slug == "status"


def test_text_longer_than_the_limit_is_refused(member):
    with pytest.raises(ActionError) as raised:
        do_create_page(author=member, title="Big", text="x" * (actions.MAX_TEXT + 1))
    assert raised.value.code == "too_long" and raised.value.field == "text"
    page = do_create_page(author=member, title="Big", text="fits")
    with pytest.raises(ActionError):
        do_edit_page(page=page, author=member, text="x" * (actions.MAX_TEXT + 1), base_revision=1)
    with pytest.raises(ActionError) as summary:
        do_edit_page(page=page, author=member, text="other", base_revision=1, summary="s" * 201)
    assert summary.value.field == "summary"
    assert page.revisions.count() == 1


def test_slugs_are_unique_and_never_a_word_the_urls_use(member):
    assert do_create_page(author=member, title="New", text="").slug == "new-2"
    assert do_create_page(author=member, title="Día de campo", text="").slug == "día-de-campo"
    assert do_create_page(author=member, title="Plan: A", text="").slug == "plan-a"
    assert do_create_page(author=member, title="Plan A", text="").slug == "plan-a-2"
    assert do_create_page(author=member, title="!!!", text="").slug == "page"


def test_community_pages_are_edited_by_members_only(leader, member, outsider, war_room):
    page = do_create_page(author=leader, title="Timeline", text="09:00 alert", community=war_room)
    assert page.get_absolute_url() == f"/communities/{war_room.slug}/wiki/timeline"
    do_edit_page(page=page, author=member, text="09:00 alert\n09:05 paged", base_revision=1)
    with pytest.raises(NotFound):  # a secret community's page does not exist for outsiders
        do_edit_page(page=page, author=outsider, text="hacked", base_revision=2)
    with pytest.raises(NotFound):
        do_create_page(author=outsider, title="Mine", text="", community=war_room)
    open_club = do_create_community(creator=leader, name="Open club", kind="open")
    club_page = do_create_page(author=leader, title="Rules", text="be kind", community=open_club)
    with pytest.raises(Forbidden):  # readable, but only members edit
        do_edit_page(page=club_page, author=outsider, text="no rules", base_revision=1)
    assert WikiRevision.objects.filter(author=outsider).count() == 0


def test_an_archived_community_keeps_its_pages_read_only(leader):
    club = do_create_community(creator=leader, name="Old project", kind="closed")
    page = do_create_page(author=leader, title="Notes", text="done", community=club)
    do_archive(moderator=leader, community=club)
    club.refresh_from_db()
    page.refresh_from_db()
    with pytest.raises(Forbidden):
        do_edit_page(page=page, author=leader, text="more", base_revision=1)


def test_guests_cannot_write_organisation_pages(guest):
    with pytest.raises(NotFound):
        do_create_page(author=guest, title="Hello", text="")
    assert not WikiPage.objects.exists()


def test_revisions_are_immutable(member):
    page = do_create_page(author=member, title="Fixed", text="one")
    revision = page.revisions.get()
    revision.text = "changed"
    with pytest.raises(ValueError, match="immutable"):
        revision.save()


def test_titles_normalise_case_spaces_and_underscores():
    assert normalise_title("  Incident__Notes ") == normalise_title("incident notes") == "incident notes"
    assert normalise_title("Straße") == normalise_title("STRASSE")


def test_the_war_room_can_call_the_actions_with_their_documented_signatures(leader, war_room):
    page = do_create_page(author=leader, title="Outage 42", text="## Facts", community=war_room, summary="opened")
    revision = do_edit_page(page=page, author=leader, text="## Facts\n- DB down", base_revision=1, summary="fact")
    assert isinstance(revision, WikiRevision) and revision.number == 2
    assert page.get_absolute_url().endswith("/wiki/outage-42")
