from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from colony.people.models import User
from colony.social.tasks import rebuild_feed


class Command(BaseCommand):
    help = "Recompute stored home feeds from the follow graph (all people, or the handles given)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("handles", nargs="*")

    def handle(self, *args: Any, handles: list[str], **options: Any) -> None:
        people = User.objects.active()
        if handles:
            people = people.filter(username__in=[h.lstrip("@").lower() for h in handles])
        total = 0
        for pk in people.values_list("pk", flat=True):
            total += rebuild_feed(pk)
        self.stdout.write(f"Rebuilt {people.count()} feeds with {total} entries.")
