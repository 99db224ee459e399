from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "colony.search"
    label = "search"
