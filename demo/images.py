"""Demo pictures drawn with Pillow, so loading the demo needs no network."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image


def _hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def draw_picture(key, colours, size=(1200, 800)):
    """A gradient with a few soft shapes, the same every time for the same key."""
    width, height = size
    top, bottom = (_hex_to_rgb(c) for c in colours)
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest(), 16))
    for _ in range(6):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(40, 260)
        shade = tuple(min(255, c + rng.randrange(20, 70)) for c in bottom)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=shade, width=rng.randrange(2, 9))
    draw.rectangle([0, height * 0.72, width, height], fill=tuple(c // 2 for c in top))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer


def get_or_create_image(key, spec):
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        image = Image(title=spec["title"], description=spec.get("description", ""))
        image.file = ImageFile(draw_picture(key, spec["colours"]), name=f"{key}.jpg")
        image.save()
    return image
