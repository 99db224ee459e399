from __future__ import annotations

from typing import Any

from django import template
from django.utils.timesince import timesince
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from colony.people.selectors import avatar_url as _avatar_url
from colony.social.models import REACTION_EMOJI, ReactionKind

register = template.Library()


@register.filter
def avatar_url(user: Any) -> str:
    return _avatar_url(user)


@register.filter
def get_item(mapping: dict, key: str) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def in_set(value: str, collection: Any) -> bool:
    return value in (collection or ())


@register.filter
def reaction_emoji(kind: str) -> str:
    return REACTION_EMOJI.get(kind, "")


@register.filter
def default_reactions(value: Any) -> Any:
    return value or ReactionKind.choices


@register.filter
def ago(moment: Any) -> str:
    """``3 hours ago``: the largest unit only, in the reader's language."""
    return _("%(time)s ago") % {"time": timesince(moment, depth=1)}


@register.filter
def language_label(code: str) -> str:
    """``nl`` → ``Dutch`` in the reader's language; unknown codes stay as they are."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@register.filter
def split_words(value: str) -> list[str]:
    return value.split()


@register.filter
def duration(seconds: float | None) -> str:
    """``42 s``, ``7 min``, ``3 h 5 min``, ``2 d``: a waiting time at a glance, in the reader's language."""
    if seconds is None:
        return ""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return _("%(n)d s") % {"n": seconds}
    if seconds < 3600:
        return _("%(n)d min") % {"n": seconds // 60}
    if seconds < 86400:
        return _("%(h)d h %(m)d min") % {"h": seconds // 3600, "m": seconds % 3600 // 60}
    return _("%(n)d d") % {"n": seconds // 86400}
