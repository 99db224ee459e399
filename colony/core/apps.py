from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "colony.core"
    label = "core"
