"""Secure by default: the headers every response carries, the limits on uploads, throttled
logins and a movable admin."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from stories.factories import ImageFactory, StoryPageFactory
from tests.support import manage

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_reader_pages_allow_no_inline_script_and_no_framing(client, tree, page_cache):
    story = StoryPageFactory(parent=tree.section)
    for _ in range(2):  # made, then answered from the page cache: the same headers
        response = client.get(story.url)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-src"] == [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ]
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        permissions = response["Permissions-Policy"]
        assert "camera=()" in permissions and "geolocation=()" in permissions
        assert 'fullscreen=(self "https://www.youtube-nocookie.com"' in permissions
    assert response["X-Page-Cache"] == "hit"


def test_static_files_and_errors_carry_the_policy_too(client, tree):
    assert "script-src 'self'" in client.get("/en/no-such-page/")["Content-Security-Policy"]
    assert "script-src 'self'" in client.get("/robots.txt")["Content-Security-Policy"]


def test_the_admin_has_its_own_policy_and_may_frame_its_previews(admin_client, tree):
    response = admin_client.get(reverse("wagtailadmin_home"))
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


def test_documents_are_served_through_wagtails_view_in_a_sandbox(client, tree, media_on_disk):
    document = Document.objects.create(
        title="Ministry statement",
        file=SimpleUploadedFile("statement.txt", b"<script>alert(1)</script>"),
        collection=Collection.get_first_root_node(),
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert document.url.startswith("/documents/")  # the view, not the file's own address
    policy = directives(response)
    assert policy == {"default-src": ["'none'"], "frame-ancestors": ["'none'"], "sandbox": []}
    assert response["Content-Disposition"].startswith("attachment")


def test_original_images_are_never_served_by_the_site(client, tree):
    image = ImageFactory()
    assert client.get(image.file.url).status_code == 404


def png(width, height):
    buffer = io.BytesIO()
    PillowImage.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_svg_is_not_accepted_as_a_picture(admin_client, tree):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_image(admin_client, "map.svg", svg)
    assert response.status_code == 200
    assert "Not a supported image format" in response.context["form"].errors["file"][0]
    assert not Image.objects.exists()


def test_a_picture_over_the_pixel_limit_is_refused(admin_client, tree, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
    response = upload_image(admin_client, "bomb.png", png(7100, 7100))  # 50.4 megapixels
    assert "pixels" in response.context["form"].errors["file"][0]
    assert not Image.objects.exists()
    upload_image(admin_client, "pier.png", png(1200, 800))
    assert Image.objects.get().width == 1200


def test_a_picture_over_the_size_limit_is_refused(admin_client, tree, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    response = upload_image(admin_client, "pier.png", png(900, 900) + b"\0" * 2000)
    assert "This file is too big" in response.context["form"].errors["file"][0]


def test_a_document_over_the_size_limit_is_refused(admin_client, tree, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    add = reverse("wagtaildocs:add")
    collection = Collection.get_first_root_node().pk
    response = admin_client.post(
        add,
        {
            "title": "Budget",
            "file": SimpleUploadedFile("budget.csv", b"x" * 2048),
            "collection": collection,
        },
    )
    assert response.context["form"].errors["file"] == [
        "This file is 2.0\xa0KB; a document may be at most 1.0\xa0KB."
    ]
    admin_client.post(
        add,
        {
            "title": "Budget",
            "file": SimpleUploadedFile("budget.csv", b"x" * 512),
            "collection": collection,
        },
    )
    assert Document.objects.get().title == "Budget"


def sign_in(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_logins_are_throttled_after_repeated_failures(client, tree, django_user_model, settings):
    django_user_model.objects.create_superuser("chief", "chief@example.com", "right")
    django_user_model.objects.create_superuser("desk", "desk@example.com", "right")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "chief", "wrong").status_code == 200
    locked = sign_in(client, "chief", "wrong")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    # Locked, the right password no longer lets anyone in under that name from there...
    assert sign_in(client, "chief", "right").status_code == 429
    assert "_auth_user_id" not in client.session
    # ...while a colleague at the same address signs in as usual.
    assert sign_in(client, "desk", "right").status_code == 302
    assert client.session["_auth_user_id"]


def test_a_success_forgets_earlier_failures(client, tree, django_user_model, settings):
    django_user_model.objects.create_superuser("chief", "chief@example.com", "right")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "chief", "wrong")
    assert sign_in(client, "chief", "right").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "chief", "wrong").status_code == 200


def test_the_admin_address_is_configurable():
    script = (
        "from django.urls import resolve, reverse, Resolver404\n"
        "print(reverse('wagtailadmin_home'))\n"
        "try:\n    resolve('/admin/')\n    print('admin still there')\n"
        "except Resolver404:\n    print('admin gone')\n"
    )
    result = manage(
        "shell", "--no-imports", "-c", script, env=os.environ | {"ADMIN_URL_PATH": "desk-7f3a/"}
    )
    assert result.stdout.split() == ["/desk-7f3a/", "admin", "gone"], result.stderr


def test_a_preview_runs_under_the_readers_policy_framed_only_by_the_admin(admin_client, tree):
    story = StoryPageFactory(parent=tree.section)
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"]


def test_behind_a_proxy_the_login_throttle_locks_the_client_not_the_proxy(
    client, tree, django_user_model, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_superuser("chief", "chief@example.com", "right")

    def sign_in_from(address, password):
        return client.post(
            reverse("wagtailadmin_login"),
            {"username": "chief", "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in_from("198.51.100.7", "wrong")
    assert sign_in_from("198.51.100.7", "right").status_code == 429
    # The editor at another address, through the same proxy, is not locked out.
    assert sign_in_from("203.0.113.5", "right").status_code == 302
