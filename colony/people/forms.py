from __future__ import annotations

import zoneinfo

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Team, User


def _zones() -> list[tuple[str, str]]:
    return [(z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z or z == "UTC"]


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=80, required=False)
    title = forms.CharField(label=_("Title"), max_length=100, required=False)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.all(), required=False,
                                  empty_label=_("No team"), to_field_name="slug")
    manager = forms.CharField(label=_("Manager's handle"), max_length=31, required=False)
    location = forms.CharField(label=_("Location"), max_length=100, required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_zones)
    languages = forms.CharField(
        label=_("Languages you speak"), required=False, max_length=200,
        help_text=_("Language codes separated by commas, for example: en, nl, id"),
    )
    skills = forms.CharField(
        label=_("Skills"), required=False, max_length=1000,
        help_text=_("Separated by commas, for example: python, negotiation, supply chain"),
    )
    bio = forms.CharField(label=_("Bio"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1000, required=False)
    ui_language = forms.ChoiceField(
        label=_("Interface language"), required=False,
        choices=lambda: [("", _("Same as my browser")), *settings.LANGUAGES],
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=User.Theme.choices)
    avatar = forms.FileField(label=_("Avatar"), required=False,
                             help_text=_("PNG, JPEG, GIF or WebP, up to 2 MB."),
                             widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}))

    @staticmethod
    def initial_for(user: User) -> dict:
        return {
            "display_name": user.display_name, "title": user.title, "team": user.team,
            "manager": user.manager.username if user.manager else "", "location": user.location,
            "time_zone": user.time_zone, "languages": ", ".join(user.language_codes),
            "skills": ", ".join(s.name for s in user.skills.all()), "bio": user.bio,
            "ui_language": user.ui_language, "theme": user.theme, "avatar": user.avatar or None,
        }


def split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]
