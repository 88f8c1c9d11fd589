"""Draw the raster icons from the design of static/favicon.svg (a serif "M" on the
magazine's navy): /favicon.ico and /apple-touch-icon.png, which clients ask for at the root
without reading a page (webroot/, served by WhiteNoise), and the web app manifest's icons
(static/icons/). Run it again when the mark changes:

    .venv/bin/python scripts/make_icons.py

It needs a serif TrueType font (Debian's fonts-liberation or fonts-dejavu); the icons are
committed, so the site itself never does.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
NAVY, PAPER = "#1d3557", "#f1faee"
FONTS = (
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)


def mark(size, rounded=True):
    # Drawn four times larger and scaled down: Pillow draws without anti-aliasing.
    big = size * 4
    picture = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    radius = big * 6 // 32 if rounded else 0
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=NAVY)
    font_path = next(path for path in FONTS if Path(path).exists())
    font = ImageFont.truetype(font_path, big * 20 // 32)
    draw.text((big / 2, big * 23 / 32), "M", font=font, fill=PAPER, anchor="ms")
    return picture.resize((size, size), Image.LANCZOS)


def main():
    mark(48).save(ROOT / "webroot" / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    # iOS rounds the corners itself and shows transparency as black.
    mark(180, rounded=False).convert("RGB").save(ROOT / "webroot" / "apple-touch-icon.png")
    for size in (192, 512):
        mark(size, rounded=False).convert("RGB").save(
            ROOT / "static" / "icons" / f"icon-{size}.png"
        )


if __name__ == "__main__":
    main()
