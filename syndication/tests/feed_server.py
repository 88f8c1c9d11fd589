"""A server on 127.0.0.1 that plays partners' feeds (syndication/tests/feeds/, written for
these tests) and the ways a partner's server goes wrong: slow, dripping, huge, redirecting
away from the web, missing. The `feeds` fixture (registered by the root conftest.py) starts
one per test."""

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from demo.images import draw_picture

FEEDS = Path(__file__).parent / "feeds"
HUGE = 50 * 1024 * 1024


class FeedHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        route = self.path.split("?")[0]
        try:
            if route.startswith("/feeds/") and (FEEDS / route.removeprefix("/feeds/")).is_file():
                self.send_body(
                    self.server.feed(route.removeprefix("/feeds/")), "application/rss+xml"
                )
            elif route == "/pictures/ferry.jpg":
                self.send_body(
                    draw_picture(
                        "ferry", {"colours": ("#336699", "#112233"), "motif": "ferry"}
                    ).getvalue(),
                    "image/jpeg",
                )
            elif route == "/pictures/map.svg":
                self.send_body(
                    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                    "image/svg+xml",
                )
            elif route == "/slow":
                time.sleep(3)
                self.send_body(self.server.feed("plain_facts.rss"), "application/rss+xml")
            elif route == "/drip":  # answers at once, then a byte now and then
                self.send_response(200)
                self.end_headers()
                for _ in range(30):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif route in ("/huge", "/huge-declared"):
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                if route == "/huge-declared":
                    self.send_header("Content-Length", str(HUGE))
                self.end_headers()
                chunk = b"<!-- padding -->" * 65536
                for _ in range(HUGE // len(chunk)):
                    self.wfile.write(chunk)
            elif route.startswith("/variant/"):  # plain_facts.rss, changed as the name says
                self.send_body(
                    self.server.variant(route.removeprefix("/variant/")), "application/rss+xml"
                )
            elif route == "/deep.atom":
                self.send_body(deep_atom(), "application/atom+xml")
            elif route == "/gzipped":
                body = gzip.compress(self.server.feed("plain_facts.rss"))
                self.send_body(body, "application/rss+xml", encoding="gzip")
            elif route == "/gzip-bomb":  # 50 KB on the wire, 50 MB unpacked
                self.send_body(gzip.compress(b" " * HUGE), "application/rss+xml", encoding="gzip")
            elif route == "/to-file":
                self.redirect("file:///etc/passwd")
            elif route == "/to-ftp":
                self.redirect("ftp://127.0.0.1/feed.xml")
            elif route == "/loop":
                self.redirect("/loop")
            elif route == "/moved":
                self.redirect("/feeds/plain_facts.rss")
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the importer gave up, as it should

    def send_body(self, body, content_type, encoding=None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.end_headers()


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def feed(self, name):
        # Feeds name pictures on this server.
        return (FEEDS / name).read_text().replace("{server}", self.url).encode()

    def variant(self, name):
        feed = self.feed("plain_facts.rss").decode()
        if name == "new-links":  # the partner's site moved: same GUIDs, new links
            feed = feed.replace(
                "https://plain-facts.example/2026/", "https://www.plain-facts.example/2026/"
            )
        elif name == "new-guids":  # the partner's CMS renumbered its items
            feed = feed.replace("plain-facts-104", "pf-2026-")
        elif name == "long-link":  # one link longer than a story's original URL may be
            feed = feed.replace("/2026/11/water-tariffs", "/2026/11/" + "x" * 600)
        return feed.encode()


def deep_atom():
    """An Atom feed whose second entry nests 5,000 elements deep."""
    deep = "<b>" * 5000 + "deep" + "</b>" * 5000
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Deep</title><id>urn:deep</id>
  <entry><title>Обычная запись</title><id>urn:deep:1</id>
    <link href="https://deep.example/1"/><summary>Текст.</summary></entry>
  <entry><title>Бездонная запись</title><id>urn:deep:2</id>
    <link href="https://deep.example/2"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{deep}</div></content></entry>
</feed>""".encode()


@pytest.fixture
def feeds(settings, media_on_disk):
    settings.SYNDICATION_TIMEOUT = 1.0
    settings.SYNDICATION_ALLOW_PRIVATE_ADDRESSES = True  # the server is on 127.0.0.1
    server = FeedServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
