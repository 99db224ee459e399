from __future__ import annotations

import re

import pytest

from colony.demo.seed import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    LANGUAGES,
    ascii_handle,
    seed,
    seed_if_empty,
)
from colony.graph.models import Follow
from colony.notifications.models import Notification
from colony.people.models import Team, User
from colony.social.models import FeedEntry, Hashtag, Post
from colony.social.selectors import home_timeline
from colony.testing import make_person

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"\{[a-z]+\}")


def snapshot() -> tuple:
    people = list(User.objects.order_by("username").values_list("username", "title", "location"))
    posts = list(Post.objects.order_by("id").values_list("author__username", "text", "visibility"))
    follows = Follow.objects.count()
    return people, posts, follows


def wipe() -> None:
    for model in (Notification, FeedEntry, Post, Follow, Hashtag, User, Team):
        model.objects.all().delete()


def test_the_demo_is_the_same_every_time():
    seed(people=40, posts=200)
    first = snapshot()
    wipe()
    seed(people=40, posts=200)
    assert snapshot() == first


def test_the_demo_organisation_is_multilingual_and_complete():
    result = seed(people=80, posts=600)
    assert result["people"] == 80
    assert Post.objects.count() >= 600
    ceo = User.objects.get(username="ceo")
    assert ceo.title == "Chief Executive Officer" and ceo.followers.count() == 79
    for handle, _role in DEMO_LOGINS:
        assert User.objects.get(username=handle).check_password(DEMO_PASSWORD)
    assert User.objects.get(username="admin").is_staff
    spoken = set(User.objects.values_list("languages__code", flat=True))
    assert set(LANGUAGES) <= spoken
    texts = list(Post.objects.values_list("text", flat=True))
    assert not [t for t in texts if PLACEHOLDER.search(t)], "unfilled placeholders"
    assert not [t for t in texts if "lorem" in t.lower()]
    assert any(re.search("[а-яё]", t) for t in texts), "no Russian posts"
    assert Post.objects.filter(reply_to__isnull=False).count() > 100
    assert Post.objects.filter(html__contains='class="mention"').exists()
    assert Hashtag.objects.filter(name="kudos").exists()
    sanne = User.objects.get(username="sanne")
    assert sanne.ui_language == "nl" and sanne.skills.exists() and sanne.manager is not None
    assert len(home_timeline(sanne)) == 20
    assert Notification.objects.filter(recipient=ceo).exists()


def test_the_demo_never_touches_an_existing_organisation():
    make_person("realperson")
    assert seed_if_empty(people=20) is False
    assert User.objects.count() == 1


@pytest.mark.parametrize(("first", "last", "handle"), [
    ("Дмитрий", "Орлов", "dmitriy_orlov"), ("Niccolò", "D'Amico", "niccolo_d_amico"), ("Budi", "Santoso", "budi_santoso"),
])
def test_handles_are_plain_ascii(first, last, handle):
    assert ascii_handle(first, last) == handle
