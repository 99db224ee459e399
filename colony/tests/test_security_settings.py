"""Security headers and proxy awareness: what Colony sends, and whom it believes, behind a TLS proxy."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from django.test import override_settings

from colony.testing import PASSWORD

pytestmark = pytest.mark.django_db


def _settings_under(env: dict[str, str], tmp_path) -> dict:
    """Colony's settings as a fresh process computes them from these environment variables."""
    script = ("import json, django; django.setup(); from django.conf import settings as s; "
              "print(json.dumps({k: getattr(s, k, None) for k in ('SECURE_PROXY_SSL_HEADER', "
              "'SECURE_HSTS_SECONDS', 'AXES_IPWARE_PROXY_COUNT', 'AXES_IPWARE_META_PRECEDENCE_ORDER', "
              "'COLONY_BASE_URL', 'SESSION_COOKIE_SECURE')}))")
    base = {k: v for k, v in os.environ.items() if not k.startswith("COLONY_") and k != "DATABASE_URL"}
    run = subprocess.run([sys.executable, "-c", script], env={**base, "DJANGO_SETTINGS_MODULE": "colony.settings",
                                                               "COLONY_DATA_DIR": str(tmp_path), **env},
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_behind_a_tls_proxy_colony_trusts_its_headers_and_sends_hsts(tmp_path):
    behind = _settings_under({"COLONY_PROXY_COUNT": "1", "COLONY_SECURE_COOKIES": "1",
                              "COLONY_BASE_URL": "http://colony.example.org"}, tmp_path)
    assert behind["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert behind["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert behind["AXES_IPWARE_PROXY_COUNT"] == 0  # one proxy: the client is the last address it appended
    assert behind["AXES_IPWARE_META_PRECEDENCE_ORDER"][0] == "HTTP_X_FORWARDED_FOR"
    assert behind["COLONY_BASE_URL"] == "https://colony.example.org"  # links in emails use https


def test_without_a_proxy_no_forwarded_header_is_believed(tmp_path):
    direct = _settings_under({}, tmp_path)
    assert direct["SECURE_PROXY_SSL_HEADER"] is None
    assert direct["SECURE_HSTS_SECONDS"] == 0  # plain HTTP on loopback: HSTS would lock people out
    assert direct["AXES_IPWARE_META_PRECEDENCE_ORDER"] == ["REMOTE_ADDR"]


def test_every_page_says_which_browser_features_it_never_uses(client, member):
    client.force_login(member)
    response = client.get("/")
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), SECURE_HSTS_SECONDS=31_536_000)
def test_an_invitation_link_made_behind_a_tls_proxy_uses_https(client, leader, commit):
    from colony.asks.actions import do_create_ask

    with commit():
        ask = do_create_ask(author=leader, need="A freelance forecaster for the demand model")
    client.force_login(leader)
    response = client.post(f"/asks/{ask.pk}/invite", {"name": "Fran"}, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert re.search(r'value="https://testserver(:\d+)?/invitations/', response.content.decode())
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@override_settings(AXES_IPWARE_PROXY_COUNT=0, AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
                   AXES_FAILURE_LIMIT=3)
def test_behind_a_proxy_sign_in_throttling_locks_the_real_client_not_the_proxy(client, member):
    """One nginx in front: it connects from 10.0.0.1 and appends the client's address to X-Forwarded-For."""

    def sign_in(forwarded: str, password: str):
        return client.post("/api/v1/tokens", json.dumps({"username": "member", "password": password}),
                           content_type="application/json", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")

    from axes.models import AccessAttempt

    for _ in range(2):
        assert sign_in("203.0.113.7", "wrong password").status_code == 401
    assert sign_in("203.0.113.7", "wrong password").status_code == 429  # the third failure locks it
    assert sign_in("203.0.113.7", PASSWORD).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    # A made-up X-Forwarded-For from the client cannot pose as someone else's address.
    sign_in("198.51.100.1, 203.0.113.7", "wrong password")
    assert "198.51.100.1" not in set(AccessAttempt.objects.values_list("ip_address", flat=True))
