"""Small leaks a security audit found: counts and yes/no answers that told people more than they may know."""

from __future__ import annotations

import io

import pytest

from colony.social.actions import do_block, do_mute
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db


def test_an_asks_measures_count_only_the_responses_the_reader_may_see(api, leader, member, outsider, commit):
    from colony.asks.actions import do_create_ask, do_respond

    with commit():
        ask = do_create_ask(author=leader, need="Who can review the demand forecasting model?")
    do_respond(ask=ask, author=member, pitch="private pitch", upload=io.BytesIO(b"%PDF-1.4\n%%EOF\n"),
               upload_name="cv.pdf")
    seen_by_outsider = api(outsider).get(f"/api/v1/asks/{ask.pk}").json()["measures"]
    assert seen_by_outsider["responses"] == 0 and seen_by_outsider["responders"] == 0
    assert seen_by_outsider["time_to_first_response_seconds"] is None
    assert api(member).get(f"/api/v1/asks/{ask.pk}").json()["measures"]["responses"] == 1  # their own
    assert api(leader).get(f"/api/v1/asks/{ask.pk}").json()["measures"]["responses"] == 1  # the asker


def test_the_desk_check_does_not_tell_whether_others_blocked_an_account(api, leader, member):
    from django.contrib.auth.models import Permission

    leader.user_permissions.add(Permission.objects.get(content_type__app_label="desk", codename="use_desk"))
    target = make_person("target")
    post = publish(target, "An ordinary post")
    for n in range(3):
        do_block(user=make_person(f"blocker{n}"), target=target)
    findings = api(leader).post("/api/v1/desk/check", {"text": "Thanks for your message.",
                                                       "replying_to": post.pk}).json()["findings"]
    assert not [f for f in findings if f["kind"] == "tone"]
    # The writer's own choice does count: they muted the account they are answering.
    do_mute(user=leader, target=target)
    findings = api(leader).post("/api/v1/desk/check", {"text": "Thanks for your message.",
                                                       "replying_to": post.pk}).json()["findings"]
    assert [f for f in findings if f["kind"] == "tone"]
