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


def clean_filename(name: str | None, *, default: str = "file", limit: int = 200) -> str:
    """A file name fit to keep and to send back: no folders, no control characters, not too long.

    Browsers send whatever the person's disk called the file; a name is only
    ever shown and offered back on download, so the folders and control
    characters (which could split a header) are dropped here.
    """
    import unicodedata

    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")).strip()
    if base in ("", ".", ".."):
        return default
    return base[:limit]
