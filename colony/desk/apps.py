from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "colony.desk"
    label = "desk"
