"""Routing reasons in plain words, in the reader's language."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _month(iso: str) -> str:
    try:
        return formats.date_format(date.fromisoformat(iso), "YEAR_MONTH_FORMAT")
    except ValueError:
        return iso


def describe(reason: dict[str, Any]) -> str:
    code = reason.get("code")
    if code == "skills":
        return _("lists the skills %(skills)s") % {"skills": ", ".join(reason.get("skills", []))}
    if code == "profile":
        return _("profile fits: “%(title)s”") % {"title": reason.get("title", "")}
    if code == "wrote":
        return _("wrote about “%(excerpt)s” in %(month)s") % {
            "excerpt": reason.get("excerpt", ""), "month": _month(reason.get("date", "")),
        }
    if code == "answered":
        count = int(reason.get("count", 0))
        text = ngettext("answered %(count)d similar ask", "answered %(count)d similar asks", count) % {"count": count}
        chosen = int(reason.get("shortlisted", 0))
        if chosen:
            text += " " + ngettext("(%(count)d shortlisted)", "(%(count)d shortlisted)", chosen) % {"count": chosen}
        return text
    if code == "follows":
        if reason.get("you_follow") and reason.get("follows_you"):
            return _("you follow each other")
        return _("you follow them") if reason.get("you_follow") else _("follows you")
    if code == "communities":
        count = int(reason.get("count", 0))
        return ngettext("in %(count)d of your communities", "in %(count)d of your communities", count) % {"count": count}
    if code == "team":
        return _("in your team")
    if code == "referred":
        return _("referred by %(name)s") % {"name": reason.get("by", "")}
    return _("their profile and posts are close to the ask")


def describe_all(reasons: list[dict[str, Any]]) -> list[str]:
    return [describe(r) for r in reasons]
