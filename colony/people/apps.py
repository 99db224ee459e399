from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "colony.people"
    label = "people"
