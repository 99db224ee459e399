"""Who may read an attachment: the object that owns it decides.

An attachment (an image or a document) belongs to a post, a direct message,
or a response to an ask. Posts are here; messages and responses are features
above posts, so each registers its own check when its app is ready
(``register_owner``). The media view (``colony/media.py``) asks only
``may_read_attachment`` and knows nothing of the owners.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .models import Attachment, Post

if TYPE_CHECKING:
    from colony.people.models import User

# A check answers for the attachments its object owns (True or False) and
# None for any other, so the next check is asked.
ReadCheck = Callable[["User", Attachment], "bool | None"]

_OWNERS: list[ReadCheck] = []


def register_owner(check: ReadCheck) -> None:
    if check not in _OWNERS:
        _OWNERS.append(check)


def _post_check(user: User, attachment: Attachment) -> bool | None:
    if attachment.post_id is None:
        return None
    return Post.objects.visible_to(user).filter(pk=attachment.post_id).exists()


register_owner(_post_check)


def may_read_attachment(user: User, attachment: Attachment) -> bool:
    """Whether ``user`` may open ``attachment``: its owner's answer, or, while
    nothing owns it yet (uploaded, not yet sent), only its uploader."""
    for check in _OWNERS:
        verdict = check(user, attachment)
        if verdict is not None:
            return verdict
    return attachment.uploader_id == user.pk
