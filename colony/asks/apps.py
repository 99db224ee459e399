from typing import Any

from django.apps import AppConfig


def _asks_by_post(post_ids: list[int]) -> dict[int, Any]:
    from .models import Ask  # models cannot be imported before the app registry is ready

    return {a.pk: a for a in Ask.objects.filter(pk__in=post_ids).prefetch_related("skills")}


class AsksConfig(AppConfig):
    name = "colony.asks"
    label = "asks"

    def ready(self) -> None:
        from colony.social.selectors import ASK_LOADER

        # Timelines show an ask distinctly; posts sit beneath asks, so asks tell them how to find one.
        ASK_LOADER[:] = [_asks_by_post]
