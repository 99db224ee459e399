"""The loop every JSON-lines import shares: parse, apply one line in its own
transaction, count what was created or updated, and list the lines that could
not be imported (the others still go in)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from .errors import ActionError
from .progress import Progress


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def import_lines(path: Path, apply: Callable[[dict[str, Any]], bool], *, label: str,
                 progress: bool = True) -> ImportResult:
    """``apply(row)`` imports one object and says whether it was new."""
    lines = path.read_text(encoding="utf-8").splitlines()
    result = ImportResult()
    bar = Progress(len(lines), label) if progress else None
    for number, line in enumerate(lines, start=1):
        if bar:
            bar.advance()
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ActionError("each line must be a JSON object")
            with transaction.atomic():
                created = apply(row)
        except (ValueError, ActionError) as exc:
            result.errors.append(f"line {number}: {exc}")
            continue
        if created:
            result.created += 1
        else:
            result.updated += 1
    return result
