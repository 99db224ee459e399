"""Checks every upload goes through before its type is even looked at."""

from __future__ import annotations

import io
from typing import IO

from django.utils.translation import gettext as _

from .errors import TooLarge


def upload_size(upload: IO[bytes]) -> int:
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    return size


def check_upload_size(upload: IO[bytes], *, limit: int, what: str) -> int:
    """The upload's size in bytes, or a "too large" error naming ``what`` and the limit in MB."""
    size = upload_size(upload)
    if size > limit:
        raise TooLarge(_("%(what)s is too large: the limit is %(limit)d MB.")
                       % {"what": what, "limit": limit // (1024 * 1024)})
    return size
