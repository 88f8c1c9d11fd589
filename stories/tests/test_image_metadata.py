"""A photograph's metadata (where, when, with what) never reaches a rendition; its colour
profile and its orientation do."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, ImageCms, PngImagePlugin, TiffImagePlugin
from PIL.ExifTags import GPS, IFD, Base
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from stories import pictures
from stories.factories import ImageFactory
from stories.image_metadata import strip_original

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


def stored(image):
    with image.file.open("rb") as original:
        return original.read()


def test_an_uploaded_original_is_stored_without_its_metadata_and_with_its_pixels(admin_client):
    photo, srgb = phone_photo()
    sent = photo.read()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Harbour",
            "file": SimpleUploadedFile("harbour.jpg", sent, "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Harbour")
    data = stored(image)
    picture = Image.open(io.BytesIO(data))
    exif = picture.getexif()
    assert not exif.get_ifd(IFD.GPSInfo)
    assert {Base.Make, Base.Model, Base.DateTime}.isdisjoint(exif)
    assert b"Quillphone" not in data and b"harbour" not in data
    # What the picture is: the same pixels, turned the same way, in the same colours.
    assert exif[Base.Orientation] == 6
    assert picture.info["icc_profile"] == srgb
    assert picture.tobytes() == Image.open(io.BytesIO(sent)).tobytes()
    assert image.file_size == len(data)
    assert image.file_hash == hash_filelike(io.BytesIO(data))


def other_formats():
    """A PNG and a WebP with EXIF (GPS, camera) and text or XMP, as editing tools write them."""
    exif = Image.Exif()
    exif[Base.Make] = "Quillphone"
    exif.get_ifd(IFD.GPSInfo)[GPS.GPSLatitudeRef] = "N"
    picture = Image.new("RGB", (40, 30), (20, 90, 160))
    png, webp = io.BytesIO(), io.BytesIO()
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "Quillphone at the harbour")
    picture.save(png, "PNG", exif=exif.tobytes(), pnginfo=text)
    picture.save(webp, "WEBP", exif=exif.tobytes(), xmp=b"<x>Quillphone at the harbour</x>")
    return {"png": png.getvalue(), "webp": webp.getvalue()}


@pytest.mark.parametrize("kind", ["png", "webp"])
def test_png_and_webp_originals_lose_their_metadata_too(kind):
    sent = other_formats()[kind]
    assert b"Quillphone" in sent
    image = ImageFactory(file=ImageFile(io.BytesIO(sent), name=f"harbour.{kind}"))
    data = stored(image)
    assert b"Quillphone" not in data
    picture = Image.open(io.BytesIO(data))
    assert not picture.getexif()
    assert picture.convert("RGB").tobytes() == Image.open(io.BytesIO(sent)).convert("RGB").tobytes()


def test_a_setting_keeps_the_originals_metadata(settings):
    settings.IMAGES_KEEP_ORIGINAL_METADATA = True
    photo, _srgb = phone_photo()
    sent = photo.read()
    photo.seek(0)
    image = ImageFactory(file=photo)
    assert stored(image) == sent
    # Renditions drop it all the same.
    with image.get_rendition("width-100").file.open("rb") as rendition:
        assert b"Quillphone" not in rendition.read()


def test_stripping_a_cut_or_garbled_file_never_raises():
    photo, _srgb = phone_photo()
    samples = [photo.read(), *other_formats().values()]
    for data in samples:
        for cut in range(0, len(data), 7):
            strip_original(data[:cut])
            strip_original(data[:cut] + b"\xff" * 9 + data[cut:][:40])


def test_strip_image_metadata_cleans_originals_uploaded_before(settings):
    settings.IMAGES_KEEP_ORIGINAL_METADATA = True  # uploaded before stripping existed
    photo, srgb = phone_photo()
    image = ImageFactory(file=photo)
    old_name = image.file.name
    image.get_rendition("width-100")
    assert b"Quillphone" in stored(image)
    settings.IMAGES_KEEP_ORIGINAL_METADATA = False
    out = io.StringIO()
    call_command("strip_image_metadata", "--dry-run", stdout=out)
    assert out.getvalue().startswith("1 originals carry")
    call_command("strip_image_metadata", stdout=out)
    image.refresh_from_db()
    data = stored(image)
    assert b"Quillphone" not in data and image.file_size == len(data)
    assert Image.open(io.BytesIO(data)).info["icc_profile"] == srgb
    assert not image.file.storage.exists(old_name)
    assert not image.renditions.filter(filter_spec="width-100").exists()
    out = io.StringIO()
    call_command("strip_image_metadata", stdout=out)
    assert out.getvalue().startswith("0 originals")
