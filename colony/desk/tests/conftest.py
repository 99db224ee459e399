from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission

from colony.testing import make_person


def grant(user: Any, *codenames: str) -> Any:
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="desk", codename__in=codenames))
    # Permissions are cached on the instance; a fresh copy sees the new ones.
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def ceo(db: Any) -> Any:
    return grant(make_person("ceo", display_name="Claire Ceo", title="Chief Executive Officer"), "use_desk")


@pytest.fixture
def reviewer(db: Any) -> Any:
    return grant(make_person("legal", display_name="Rita Reviewer", title="Counsel"), "review_post")


@pytest.fixture
def assistant(db: Any) -> Any:
    return make_person("assistant", display_name="Ali Assistant", title="Executive assistant")


@pytest.fixture
def comms(db: Any) -> Any:
    return grant(make_person("comms", display_name="Cora Comms", title="Head of communications"), "manage_policy")
