"""A server on 127.0.0.1 that plays partners' feeds (tests/feeds/, written for these
tests) and the ways a partner's server goes wrong: slow, dripping, huge, redirecting away
from the web, missing. The `feeds` fixture (registered in conftest) starts one per test."""

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from home.demo.images import draw_picture

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
                    draw_picture("ferry", ("#336699", "#112233")).getvalue(), "image/jpeg"
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


@pytest.fixture
def feeds(settings, media_on_disk):
    settings.SYNDICATION_TIMEOUT = 1.0
    server = FeedServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
