"""`colony import people FILE.jsonl`: create or update people, idempotent on handle.

Each line: {"handle", "name", "title"?, "team"?, "bio"?, "skills"?: [..], "languages"?: [..]}.
Imported people have no password until one is set (by an administrator, or
single sign-on later); everything else goes through the same actions as the UI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from colony.core.errors import ActionError
from colony.core.progress import Progress

from .actions import check_handle, do_create_user, do_update_profile
from .models import Team, User


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _team(name: str) -> Team | None:
    name = name.strip()
    if not name:
        return None
    slug = slugify(name)[:50] or "team"
    team, _ = Team.objects.get_or_create(slug=slug, defaults={"name": name[:100]})
    return team


def import_people(path: Path, *, progress: bool = True) -> ImportResult:
    lines = path.read_text(encoding="utf-8").splitlines()
    result = ImportResult()
    bar = Progress(len(lines), "people") if progress else None
    for number, line in enumerate(lines, start=1):
        if bar:
            bar.advance()
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("handle"), str) or not row.get("name"):
                raise ActionError("a line needs at least a handle and a name")
            with transaction.atomic():
                handle = row["handle"].strip().lstrip("@").lower()
                user = User.objects.filter(username=handle).first()
                is_new = user is None
                if user is None:
                    check_handle(handle)
                    user = do_create_user(handle=handle, display_name=str(row["name"]))
                do_update_profile(
                    user=user, display_name=str(row["name"]), title=row.get("title"), bio=row.get("bio"),
                    team=_team(row["team"]) if row.get("team") else "",
                    skills=row.get("skills"), languages=row.get("languages"),
                )
            if is_new:
                result.created += 1
            else:
                result.updated += 1
        except (ValueError, ActionError) as exc:
            result.errors.append(f"line {number}: {exc}")
    return result
