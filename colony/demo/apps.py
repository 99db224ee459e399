from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "colony.demo"
    label = "demo"
