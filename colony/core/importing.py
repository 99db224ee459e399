"""The loop every JSON-lines import shares: parse, apply one line in its own
transaction, count what was created or updated, and list the lines that could
not be imported (the others still go in). An importer whose lines refer to one
another (posts and their replies) passes ``order`` to take them in another
order than the file's; errors still name the lines of the file, in file order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
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


# Given the file's lines: the indexes of all of them in the order to import them,
# and the lines refused before any is imported (index -> reason).
Order = Callable[[list[str]], tuple[Iterable[int], dict[int, str]]]


def import_lines(path: Path, apply: Callable[[dict[str, Any]], bool], *, label: str,
                 progress: bool = True, order: Order | None = None) -> ImportResult:
    """``apply(row)`` imports one object and says whether it was new."""
    lines = path.read_text(encoding="utf-8").splitlines()
    result = ImportResult()
    sequence, refused = order(lines) if order else (range(len(lines)), {})
    errors: list[tuple[int, str]] = []
    bar = Progress(len(lines), label) if progress else None
    for index in sequence:
        number, line = index + 1, lines[index]
        if bar:
            bar.advance()
        if not line.strip():
            continue
        if index in refused:
            errors.append((number, refused[index]))
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ActionError("each line must be a JSON object")
            with transaction.atomic():
                created = apply(row)
        except (ValueError, ActionError) as exc:
            errors.append((number, str(exc)))
            continue
        if created:
            result.created += 1
        else:
            result.updated += 1
    result.errors = [f"line {number}: {message}" for number, message in sorted(errors)]
    return result
