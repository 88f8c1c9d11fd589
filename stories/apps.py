from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self):
        from . import (
            pictures,  # noqa: F401 -- renditions made when pictures are saved
            purging,  # noqa: F401 -- authors' and partners' changes purge the caches
        )
        from .image_metadata import register

        register()  # renditions without the photograph's GPS position and camera
