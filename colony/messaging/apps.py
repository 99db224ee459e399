from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "colony.messaging"
    label = "messaging"

    def ready(self) -> None:
        # Imported here, not at the top: they load models, which exist only once the registry is ready.
        from colony.social.attachments import register_owner

        from .selectors import may_read_message_attachment

        register_owner(may_read_message_attachment)
