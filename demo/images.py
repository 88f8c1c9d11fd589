"""Demo pictures drawn with Pillow, so loading the demo needs no network: a landscape for each
story and topic, drawn from its key (sky, sun, ridges, then the scene's motif: water and a
boat, a street, pylons, vines, drones, a lit building), and portraits and logos for the
snippets. The same key always draws the same picture; two keys never draw the same."""

import colorsys
import hashlib
import io
import random

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images.models import Image

SIZE = (1200, 800)


def rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shifted(colour, rng, amount=0.06):
    """`colour` with its hue turned a little, as each story's sky differs from the next."""
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in colour))
    h = (h + rng.uniform(-amount, amount)) % 1
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(h, lightness, s))


def ridge(rng, width, base, roughness, points=9):
    """A ridgeline across the picture: heights at `points` places, smoothed between them."""
    heights = [base + rng.uniform(-roughness, roughness) for _ in range(points)]
    step = width / (points - 1)
    line = []
    for x in range(0, width + 1, 8):
        i = min(int(x / step), points - 2)
        t = (x - i * step) / step
        t = t * t * (3 - 2 * t)
        line.append((x, heights[i] + (heights[i + 1] - heights[i]) * t))
    return line


def draw_landscape(key, colours, motif):
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest(), 16))
    width, height = SIZE
    top, bottom = (shifted(rgb(c), rng) for c in colours)
    picture = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    horizon = height * rng.uniform(0.5, 0.62)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=mix(top, bottom, min(1, y / horizon)))
    # The sun (or moon), with a soft glow.
    sx, sy = rng.uniform(0.15, 0.85) * width, horizon * rng.uniform(0.3, 0.8)
    r = rng.uniform(40, 80)
    halo = PILImage.new("L", SIZE, 0)
    ImageDraw.Draw(halo).ellipse([sx - r * 2.4, sy - r * 2.4, sx + r * 2.4, sy + r * 2.4], fill=150)
    picture.paste(mix(bottom, (255, 255, 255), 0.6), mask=halo.filter(ImageFilter.GaussianBlur(70)))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([sx - r, sy - r, sx + r, sy + r], fill=mix(bottom, (255, 250, 235), 0.75))
    # Three ridges, paler with distance.
    ground = mix(top, (10, 12, 16), 0.55)
    for depth, base in enumerate((horizon - 60, horizon - 15, horizon + 35)):
        line = ridge(rng, width, base, 45 - depth * 10)
        shade = mix(mix(bottom, top, 0.5), ground, 0.35 + depth * 0.3)
        draw.polygon([(0, height), *line, (width, height)], fill=shade)
    MOTIFS.get(motif, lambda *a: None)(draw, rng, width, height, horizon, top, bottom)
    return picture


def water(draw, rng, width, height, horizon, top, bottom, boat="boat"):
    level = horizon + 70
    draw.rectangle([0, level, width, height], fill=mix(top, (8, 20, 30), 0.45))
    for _ in range(60):
        y = rng.uniform(level + 5, height)
        x = rng.uniform(0, width)
        length = rng.uniform(20, 140) * (y - level) / (height - level) + 10
        draw.line([(x, y), (x + length, y)], fill=mix(bottom, (255, 255, 255), 0.3), width=2)
    for _ in range(rng.randint(1, 3) if boat == "boat" else 1):
        bx, by = rng.uniform(0.1, 0.8) * width, rng.uniform(level + 40, height - 120)
        scale = 1.8 if boat == "ferry" else rng.uniform(0.7, 1.2)
        hull = [
            (bx, by),
            (bx + 160 * scale, by),
            (bx + 135 * scale, by + 30 * scale),
            (bx + 20 * scale, by + 30 * scale),
        ]
        dark = (18, 20, 26)
        draw.polygon(hull, fill=dark)
        draw.rectangle([bx + 40 * scale, by - 35 * scale, bx + 100 * scale, by], fill=dark)
        if boat == "boat":
            draw.line(
                [(bx + 70 * scale, by - 35 * scale), (bx + 70 * scale, by - 110 * scale)],
                fill=dark,
                width=4,
            )


def ferry(*args):
    water(*args, boat="ferry")


def street(draw, rng, width, height, horizon, top, bottom, tram=True, lit=False):
    x = -20
    while x < width:
        w, h = rng.uniform(90, 200), rng.uniform(140, 380)
        face = mix(top, (30, 28, 36), rng.uniform(0.35, 0.7))
        draw.rectangle([x, horizon + 120 - h, x + w, height], fill=face)
        for wy in range(int(horizon + 140 - h), int(height - 40), 42):
            for wx in range(int(x + 14), int(x + w - 24), 34):
                on = rng.random() < (0.55 if lit else 0.2)
                window = (250, 214, 140) if on else mix(face, (0, 0, 0), 0.3)
                draw.rectangle([wx, wy, wx + 16, wy + 22], fill=window)
        x += w + rng.uniform(4, 20)
    draw.rectangle([0, height - 90, width, height], fill=(40, 40, 44))
    if tram:
        tx = rng.uniform(0.1, 0.55) * width
        draw.rounded_rectangle(
            [tx, height - 230, tx + 380, height - 95], radius=22, fill=(232, 180, 40)
        )
        for wx in range(int(tx + 25), int(tx + 350), 70):
            draw.rectangle([wx, height - 205, wx + 50, height - 160], fill=(60, 70, 80))
        draw.line([(tx + 190, height - 230), (tx + 150, height - 300)], fill=(30, 30, 30), width=4)
        draw.line([(0, height - 300), (width, height - 310)], fill=(30, 30, 30), width=3)


def building(draw, rng, width, height, horizon, top, bottom):
    street(draw, rng, width, height, horizon, top, bottom, tram=False, lit=True)
    # People queueing at the door.
    door = rng.uniform(0.3, 0.6) * width
    for n in range(rng.randint(6, 11)):
        px = door + n * 34
        draw.ellipse([px, height - 150, px + 18, height - 132], fill=(22, 22, 26))
        draw.rounded_rectangle(
            [px - 4, height - 130, px + 22, height - 90], radius=8, fill=(22, 22, 26)
        )


def pylons(draw, rng, width, height, horizon, top, bottom):
    draw.rectangle([0, horizon + 80, width, height], fill=mix(bottom, (245, 246, 250), 0.75))
    tops = []
    for n in range(4):
        x = width * (0.12 + n * 0.26) + rng.uniform(-30, 30)
        scale = 1.4 - n * 0.25
        base, peak = horizon + 140 + 60 * scale, horizon + 140 - 300 * scale
        dark = (28, 30, 38)
        draw.line([(x - 50 * scale, base), (x, peak), (x + 50 * scale, base)], fill=dark, width=5)
        draw.line(
            [(x - 70 * scale, peak + 60 * scale), (x + 70 * scale, peak + 60 * scale)],
            fill=dark,
            width=5,
        )
        for k in range(1, 5):
            y = peak + k * (base - peak) / 5
            draw.line([(x - 10 * k * scale, y), (x + 10 * k * scale, y)], fill=dark, width=3)
        tops.append((x, peak + 60 * scale, scale))
    for (x1, y1, _), (x2, y2, _) in zip(tops, tops[1:], strict=False):
        for off in (-60, 60):
            draw.arc([x1 + off, y1 - 20, x2 + off, y2 + 60], 0, 180, fill=(28, 30, 38), width=2)


def vines(draw, rng, width, height, horizon, top, bottom):
    soil = mix(bottom, (120, 90, 60), 0.6)
    draw.rectangle([0, horizon + 40, width, height], fill=soil)
    vanish = (rng.uniform(0.35, 0.65) * width, horizon + 40)
    for n in range(-8, 9):
        x = width / 2 + n * 170
        draw.line([vanish, (x, height)], fill=mix(soil, (60, 80, 40), 0.7), width=10)
    for _ in range(40):  # cracks in the dry soil
        x, y = rng.uniform(0, width), rng.uniform(horizon + 80, height)
        draw.line(
            [(x, y), (x + rng.uniform(-40, 40), y + rng.uniform(5, 25))],
            fill=mix(soil, (0, 0, 0), 0.3),
            width=2,
        )


def drones(draw, rng, width, height, horizon, top, bottom):
    for _ in range(rng.randint(1, 3)):
        x, y, s = (
            rng.uniform(0.1, 0.9) * width,
            rng.uniform(0.12, 0.4) * height,
            rng.uniform(0.6, 1.3),
        )
        dark = (18, 18, 24)
        draw.line([(x - 40 * s, y - 25 * s), (x + 40 * s, y + 25 * s)], fill=dark, width=int(6 * s))
        draw.line([(x - 40 * s, y + 25 * s), (x + 40 * s, y - 25 * s)], fill=dark, width=int(6 * s))
        for dx, dy in ((-40, -25), (40, 25), (-40, 25), (40, -25)):
            cx, cy = x + dx * s, y + dy * s
            draw.ellipse([cx - 18 * s, cy - 5 * s, cx + 18 * s, cy + 5 * s], outline=dark, width=2)
        draw.rounded_rectangle([x - 14 * s, y - 9 * s, x + 14 * s, y + 9 * s], radius=4, fill=dark)


MOTIFS = {
    "water": water,
    "ferry": ferry,
    "street": street,
    "building": building,
    "pylons": pylons,
    "vines": vines,
    "drones": drones,
}


def draw_portrait(key, colours):
    """Head and shoulders against a plain backdrop."""
    rng = random.Random(key)
    back, tone = (rgb(c) for c in colours)
    picture = PILImage.new("RGB", (800, 800), back)
    draw = ImageDraw.Draw(picture)
    figure = mix(tone, (30, 30, 30), rng.uniform(0.2, 0.5))
    draw.ellipse([260, 170, 540, 470], fill=figure)
    draw.rounded_rectangle([150, 500, 650, 900], radius=180, fill=figure)
    return picture


def draw_logo(key, colours):
    """A roundel: the outlet's colours in rings."""
    ground, ring = (rgb(c) for c in colours)
    picture = PILImage.new("RGB", (800, 800), ground)
    draw = ImageDraw.Draw(picture)
    for n, inset in enumerate(range(80, 360, 70)):
        draw.ellipse(
            [inset, inset, 800 - inset, 800 - inset],
            outline=ring if n % 2 == 0 else ground,
            width=34,
        )
    draw.rectangle([120, 370, 680, 430], fill=ring)
    return picture


def draw_picture(key, spec):
    """The picture as a JPEG file, at the DEMO_PICTURE_WIDTH setting's width (the tests'
    are small: encoding every rendition of 35 large pictures was most of a demo load)."""
    kind = spec.get("motif", "")
    if kind == "portrait":
        picture = draw_portrait(key, spec["colours"])
    elif kind == "logo":
        picture = draw_logo(key, spec["colours"])
    else:
        picture = draw_landscape(key, spec["colours"], kind)
    width = settings.DEMO_PICTURE_WIDTH
    if width < picture.width:
        picture = picture.resize((width, round(picture.height * width / picture.width)))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=84)
    return buffer


def get_or_create_image(key, spec):
    image = Image.objects.filter(title=spec["title"]).first()
    if image is None:
        image = Image(title=spec["title"], description=spec.get("description", ""))
        image.file = ImageFile(draw_picture(key, spec), name=f"{key}.jpg")
        image.save()
    return image
