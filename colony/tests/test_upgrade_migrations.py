"""An organisation's data survives the moves of this release's migrations.

Follows, mutes and blocks moved from ``social`` to ``graph`` (same tables);
guest access moved from ``asks`` to ``social`` (its own table, keyed by the
post). The database is taken back to before the moves, filled the old way,
then migrated forward, on each engine the suite runs on.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

OLD_STATE = [("social", "0011_post_drafted_with"), ("asks", "0001_initial")]
BEFORE: list[tuple[str, str | None]] = [*OLD_STATE, ("graph", None)]


@pytest.mark.django_db(transaction=True)
def test_follows_blocks_mutes_and_guest_access_survive_the_moves() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(OLD_STATE).apps
    User, Post = old.get_model("people", "User"), old.get_model("social", "Post")
    ann, bob, guest = (User.objects.create(username=h) for h in ("ann", "bob", "guest"))
    ask_post = Post.objects.create(id=1001, author=ann, text="who knows", kind="ask")
    old.get_model("asks", "Ask").objects.create(post=ask_post)
    old.get_model("social", "Follow").objects.create(follower=bob, followee=ann)
    old.get_model("social", "Mute").objects.create(user=ann, target=bob)
    old.get_model("social", "Block").objects.create(user=bob, target=guest)
    old.get_model("asks", "GuestAccess").objects.create(guest=guest, ask_id=ask_post.pk)

    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    new = executor.loader.project_state(latest).apps
    Follow, Mute, Block = (new.get_model("graph", m) for m in ("Follow", "Mute", "Block"))
    assert list(Follow.objects.values_list("follower__username", "followee__username")) == [("bob", "ann")]
    assert list(Mute.objects.values_list("user__username", "target__username")) == [("ann", "bob")]
    assert list(Block.objects.values_list("user__username", "target__username")) == [("bob", "guest")]
    grants = new.get_model("social", "GuestAccess").objects.values_list("guest__username", "post_id")
    assert list(grants) == [("guest", 1001)]
