from __future__ import annotations

from typing import Any

import pytest

from colony.communities.actions import do_add_member, do_create_community
from colony.communities.models import Community
from colony.testing import make_person


@pytest.fixture
def guest(db: Any):
    person = make_person("guest", display_name="Gita Guest")
    person.is_guest = True
    person.save(update_fields=["is_guest"])
    return person


@pytest.fixture
def war_room(leader: Any, member: Any) -> Community:
    """A secret community with the leader (owner) and a member."""
    community = do_create_community(creator=leader, name="War room: outage", kind="secret")
    do_add_member(moderator=leader, community=community, person=member)
    return community
