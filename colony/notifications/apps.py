from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "colony.notifications"
    label = "notifications"
