"""Pictures carry no metadata of the photograph but its colour profile and orientation.

A camera or phone writes where a picture was taken (GPS), when, and with what into the file;
for a newsroom that protects its sources, a picture published with its position can locate
one. Willow copies the original's EXIF into every JPEG and PNG rendition, even the 1200x630
share picture that social networks pass around. Wagtail turns every picture upright first
(Willow's `auto_orient`), so that is where the metadata is dropped: after the orientation
has been applied to the pixels, nothing else in it is needed.
"""

import io
import struct
import zlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from PIL import ExifTags, Image, ImageOps
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike
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
    pre_save.connect(
        strip_uploaded_original, sender=get_image_model(), dispatch_uid="strip-original-metadata"
    )


# Originals: their metadata is dropped as they are stored (unless
# IMAGES_KEEP_ORIGINAL_METADATA), losslessly, segment by segment: the pixels are not
# encoded again. Kept: the colour profile, and the orientation (a minimal EXIF with that
# one tag), which the pixels do not carry by themselves.
PNG_DROPPED = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
WEBP_DROPPED = {b"EXIF", b"XMP "}


def orientation_exif(data):
    """A minimal EXIF block ("Exif\\0\\0" and a TIFF header) that keeps only the picture's
    orientation, or None when it needs none (upright, or unknown)."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            orientation = picture.getexif().get(ExifTags.Base.Orientation, 1)
    except (OSError, ValueError, SyntaxError):
        return None
    if orientation in (None, 1):
        return None
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    return exif.tobytes()


def strip_jpeg(data):
    """Tables, frame and scan kept, with APP0 (JFIF), the ICC profile (APP2) and Adobe's
    colour transform (APP14); EXIF and XMP (APP1), IPTC (APP13), comments and the other
    application segments dropped. Pictures phones append after the end of the main one
    (previews, gain maps: each with its own EXIF) go too."""
    kept, position = [], 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the picture itself follows
            break
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segment = data[position : position + 2 + length]
        application = 0xE0 <= marker <= 0xEF or marker == 0xFE
        if (
            not application
            or marker in (0xE0, 0xEE)
            or (marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00")
        ):
            kept.append(segment)
        position += 2 + length
    end = data.find(b"\xff\xd9", position)
    scan = data[position : end + 2 if end != -1 else len(data)]
    exif = orientation_exif(data)
    if exif is not None:
        app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif  # "Exif\0\0" included
        after_jfif = 1 if kept and kept[0][1] == 0xE0 else 0
        kept.insert(after_jfif, app1)
    return data[:2] + b"".join(kept) + scan


def strip_png(data):
    out, position = bytearray(data[:8]), 8
    exif = orientation_exif(data)
    while position + 12 <= len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        kind = data[position + 4 : position + 8]
        chunk = data[position : position + 12 + length]
        if kind == b"IDAT" and exif is not None:
            out += png_chunk(b"eXIf", exif.removeprefix(b"Exif\x00\x00"))
            exif = None
        if kind not in PNG_DROPPED:
            out += chunk
        position += 12 + length
    return bytes(out)


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def strip_webp(data):
    out, position = bytearray(), 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        size = struct.unpack("<I", data[position + 4 : position + 8])[0]
        chunk = bytearray(data[position : position + 8 + size + (size & 1)])
        if kind == b"VP8X":
            chunk[8] &= ~0x0C & 0xFF  # the flags that announce EXIF (0x08) and XMP (0x04)
        if kind not in WEBP_DROPPED:
            out += chunk
        position += 8 + size + (size & 1)
    return b"RIFF" + struct.pack("<I", len(out) + 4) + b"WEBP" + bytes(out)


def strip_original(data):
    """The file's bytes without its metadata, for the formats cameras and phones write
    metadata into; others (GIF, AVIF) as they are."""
    if data[:3] == b"\xff\xd8\xff":
        return strip_jpeg(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return strip_png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return strip_webp(data)
    return data


def strip_uploaded_original(sender, instance, raw=False, **kwargs):
    """Before a new original is stored: the same picture, without its metadata."""
    if raw or settings.IMAGES_KEEP_ORIGINAL_METADATA:
        return
    file = instance.file
    if not file or getattr(file, "_committed", True):
        return  # already in storage: a change of title or focal point, not an upload
    file.seek(0)
    data = file.read()
    stripped = strip_original(data)
    if stripped == data:
        file.seek(0)
        return
    instance.file = ContentFile(stripped, name=file.name)
    instance.file_size = len(stripped)
    instance.file_hash = hash_filelike(io.BytesIO(stripped))
