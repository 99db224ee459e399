from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Community


class CommunityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    kind = forms.ChoiceField(label=_("Who can see and join it"), choices=Community.Kind.choices,
                             widget=forms.RadioSelect, initial=Community.Kind.OPEN)
    description = forms.CharField(label=_("Description"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
