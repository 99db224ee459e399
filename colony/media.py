"""Serving uploads: each file only to the people who may read what owns it.

One place serves every upload. Whether an attachment may be read is decided
by the object that owns it (a post, a direct message, a response to an
ask), through ``social.attachments.may_read_attachment``; an avatar, by
whether the viewer may know its person (``people_known_to``).

The check is decided from the path *after* it is resolved under the media
root, never from the raw prefix, and any ``.``/``..`` segment is refused
outright, so ``avatars/../attachments/…`` (or ``%2e%2e``) reaches nothing.
"""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase

from colony.core.typing import AuthedHttpRequest
from colony.core.uploads import clean_filename
from colony.people.models import User
from colony.social.attachments import may_read_attachment
from colony.social.models import Attachment
from colony.social.selectors import people_known_to

DOWNLOAD_KINDS: dict[str, bool] = {Attachment.Kind.PDF: False, Attachment.Kind.DOCX: True}  # kind -> as_attachment


def resolve_media_path(path: str) -> tuple[Path, PurePosixPath]:
    """The file on disk and its path relative to the media root; 404 for anything odd.

    Refuses empty, ``.`` and ``..`` segments, backslashes and NUL before
    touching the disk, then checks the resolved file is still under the root
    (a symlink cannot lead out of it).
    """
    if not path or "\\" in path or "\x00" in path or posixpath.normpath(path) != path or path.startswith("/"):
        raise Http404
    if any(part in ("", ".", "..") for part in path.split("/")):
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    full = (root / path).resolve()
    if root not in full.parents or not full.is_file():
        raise Http404
    return full, PurePosixPath(full.relative_to(root).as_posix())


def _attachment_response(user: User, relative: PurePosixPath, full: Path) -> HttpResponseBase:
    attachment = Attachment.objects.filter(file=str(relative)).first()
    if attachment is None or not may_read_attachment(user, attachment):
        raise Http404
    as_attachment = DOWNLOAD_KINDS.get(attachment.kind)
    if as_attachment is None:  # images are shown in the page, with no name to leak
        return FileResponse(full.open("rb"), content_type=attachment.content_type)
    # FileResponse encodes the name with Django's Content-Disposition helper:
    # whatever the uploader called the file, it stays one quoted parameter.
    return FileResponse(full.open("rb"), content_type=attachment.content_type, as_attachment=as_attachment,
                        filename=clean_filename(attachment.name, default="document"))


def _avatar_response(user: User, relative: PurePosixPath, full: Path) -> HttpResponseBase:
    owner = User.objects.filter(avatar=str(relative)).only("pk").first()
    if owner is None or not people_known_to(user).filter(pk=owner.pk).exists():
        raise Http404
    content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    return FileResponse(full.open("rb"), content_type=content_type)


FOLDERS = {"attachments": _attachment_response, "avatars": _avatar_response}


@login_required
def media(request: AuthedHttpRequest, path: str) -> HttpResponseBase:
    """Serve an upload only to people allowed to see it; everything else is not found."""
    full, relative = resolve_media_path(path)
    serve = FOLDERS.get(relative.parts[0]) if len(relative.parts) > 1 else None
    if serve is None:
        raise Http404
    response = serve(request.user, relative, full)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response
