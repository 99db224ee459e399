from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "colony.messaging"
    label = "messaging"
