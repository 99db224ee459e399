"""Administrators manage accounts without ever holding a person's password.

They cannot set a password in the admin; they send a one-time reset link or
sign a person out everywhere, and every step they take on an account lands
in an append-only log that the person is notified of and can read.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client

from colony.notifications.models import Notification
from colony.people.models import AccountEvent, ApiToken, User
from colony.social.actions import do_block, do_mute
from colony.testing import PASSWORD, ApiClient

pytestmark = pytest.mark.django_db

TAKEOVER = "the-administrators-choice-77"
NEW_PASSWORD = "my-own-new-passphrase-2026"
RESET_LINK = re.compile(r"/reset/([\w-]+)/([\w-]+)")


@pytest.fixture
def admin_client(admin_user) -> Client:
    c = Client()
    c.force_login(admin_user)
    return c


def _change_data(person: User, **overrides) -> dict:
    data = {
        "username": person.username, "display_name": person.display_name, "email": person.email,
        "title": person.title, "team": "", "manager": "", "location": person.location,
        "time_zone": person.time_zone, "bio": person.bio, "ui_language": person.ui_language,
        "theme": person.theme,
        "languages-TOTAL_FORMS": "0", "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0", "languages-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for flag in ("is_active", "is_staff", "is_superuser"):
        if getattr(person, flag):
            data[flag] = "on"
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _act(admin_client: Client, action: str, *people: User):
    return admin_client.post("/admin/people/user/", {"action": action, "_selected_action": [p.pk for p in people],
                                                      "index": "0"})


def _events(person: User, kind: str):
    return AccountEvent.objects.filter(user=person, kind=kind)


def _account_notes(person: User):
    return Notification.objects.filter(recipient=person, kind="account")


# --- no password setting in the admin -----------------------------------------------------


def test_an_administrator_cannot_set_a_persons_password_and_sign_in_as_them(admin_client, member):
    url = f"/admin/people/user/{member.pk}/password/"
    assert admin_client.get(url).status_code == 403
    response = admin_client.post(url, {"password1": TAKEOVER, "password2": TAKEOVER, "usable_password": "true",
                                       "set-password": "1"})
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.check_password(PASSWORD) and not member.check_password(TAKEOVER)
    intruder = Client()
    assert intruder.post("/signin", {"username": "member", "password": TAKEOVER}).status_code == 400
    assert "_auth_user_id" not in intruder.session


def test_the_change_form_shows_no_password_hash_and_no_way_to_change_it(admin_client, member):
    page = admin_client.get(f"/admin/people/user/{member.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "../password/" not in html and f"/{member.pk}/password/" not in html
    assert member.password not in html
    assert member.password.split("$")[0] + "$" not in html  # not even the hash's summary
    assert "Send a one-time password reset link" in admin_client.get("/admin/people/user/").content.decode()


def test_a_password_in_the_change_form_post_is_ignored(admin_client, member):
    response = admin_client.post(f"/admin/people/user/{member.pk}/change/",
                                 _change_data(member, password=TAKEOVER, password1=TAKEOVER, password2=TAKEOVER))
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_an_account_made_in_the_admin_has_no_password_until_the_person_sets_one(admin_client, admin_user):
    response = admin_client.post("/admin/people/user/add/", {
        "username": "newcomer", "display_name": "Nina Newcomer", "email": "nina@example.org",
        "password1": TAKEOVER, "password2": TAKEOVER, "usable_password": "true",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(username="newcomer")
    assert not person.has_usable_password() and not person.check_password(TAKEOVER)
    assert person.display_name == "Nina Newcomer"
    event = _events(person, "created").get()
    assert event.actor == admin_user
    assert _account_notes(person).count() == 1


def test_a_bad_handle_in_the_add_form_creates_nothing(admin_client):
    response = admin_client.post("/admin/people/user/add/", {"username": "no spaces!", "display_name": "X"})
    assert response.status_code == 200
    assert not User.objects.filter(display_name="X").exists()
    assert not AccountEvent.objects.exists()


# --- a one-time reset link instead ------------------------------------------------------


def test_without_email_the_reset_link_is_shown_once_to_the_administrator(admin_client, admin_user, member, settings):
    settings.COLONY_EMAIL_ENABLED = False
    response = _act(admin_client, "send_reset_link", member)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert RESET_LINK.search(response.content.decode())
    assert len(mail.outbox) == 0
    event = _events(member, "reset_shown").get()
    assert event.actor == admin_user
    note = _account_notes(member).get()
    assert note.actor == admin_user and note.detail == "reset_shown"
    member.refresh_from_db()
    assert member.check_password(PASSWORD)  # making a link changes nothing yet


def test_with_email_the_link_goes_to_the_person_and_never_to_the_administrator(admin_client, member, settings):
    settings.COLONY_EMAIL_ENABLED = True
    member.email = "max@example.org"
    member.save()
    response = _act(admin_client, "send_reset_link", member)
    assert response.status_code in (200, 302)
    page = admin_client.get("/admin/people/user/").content.decode() if response.status_code == 302 else ""
    assert not RESET_LINK.search(response.content.decode() + page)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["max@example.org"]
    assert RESET_LINK.search(str(mail.outbox[0].body))
    event = _events(member, "reset_emailed").get()
    assert "max@example.org" not in event.detail and "example.org" in event.detail
    assert not _events(member, "reset_shown").exists()


def test_with_email_on_but_no_address_the_link_is_shown(admin_client, member, settings):
    settings.COLONY_EMAIL_ENABLED = True
    response = _act(admin_client, "send_reset_link", member)
    assert RESET_LINK.search(response.content.decode())
    assert len(mail.outbox) == 0
    assert _events(member, "reset_shown").count() == 1


def _link_for(admin_client: Client, person: User) -> str:
    match = RESET_LINK.search(_act(admin_client, "send_reset_link", person).content.decode())
    assert match
    return match.group(0)


def test_the_person_sets_a_new_password_with_the_link_once(admin_client, client, member):
    raw = ApiClient(client, member).headers["HTTP_AUTHORIZATION"]
    signed_in = Client()
    signed_in.force_login(member)  # (signing in after a link was made would void the link)
    link = _link_for(admin_client, member)

    visitor = Client()
    assert visitor.get(link).status_code == 200
    # bad input keeps what was typed and changes nothing
    for first, second in (("short", "short"), (NEW_PASSWORD, NEW_PASSWORD + "x"), ("12345678901", "12345678901")):
        refused = visitor.post(link, {"new_password1": first, "new_password2": second})
        assert refused.status_code == 400
        assert f'value="{first}"' in refused.content.decode()
        member.refresh_from_db()
        assert member.check_password(PASSWORD)
    assert ApiToken.objects.filter(user=member).exists()

    done = visitor.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/signin"
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    # every session and token ends
    assert not ApiToken.objects.filter(user=member).exists()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=raw).status_code == 401
    assert signed_in.get("/settings").status_code == 302
    assert _events(member, "password_reset").filter(actor=member).count() == 1

    # the link works once
    used = Client().post(link, {"new_password1": TAKEOVER, "new_password2": TAKEOVER})
    assert used.status_code == 400
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert Client().post("/signin", {"username": "member", "password": NEW_PASSWORD}).status_code == 302


def test_a_made_up_link_changes_nothing(member):
    visitor = Client()
    for path in ("/reset/MQ/abc-def", "/reset/zzzz/abc-def", f"/reset/{member.pk}/x"):
        assert visitor.get(path).status_code == 400
        assert visitor.post(path, {"new_password1": TAKEOVER, "new_password2": TAKEOVER}).status_code == 400
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


# --- signing a person out everywhere ----------------------------------------------------


def test_signing_a_person_out_everywhere_ends_their_sessions_and_tokens(admin_client, admin_user, client, member):
    raw = ApiClient(client, member).headers["HTTP_AUTHORIZATION"]
    device = Client()
    device.force_login(member)
    assert device.get("/settings").status_code == 200

    response = _act(admin_client, "sign_out_everywhere", member)
    assert response.status_code == 302
    assert device.get("/settings").status_code == 302
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=raw).status_code == 401
    assert not ApiToken.objects.filter(user=member).exists()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)  # the password stays theirs
    assert _events(member, "signed_out").get().actor == admin_user
    assert _account_notes(member).get().detail == "signed_out"
    # they sign in again as usual
    again = Client()
    assert again.post("/signin", {"username": "member", "password": PASSWORD}).status_code == 302
    assert again.get("/settings").status_code == 200


# --- every change in the admin is logged, without values ---------------------------------


def test_changed_fields_are_logged_by_name_never_by_value(admin_client, admin_user, member):
    response = admin_client.post(f"/admin/people/user/{member.pk}/change/",
                                 _change_data(member, email="secret-address@example.org", title="Staff Engineer"))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = _events(member, "changed").get()
    assert event.actor == admin_user
    assert sorted(event.fields) == ["email", "title"]
    stored = repr(AccountEvent.objects.filter(pk=event.pk).values().get())
    assert "secret-address" not in stored and "Staff Engineer" not in stored
    assert not _events(member, "permissions").exists()
    assert _account_notes(member).count() == 1


def test_saving_without_changes_logs_nothing(admin_client, member):
    response = admin_client.post(f"/admin/people/user/{member.pk}/change/", _change_data(member))
    assert response.status_code == 302
    assert not AccountEvent.objects.filter(user=member).exists()
    assert not _account_notes(member).exists()


def test_permission_staff_and_superuser_changes_are_logged(admin_client, member):
    perm = Permission.objects.get(content_type__app_label="desk", codename="use_desk")
    response = admin_client.post(f"/admin/people/user/{member.pk}/change/",
                                 _change_data(member, is_staff="on", is_superuser="on", user_permissions=[perm.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = _events(member, "permissions").get()
    assert sorted(event.fields) == ["is_staff", "is_superuser", "user_permissions"]
    assert "desk.use_desk" in event.detail
    member.refresh_from_db()
    assert member.is_staff and member.is_superuser and member.has_perm("desk.use_desk")


def test_deactivating_and_reactivating_are_logged(admin_client, member):
    data = _change_data(member)
    data.pop("is_active")
    assert admin_client.post(f"/admin/people/user/{member.pk}/change/", data).status_code == 302
    member.refresh_from_db()
    assert not member.is_active and _events(member, "deactivated").count() == 1
    assert admin_client.post(f"/admin/people/user/{member.pk}/change/", _change_data(member, is_active="on")
                             ).status_code == 302
    assert _events(member, "activated").count() == 1


def test_the_person_is_told_even_when_they_muted_or_blocked_the_administrator(
    admin_client, admin_user, api, member, leader
):
    do_mute(user=member, target=admin_user)
    do_block(user=leader, target=admin_user)
    _act(admin_client, "sign_out_everywhere", member, leader)
    assert _account_notes(member).count() == 1 and _account_notes(leader).count() == 1
    for person in (member, leader):
        person.refresh_from_db()
        listed = api(person).get("/api/v1/notifications").json()
        assert [n["kind"] for n in listed] == ["account"]


# --- the log: append-only, in the admin read-only, and the person's own to read -----------


def test_the_account_log_is_append_only(admin_client, member):
    _act(admin_client, "sign_out_everywhere", member)
    event = _events(member, "signed_out").get()
    event.kind = "created"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    assert _events(member, "signed_out").count() == 1


def test_the_log_is_read_only_in_the_admin(admin_client, member):
    _act(admin_client, "sign_out_everywhere", member)
    event = _events(member, "signed_out").get()
    listing = admin_client.get("/admin/people/accountevent/")
    assert listing.status_code == 200 and "@member" in listing.content.decode()
    assert admin_client.get("/admin/people/accountevent/add/").status_code == 403
    assert admin_client.post(f"/admin/people/accountevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    admin_client.post(f"/admin/people/accountevent/{event.pk}/change/", {"kind": "created", "fields": "[]"})
    assert _events(member, "signed_out").count() == 1 and not _events(member, "created").exists()


def test_the_person_reads_the_log_of_their_account_and_the_notification(admin_client, api, client, member, leader):
    _act(admin_client, "sign_out_everywhere", member)
    member.refresh_from_db()
    client.force_login(member)
    page = client.get("/settings/activity").content.decode()
    assert "Ada Admin" in page and "signed you out everywhere" in page
    notes = client.get("/notifications").content.decode()
    assert "signed you out everywhere" in notes and 'href="/settings/activity"' in notes
    items = api(member).get("/api/v1/notifications").json()
    assert [n["kind"] for n in items] == ["account"] and "signed you out everywhere" in items[0]["text"]
    mine = api(member).get("/api/v1/me/activity").json()
    assert [e["kind"] for e in mine] == ["signed_out"] and mine[0]["actor"] == "admin"

    client.force_login(leader)
    assert "signed you out everywhere" not in client.get("/settings/activity").content.decode()
    assert api(leader).get("/api/v1/me/activity").json() == []
