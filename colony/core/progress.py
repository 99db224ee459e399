"""A small progress bar for long commands (imports, backfills), written to stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.total, self.label, self.width = max(total, 0), label, width
        self.stream = stream or sys.stderr
        self.done = 0
        self._last = 0.0
        self._interactive = self.stream.isatty()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= (0.1 if self._interactive else 2.0) or self.done >= self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = int(self.width * share)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\r" if self._interactive and self.done < self.total else "\n"
        self.stream.write(f"{self.label} [{bar}] {share:4.0%} {self.done}/{self.total}{end}")
        self.stream.flush()
