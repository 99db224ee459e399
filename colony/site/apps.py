from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The edges that put the places together: the page chrome (context
    processor, template tags) and the live-update stream. It sits above the
    features, so it may read from all of them; nothing imports it back."""

    name = "colony.site"
    label = "site"
