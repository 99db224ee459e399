from django.apps import AppConfig


class SocialConfig(AppConfig):
    name = "colony.social"
    label = "social"
