"""Background work for asks: route on publish, widen when nobody answers, email matches."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from colony.people.models import User

from .models import Ask
from .selectors import asks_to_widen


@db_task(retries=2, retry_delay=2)
def route_ask(ask_id: int) -> int:
    """Notify the first K people for a new ask (a no-op once it has been routed)."""
    from .actions import do_route  # actions imports this module to queue these tasks

    ask = Ask.objects.filter(pk=ask_id, rounds=0).first()
    return len(do_route(ask=ask)) if ask is not None else 0


@db_periodic_task(crontab(minute="*"))
def widen_asks() -> int:
    """Every minute: asks nobody answered in time go to the next K people."""
    from .actions import do_route  # actions imports this module to queue these tasks

    widened = 0
    for ask in Ask.objects.filter(pk__in=asks_to_widen()):
        widened += len(do_route(ask=ask))
    return widened


@db_task(retries=3, retry_delay=30)
def email_matches(ask_id: int, user_ids: list[int]) -> int:
    """Tell matched people by email too, each in their own interface language."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils import translation
    from django.utils.translation import gettext as _

    ask = Ask.objects.select_related("post__author").filter(pk=ask_id).first()
    if ask is None:
        return 0
    sent = 0
    for person in User.objects.filter(pk__in=user_ids, is_active=True).exclude(email=""):
        with translation.override(person.ui_language or settings.LANGUAGE_CODE):
            subject = _("%(name)s asks for your help") % {"name": ask.post.author.name}
            link = settings.COLONY_BASE_URL + reverse("ask", args=[ask.pk])
            body = f"{ask.post.text}\n\n{link}\n"
            sent += send_mail(subject, body, None, [person.email], fail_silently=False)
    return sent
