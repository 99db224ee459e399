"""Account events in plain sentences: on the person's activity page and in their notifications."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import AccountEvent, User

Kind = AccountEvent.Kind


def _administrator_sentence(kind: str, name: str) -> str:
    if kind == Kind.CREATED:
        return _("%(name)s, an administrator, created your account") % {"name": name}
    if kind == Kind.CHANGED:
        return _("%(name)s, an administrator, changed your account details") % {"name": name}
    if kind == Kind.PERMISSIONS:
        return _("%(name)s, an administrator, changed your permissions") % {"name": name}
    if kind == Kind.ACTIVATED:
        return _("%(name)s, an administrator, reactivated your account") % {"name": name}
    if kind == Kind.DEACTIVATED:
        return _("%(name)s, an administrator, deactivated your account") % {"name": name}
    if kind == Kind.RESET_EMAILED:
        return _("%(name)s, an administrator, emailed you a one-time link to set a new password") % {"name": name}
    if kind == Kind.RESET_SHOWN:
        return _(
            "%(name)s, an administrator, made a one-time link to set a new password for your account "
            "and was shown it to hand to you"
        ) % {"name": name}
    if kind == Kind.SIGNED_OUT:
        return _("%(name)s, an administrator, signed you out everywhere") % {"name": name}
    if kind == Kind.TOKEN_REVOKED:
        return _("%(name)s, an administrator, revoked one of your API tokens") % {"name": name}
    if kind == Kind.DELETED:
        return _("%(name)s, an administrator, deleted your account") % {"name": name}
    return _("%(name)s, an administrator, changed your account") % {"name": name}


def notification_sentence(kind: str, actor: User) -> str:
    """The notification a person gets when an administrator acts on their account."""
    return _administrator_sentence(kind, actor.name)


def field_label(name: str) -> str:
    if name == "languages":
        return _("languages")
    try:
        return str(getattr(User._meta.get_field(name), "verbose_name", name))
    except Exception:  # a field that no longer exists
        return name


def describe(event: AccountEvent) -> str:
    """One plain sentence for the person whose account it is."""
    if event.kind == Kind.PASSWORD_CHANGED:
        return _("You changed your password; your other sessions and your API tokens ended")
    if event.kind == Kind.PASSWORD_RESET:
        return _("You set a new password with a one-time link; your sessions and your API tokens ended")
    if event.actor is not None:
        name = event.actor.name
    else:
        name = f"@{event.actor_handle}" if event.actor_handle else _("Someone")
    sentence = _administrator_sentence(event.kind, name)
    if event.fields:
        sentence = _("%(sentence)s: %(fields)s") % {
            "sentence": sentence, "fields": ", ".join(field_label(f) for f in event.fields),
        }
    return sentence
