from django.apps import AppConfig


class AnnouncementsConfig(AppConfig):
    name = "colony.announcements"
    label = "announcements"
