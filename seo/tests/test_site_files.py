"""What clients find without being told: a feed announced on every reader page, the icons
at the addresses browsers and phones ask for, and the web app manifest."""

import io
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image
from wagtail.models import Site

from editions.models import MagazineSettings
from stories.factories import (
    AuthorFactory,
    BriefingPageFactory,
    ImageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


def test_every_reader_page_announces_a_feed(client, tree):
    author = AuthorFactory(name="Inès Marlow")
    story = StoryPageFactory(parent=tree.section, topics=tree.topics[:1], authors=[author])
    briefing = BriefingPageFactory(parent=tree.briefing_index)
    pages = [story.url, briefing.url, tree.topic_index.url, author.url, tree.fr.topic_index.url]
    for url in pages:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        links = soup.select("link[rel=alternate][type='application/rss+xml']")
        assert links, url
        feed = feedparser.parse(client.get(links[0]["href"]).content)
        assert not feed.bozo and feed.entries is not None, url
        assert feed.feed.language == url.split("/")[1], url  # the page's own edition


def test_icons_are_where_browsers_and_phones_ask_for_them(client, tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    response = client.get("/apple-touch-icon.png")
    assert response.status_code == 200
    touch = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert touch.size == (180, 180)


def test_the_manifest_names_the_magazine_and_its_icons_exist(client, tree):
    soup = BeautifulSoup(client.get(tree.home.url).content, "html.parser")
    response = client.get(soup.select_one("link[rel=manifest]")["href"])
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "The Meridian Review"
    assert manifest["start_url"] == "/"
    for entry in manifest["icons"]:
        icon = client.get(entry["src"])
        assert icon.status_code == 200, entry["src"]
        size = Image.open(io.BytesIO(b"".join(icon.streaming_content))).size
        assert f"{size[0]}x{size[1]}" == entry["sizes"]


def test_the_magazines_logo_becomes_its_icons(client, tree, django_capture_on_commit_callbacks):
    magazine = MagazineSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):  # its renditions made on save
        magazine.logo = ImageFactory()
        magazine.save()
    soup = BeautifulSoup(client.get(tree.home.url).content, "html.parser")
    icon = soup.select_one("link[rel=icon]")
    assert icon["type"] == "image/png" and icon["sizes"] == "32x32"
    assert ".fill-32x32.format-png." in icon["href"]
    assert ".fill-180x180.format-png." in soup.select_one("link[rel=apple-touch-icon]")["href"]
    manifest = json.loads(client.get(soup.select_one("link[rel=manifest]")["href"]).content)
    small, large = manifest["icons"]
    assert ".fill-192x192.format-png." in small["src"] and small["sizes"] == "192x192"
    assert ".fill-512x512.format-png." in large["src"] and large["sizes"] == "512x512"
