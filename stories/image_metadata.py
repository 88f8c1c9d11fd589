"""Renditions carry no metadata of the photograph but its colour profile.

A camera or phone writes where a picture was taken (GPS), when, and with what into the file;
for a newsroom that protects its sources, a picture published with its position can locate
one. Willow copies the original's EXIF into every JPEG and PNG rendition, even the 1200x630
share picture that social networks pass around. Wagtail turns every picture upright first
(Willow's `auto_orient`), so that is where the metadata is dropped: after the orientation
has been applied to the pixels, nothing else in it is needed.
"""

from PIL import ImageOps
from willow.plugins.pillow import PillowImage
from willow.registry import registry

# What a rendition keeps of the original's info: how its colours and frames are drawn.
KEPT = {"icc_profile", "transparency", "background", "duration", "loop", "gamma", "dpi"}


def auto_orient_without_metadata(image):
    upright = ImageOps.exif_transpose(image.image)  # a copy, info and all
    for key in set(upright.info) - KEPT:
        del upright.info[key]
    return PillowImage(upright)


def register():
    registry.register_operation(PillowImage, "auto_orient", auto_orient_without_metadata)
