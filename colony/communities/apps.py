from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    name = "colony.communities"
    label = "communities"
