"""A community's address and id say nothing about the communities you cannot see.

Secret communities never take a guessable slug, so creating a community by
the same name cannot reveal that a secret one exists; ids are time-sortable,
not a running count of every community ever made.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from colony.communities.actions import do_add_member, do_create_community
from colony.communities.models import (
    Community,
    JoinRequest,
    Membership,
    ModerationAction,
    PinnedPost,
)
from colony.core.ids import moment_of
from colony.social.models import Post
from colony.testing import make_person, publish

pytestmark = pytest.mark.django_db

RANDOM_SUFFIX = re.compile(r"^layoff-planning-[a-z0-9]{12,}$")


def test_a_secret_community_never_takes_the_bare_slug(leader):
    secret = do_create_community(creator=leader, name="Layoff planning", kind="secret")
    assert RANDOM_SUFFIX.match(secret.slug), secret.slug


def test_a_colleague_creating_a_community_by_a_secret_ones_name_gets_the_bare_slug(leader, member):
    do_create_community(creator=leader, name="Layoff planning", kind="secret")
    for kind in ("open", "closed"):
        Community.objects.exclude(kind="secret").delete()
        assert do_create_community(creator=member, name="Layoff planning", kind=kind).slug == "layoff-planning"


def test_two_secret_communities_by_one_name_get_unrelated_slugs(leader):
    first = do_create_community(creator=leader, name="Layoff planning", kind="secret")
    second = do_create_community(creator=leader, name="Layoff planning", kind="secret")
    assert RANDOM_SUFFIX.match(second.slug) and first.slug != second.slug
    assert not second.slug.endswith("-2")


def test_visible_communities_count_up_exactly_as_if_no_secret_ones_existed(leader, member):
    without = [do_create_community(creator=member, name="Book club", kind=kind).slug
               for kind in ("open", "closed", "open")]
    Community.objects.all().delete()
    do_create_community(creator=leader, name="Book club", kind="secret")
    with_secrets = []
    for kind in ("open", "closed", "open"):
        with_secrets.append(do_create_community(creator=member, name="Book club", kind=kind).slug)
        do_create_community(creator=leader, name="Book club", kind="secret")
    assert with_secrets == without == ["book-club", "book-club-2", "book-club-3"]


def test_a_secret_community_created_on_the_web_lands_on_its_unguessable_address(client, leader):
    client.force_login(leader)
    response = client.post("/communities/new", {"name": "Layoff planning", "kind": "secret"})
    community = Community.objects.get()
    assert response["Location"] == f"/communities/{community.slug}" and RANDOM_SUFFIX.match(community.slug)
    assert client.get(response["Location"]).status_code == 200


def test_a_secret_community_with_an_unsluggable_name_still_gets_a_random_slug(leader):
    community = do_create_community(creator=leader, name="🦊🦊", kind="secret")
    assert re.fullmatch(r"community-[a-z0-9]{12,}", community.slug)
    assert len(community.slug) <= 90  # Community.slug's max_length


def test_a_long_secret_name_keeps_its_random_suffix_within_the_slug_length(leader):
    community = do_create_community(creator=leader, name="x" * 80, kind="secret")
    assert len(community.slug) <= 90  # Community.slug's max_length
    assert re.fullmatch(r"x+-[a-z0-9]{12,}", community.slug)


def test_community_ids_are_time_sortable_not_a_count(leader):
    first = do_create_community(creator=leader, name="First", kind="open")
    second = do_create_community(creator=leader, name="Second", kind="secret")
    assert second.pk > first.pk > 2**53  # beyond JavaScript's safe integers, hence strings on the wire
    assert abs(moment_of(first.pk) - first.created_at) < timedelta(seconds=5)


def test_the_api_sends_community_ids_as_strings_and_takes_them_back_either_way(api, leader, member):
    as_leader = api(leader)
    body = as_leader.post("/api/v1/communities", {"name": "Design crit", "kind": "open"}).json()
    community = Community.objects.get(name="Design crit")
    assert body["id"] == str(community.pk)
    assert as_leader.get(f"/api/v1/communities/{body['id']}").json()["id"] == body["id"]
    assert [c["id"] for c in as_leader.get("/api/v1/communities").json()] == [body["id"]]
    search = as_leader.get("/api/v1/search", q="design", type="communities").json()["communities"]
    assert [c["id"] for c in search] == [body["id"]]
    # Posting names the community by the string id, or by the number (older clients).
    as_string = as_leader.post("/api/v1/posts", {"text": "Mockups v1", "community": body["id"]})
    as_number = as_leader.post("/api/v1/posts", {"text": "Mockups v2", "community": community.pk})
    assert as_string.json()["community"] == as_number.json()["community"] == body["id"]
    assert set(Post.objects.filter(community=community).values_list("text", flat=True)) == {"Mockups v1",
                                                                                         "Mockups v2"}
    page = as_leader.post("/api/v1/wiki/pages", {"title": "Crit rules", "community": body["id"]})
    assert page.status_code == 201, page.content
    assert page.json()["community"] == body["id"]
    listing = as_leader.get("/api/v1/wiki/pages", community=body["id"]).json()
    assert [p["community"] for p in listing] == [body["id"]]


def test_everything_that_points_at_a_community_follows_its_new_id(leader, member):
    community = do_create_community(creator=leader, name="Kitchen", kind="closed")
    JoinRequest.objects.create(community=community, user=make_person("asker"))
    do_add_member(moderator=leader, community=community, person=member)
    post = publish(member, "Dishwasher is broken", community=community)
    PinnedPost.objects.create(community=community, post=post)
    assert Post.objects.get(pk=post.pk).community_id == community.pk
    assert {m.user_id for m in community.memberships.all()} == {leader.pk, member.pk}
    assert community.moderation_log.get().target_user == member
    community.delete()
    assert not Membership.objects.exists() and not JoinRequest.objects.exists()
    assert not ModerationAction.objects.exists() and not PinnedPost.objects.exists()
    assert not Post.objects.filter(pk=post.pk).exists()


# --- upgrading an existing database -------------------------------------------------


def _migrate(target: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_upgrading_keeps_existing_ids_and_moves_secret_communities_off_guessable_slugs():
    owner, colleague = make_person("owner"), make_person("colleague")
    _migrate([("communities", "0001_initial")])
    old = MigrationExecutor(connection).loader.project_state([("communities", "0001_initial")]).apps
    OldCommunity = old.get_model("communities", "Community")
    open_one = OldCommunity.objects.create(name="Running club", slug="running-club", kind="open")
    secret = OldCommunity.objects.create(name="Layoff planning", slug="layoff-planning", kind="secret")
    old.get_model("communities", "Membership").objects.create(community_id=secret.pk, user_id=owner.pk,
                                                               role="owner")
    # (1 and 2 on a fresh database; SQLite's AUTOINCREMENT remembers ids earlier tests used, so not asserted)
    old_ids = (open_one.pk, secret.pk)
    post_id = publish(owner, "Draft list", community=Community.objects.get(pk=secret.pk)).pk

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert Community.objects.get(pk=old_ids[0]).slug == "running-club"
    moved = Community.objects.get(pk=old_ids[1])
    assert RANDOM_SUFFIX.match(moved.slug), moved.slug
    assert Membership.objects.get(community=moved).user == owner
    assert Post.objects.get(pk=post_id).community == moved
    fresh = do_create_community(creator=colleague, name="Layoff planning", kind="open")
    assert fresh.slug == "layoff-planning" and fresh.pk > 2**53 and fresh.pk not in old_ids
    assert set(Community.objects.values_list("pk", flat=True)) == {*old_ids, fresh.pk}
