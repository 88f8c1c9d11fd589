"""A photograph's metadata (where, when, with what) never reaches a rendition; its colour
profile and its orientation do."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image, ImageCms, TiffImagePlugin
from PIL.ExifTags import GPS, IFD, Base

from stories import pictures
from stories.factories import ImageFactory

pytestmark = pytest.mark.django_db

SPECS = [
    "fill-1200x630",
    "width-480|format-jpeg",
    "width-480|format-png",
    "width-480|format-webp",
    "width-480|format-avif",
]


def phone_photo():
    """A 300x200 JPEG as a phone writes it: GPS position, camera, time, turned a quarter
    (Orientation 6: shown 200 wide and 300 high), an sRGB profile, an XMP packet."""
    exif = Image.Exif()
    exif[Base.Make] = "Quillphone"
    exif[Base.Model] = "Q7 Pro"
    exif[Base.DateTime] = "2026:11:30 18:02:11"
    exif[Base.Orientation] = 6
    exif.get_ifd(IFD.GPSInfo).update(
        {
            GPS.GPSLatitudeRef: "N",
            GPS.GPSLatitude: tuple(TiffImagePlugin.IFDRational(v) for v in (48, 51, 24)),
            GPS.GPSLongitudeRef: "E",
            GPS.GPSLongitude: tuple(TiffImagePlugin.IFDRational(v) for v in (2, 21, 7)),
        }
    )
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (180, 40, 40)).save(
        buffer,
        "JPEG",
        exif=exif.tobytes(),
        icc_profile=srgb,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Quillphone at the harbour</x:xmpmeta>',
    )
    return ImageFile(io.BytesIO(buffer.getvalue()), name="harbour.jpg"), srgb


@pytest.mark.parametrize("spec", SPECS)
def test_renditions_keep_no_position_camera_or_time(spec):
    photo, srgb = phone_photo()
    image = ImageFactory(file=photo)
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as stored:
        data = stored.read()
    picture = Image.open(io.BytesIO(data))
    exif = picture.getexif()
    assert not exif.get_ifd(IFD.GPSInfo)
    assert {Base.Make, Base.Model, Base.DateTime}.isdisjoint(exif)
    assert b"Quillphone" not in data and b"harbour" not in data
    # Upright (200 wide, not the 300 the sensor stored), with its colours as they were.
    assert picture.width == 200
    if picture.format in ("JPEG", "PNG", "WEBP"):
        assert picture.info.get("icc_profile") == srgb


def test_prepare_renditions_remake_replaces_renditions_made_before(tree):
    photo, _srgb = phone_photo()
    image = ImageFactory(file=photo)
    old = image.get_rendition("width-480|format-jpeg")
    out = io.StringIO()
    call_command("prepare_renditions", "--remake", stdout=out)
    remade = image.renditions.get(filter_spec="width-480|format-jpeg")
    assert remade.pk != old.pk
    assert image.renditions.count() == len(pictures.specs(*pictures.STORY_PICTURE))
    assert not out.getvalue().startswith("0 ")
    with remade.file.open("rb") as stored:
        assert not Image.open(stored).getexif().get_ifd(IFD.GPSInfo)
