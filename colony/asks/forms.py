from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .actions import MAX_BRIEF, MAX_NEED
from .models import Ask


class AskForm(forms.Form):
    need = forms.CharField(
        label=_("What do you need?"), max_length=MAX_NEED,
        help_text=_("One or two sentences, up to 280 characters. Any language."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_NEED, "data-composer": "", "data-counter": "need-left"}),
    )
    brief = forms.CharField(label=_("Brief (optional)"), required=False, max_length=MAX_BRIEF,
                            help_text=_("The longer story: context, constraints, what good looks like."),
                            widget=forms.Textarea(attrs={"rows": 5}))
    skills = forms.CharField(label=_("Skills wanted"), required=False, max_length=400,
                             help_text=_("Separated by commas, e.g. SAP, data migration."))
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Ask.Urgency.choices, initial=Ask.Urgency.NORMAL)
    audience = forms.ChoiceField(label=_("Who may see it"), choices=Ask.Audience.choices,
                                 initial=Ask.Audience.ORGANISATION)
    community = forms.ChoiceField(label=_("Community"), required=False, choices=[])
    people = forms.CharField(label=_("Named people"), required=False, max_length=1000,
                             help_text=_("Handles separated by commas, e.g. @sanne, @kostya."))

    def __init__(self, *args: object, communities: list[tuple[str, str]] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["community"].choices = [("", "—"), *(communities or [])]  # type: ignore[attr-defined]

    def skill_list(self) -> list[str]:
        return [s.strip() for s in self.cleaned_data.get("skills", "").split(",") if s.strip()]

    def handle_list(self) -> list[str]:
        return [h.strip().lstrip("@") for h in self.cleaned_data.get("people", "").replace(" ", ",").split(",")
                if h.strip().lstrip("@")]
