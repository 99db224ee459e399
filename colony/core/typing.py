from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from colony.people.models import User


class AuthedHttpRequest(HttpRequest):
    """A request that authentication has already vouched for (login_required, API auth)."""

    user: User  # type: ignore[assignment]
