from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "colony.core"
    label = "core"

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        # Pillow's own guard, in case any code path opens an image without
        # the upload check: it warns at this many pixels and refuses at twice.
        Image.MAX_IMAGE_PIXELS = settings.COLONY_MAX_IMAGE_PIXELS
