"""Errors that actions raise and every edge (web, API, CLI) knows how to show.

An action refuses bad input by raising one of these *before* it writes
anything, so a refused request changes nothing. The message is a translated,
human sentence; the code is a stable machine word for the API.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from .ids import MAX_ID, MIN_ID


class ActionError(Exception):
    status = 400
    code = "invalid"

    def __init__(self, message: str | Promise, *, code: str | None = None, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        if code:
            self.code = code

    def __str__(self) -> str:
        return str(self.message)


class NotFound(ActionError):
    """Missing, or not visible to you: deliberately indistinguishable."""

    status = 404
    code = "not_found"


class Forbidden(ActionError):
    status = 403
    code = "forbidden"


class TooLarge(ActionError):
    status = 413
    code = "too_large"


class UnsupportedMedia(ActionError):
    status = 415
    code = "unsupported_media_type"


def out_of_range_message(field: str) -> str:
    """What to send instead of a number no id column can hold."""
    return _("“%(field)s” must be a whole number from %(min)d to %(max)d.") % {
        "field": field, "min": MIN_ID, "max": MAX_ID}


class OutOfRange(ActionError):
    """A number no id column can hold (see ``colony.core.ids``), refused before any query."""

    def __init__(self, field: str):
        super().__init__(out_of_range_message(field), field=field)
