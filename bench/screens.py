"""Screenshots of every reader page type, as readers see them, for a person to review: each
edition's pages (English, French, Russian, and Arabic where the site has an Arabic page) at
390, 768 and 1280 pixels wide, in the light and the dark theme, full length, written to a
folder with an index.html contact sheet.

Run through `bench/screens`, which installs what it needs. Without --base-url it builds the
demo site in a temporary folder and serves it as bench/audit does (gunicorn, production
settings, on 127.0.0.1). `--readme` also writes the README's two pictures (the front page
and a topic page, first screen at 1280 px) to docs/images/.
"""

import argparse
import html
import sys
import time
from pathlib import Path

from audit import CHROME_FLAGS, CHROMIUM, DemoSite
from playwright.sync_api import sync_playwright
from reader_pages import discover

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (390, 768, 1280)
SCHEMES = ("light", "dark")
EDITIONS = ("en", "fr", "ru", "ar")
README_SHOTS = {"front-page": ("en", "home"), "topic-page": ("en", "topic")}


def shoot(browser, url, path, width, scheme):
    """The whole page, its lazy pictures loaded: scrolled to the end and back first."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, device_scale_factor=1
    )
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 600) {
                window.scrollTo(0, y);
                await new Promise((done) => setTimeout(done, 50));
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_load_state("networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=path, full_page=True, type="jpeg", quality=80)
    context.close()
    return overflow


def contact_sheet(out, shots):
    """index.html: a row per page, a column per width and theme, each a link to the shot."""
    head = "".join(f"<th>{w} px {s}</th>" for w in WIDTHS for s in SCHEMES)
    rows = []
    for (edition, kind, url), cells in shots.items():
        tds = "".join(
            f'<td><a href="{name}"><img src="{name}" alt="{html.escape(kind)}, {edition}, '
            f'{width} px, {scheme}" loading="lazy"></a>{note}</td>'
            for (width, scheme), (name, note) in cells.items()
        )
        page = f'<a href="{html.escape(url)}">{html.escape(kind)}</a><br>{edition}'
        rows.append(f"<tr><th>{page}</th>{tds}</tr>")
    (out / "index.html").write_text(
        "<!DOCTYPE html>\n<html lang=en><meta charset=utf-8><title>Reader pages</title>"
        "<style>body{font:14px system-ui;margin:1rem}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px;vertical-align:top}"
        "img{width:160px;height:240px;object-fit:cover;object-position:top}"
        ".wide{color:#b00;font-weight:700}</style>"
        f"<h1>Reader pages, {time.strftime('%Y-%m-%d %H:%M')}</h1>"
        f"<table><tr><th>page</th>{head}</tr>{''.join(rows)}</table>\n"
    )


def run(base_url, out, readme):
    out.mkdir(parents=True, exist_ok=True)
    pages = [
        (edition, kind, url)
        for edition in EDITIONS
        for kind, url in discover(base_url, edition).items()
    ]
    shots, wide = {}, []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:])
        for edition, kind, url in pages:
            print(f"{kind} ({edition}): {url}", flush=True)
            cells = shots.setdefault((edition, kind, url), {})
            for width in WIDTHS:
                for scheme in SCHEMES:
                    name = f"{edition}-{kind.replace(' ', '-')}-{width}-{scheme}.jpg"
                    overflow = shoot(browser, url, out / name, width, scheme)
                    note = ""
                    if overflow > 0:
                        wide.append(f"{name}: {overflow} px wider than the screen")
                        note = f'<br><span class="wide">{overflow} px too wide</span>'
                    cells[(width, scheme)] = (name, note)
        if readme:
            images = ROOT / "docs" / "images"
            images.mkdir(exist_ok=True)
            found = {(edition, kind): url for edition, kind, url in pages}
            for name, key in README_SHOTS.items():
                context = browser.new_context(viewport={"width": 1280, "height": 860})
                page = context.new_page()
                page.goto(found[key], wait_until="networkidle")
                page.screenshot(path=images / f"{name}.jpg", type="jpeg", quality=82)
                context.close()
                print(f"Wrote docs/images/{name}.jpg", flush=True)
        browser.close()
    contact_sheet(out, shots)
    print(f"\n{sum(len(c) for c in shots.values())} screenshots of {len(pages)} pages in {out}")
    print(f"Open {out / 'index.html'} to review them.")
    for line in wide:
        print(f"  - {line}")
    return 1 if wide else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="photograph this running site instead of a demo build")
    parser.add_argument("--port", type=int, default=8791, help="port of the demo build")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "out" / "screens", help="where to write"
    )
    parser.add_argument("--readme", action="store_true", help="also write docs/images/*.jpg")
    options = parser.parse_args()
    if options.base_url:
        return run(options.base_url.rstrip("/"), options.out, options.readme)
    with DemoSite(options.port) as site:
        return run(site.base_url, options.out, options.readme)


if __name__ == "__main__":
    sys.exit(main())
