from __future__ import annotations

import io

import pytest

from colony.cli import main
from colony.people.models import ApiToken, User
from colony.testing import PASSWORD, make_person

pytestmark = pytest.mark.django_db


def test_a_token_is_issued_for_the_right_password_only(api, client, member):
    good = client.post("/api/v1/tokens", {"username": "member", "password": PASSWORD}, content_type="application/json")
    assert good.status_code == 200 and len(good.json()["token"]) > 30
    bad = client.post("/api/v1/tokens", {"username": "member", "password": "nope"}, content_type="application/json")
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "invalid_credentials"
    assert ApiToken.objects.filter(user=member).count() == 1


def test_a_bad_token_is_refused(client, member):
    response = client.get("/api/v1/timelines/home", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthenticated"


def test_sign_in_attempts_are_throttled_per_account(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/api/v1/tokens", {"username": "member", "password": "wrong"}, content_type="application/json")
    locked = client.post("/api/v1/tokens", {"username": "member", "password": PASSWORD}, content_type="application/json")
    assert locked.status_code == 429 and locked.json()["error"]["code"] == "throttled"


def test_sign_in_attempts_are_throttled_per_address_across_accounts(client, member, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        client.post("/signin", {"username": f"someone{i}", "password": "wrong"})
    response = client.post("/signin", {"username": "member", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_signing_in_and_out_on_the_web(client, member):
    page = client.post("/signin", {"username": "member", "password": "wrong"})
    assert page.status_code == 400 and "_auth_user_id" not in client.session
    response = client.post("/signin", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    client.post("/signout")
    assert client.get("/").status_code == 302


def test_changing_the_password(client, member):
    client.force_login(member)
    new = "a-much-longer-passphrase-42"
    response = client.post("/settings/password", {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new)
    refused = client.post("/settings/password", {"old_password": "wrong", "new_password1": "x", "new_password2": "y"})
    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "old_password": ["Your old password was entered incorrectly. Please enter it again."],
        "new_password2": ["The two password fields didn’t match."],
    }
    assert "Your old password was entered incorrectly. Please enter it again." in refused.content.decode()
    member.refresh_from_db()
    assert member.check_password(new)


def test_pages_need_a_signed_in_person(client):
    assert client.get("/")["Location"].startswith("/signin")
    assert client.get("/people")["Location"].startswith("/signin")


def test_createuser_command_reads_the_password_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-enough-password\n"))
    assert main(["createuser", "Newbie", "--admin", "--password-stdin"]) == 0
    user = User.objects.get(username="newbie")
    assert user.is_staff and user.check_password("a-long-enough-password")
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-enough-password\n"))
    assert main(["createuser", "newbie", "--password-stdin"]) == 2
    assert "already taken" in capsys.readouterr().err


def test_createuser_refuses_bad_handles_and_weak_passwords(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-enough-password\n"))
    assert main(["createuser", "bad handle!", "--password-stdin"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    assert main(["createuser", "weak", "--password-stdin"]) == 2
    assert not User.objects.filter(username__in=["weak"]).exists()


def test_the_interface_follows_the_persons_language_choice(client):
    person = make_person("lingua")
    client.force_login(person)
    client.post("/settings/language", {"language": "it"})
    person.refresh_from_db()
    assert person.ui_language == "it"
    assert client.get("/")["Content-Language"] == "it"
    assert client.post("/settings/language", {"language": "xx"}).status_code == 302
    person.refresh_from_db()
    assert person.ui_language == "it"


def test_the_browser_language_is_the_default(client, member):
    client.force_login(member)
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru")["Content-Language"] == "ru"
