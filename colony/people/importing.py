"""`colony import people FILE.jsonl`: create or update people, idempotent on handle.

Each line: {"handle", "name", "title"?, "team"?, "bio"?, "skills"?: [..], "languages"?: [..]}.
Imported people have no password until they set one themselves (through a
one-time reset link an administrator sends them from the admin, or single
sign-on later); everything else goes through the same actions as the UI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.text import slugify

from colony.core.analysis import analyze_in_batches
from colony.core.errors import ActionError
from colony.core.importing import ImportResult, import_lines

from .actions import check_handle, do_create_user, do_update_profile
from .analysis import analyze_profiles
from .models import Team, User


def _team(name: str) -> Team | None:
    name = name.strip()
    if not name:
        return None
    slug = slugify(name)[:50] or "team"
    team, _ = Team.objects.get_or_create(slug=slug, defaults={"name": name[:100]})
    return team


def _apply(row: dict[str, Any], touched: list[int]) -> bool:
    if not isinstance(row.get("handle"), str) or not row.get("name"):
        raise ActionError("a line needs at least a handle and a name")
    handle = row["handle"].strip().lstrip("@").lower()
    user = User.objects.filter(username=handle).first()
    is_new = user is None
    if user is None:
        check_handle(handle)
        user = do_create_user(handle=handle, display_name=str(row["name"]))
    do_update_profile(
        user=user, display_name=str(row["name"]), title=row.get("title"), bio=row.get("bio"),
        team=_team(row["team"]) if row.get("team") else "", skills=row.get("skills"), languages=row.get("languages"),
        analyze=False,
    )
    touched.append(user.pk)
    return is_new


def import_people(path: Path, *, progress: bool = True) -> ImportResult:
    touched: list[int] = []
    result = import_lines(path, lambda row: _apply(row, touched), label="people", progress=progress)
    # Profiles go through the same analysis as edited ones, in batches here.
    analyze_in_batches(touched, analyze_profiles, "analysis" if progress else None)
    return result
