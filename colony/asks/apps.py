from django.apps import AppConfig


class AsksConfig(AppConfig):
    name = "colony.asks"
    label = "asks"

    def ready(self) -> None:
        # Imported here, not at the top: they load models, which exist only once the registry is ready.
        from colony.social.attachments import register_owner
        from colony.social.selectors import ASK_LOADER

        from .selectors import asks_by_post, may_read_response_attachment

        # Posts sit beneath asks, so asks hand down what posts need to know of them:
        # how timelines find the ask beside an ask post, and who may open a response's document.
        ASK_LOADER[:] = [asks_by_post]
        register_owner(may_read_response_attachment)
