from django.apps import AppConfig


class AsksConfig(AppConfig):
    name = "colony.asks"
    label = "asks"
