"""Guests: people from outside the organisation, let into one ask or one war room.

Being a guest is a property of the account (``User.is_guest``), made here.
What a guest may read is the audience rule (``social.audience``: the asks
they were given and their threads, the war rooms they belong to); who may
invite them, and to what, is the asks feature's (``asks.actions``). What a
guest may open at all is fenced by ``people.middleware.GuestFenceMiddleware``.
"""

from __future__ import annotations

import re

from django.utils.text import slugify

from .actions import do_create_user
from .models import User


def guest_handle(name: str) -> str:
    """A free handle for a guest, from their name: ``guest_<name>[n]``."""
    base = re.sub(r"[^a-z0-9_]", "", slugify(name).replace("-", "_"))[:20] or "guest"
    handle, n = f"guest_{base}", 1
    while User.objects.filter(username=handle).exists():
        n += 1
        handle = f"guest_{base}{n}"
    return handle[:30]


def do_create_guest(*, display_name: str, password: str) -> User:
    """A guest's account: it signs in like anyone's, and reads only what it is let into."""
    guest = do_create_user(handle=guest_handle(display_name), password=password, display_name=display_name)
    guest.is_guest = True
    guest.save(update_fields=["is_guest"])
    return guest
