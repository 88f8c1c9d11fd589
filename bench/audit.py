"""Audit reader pages as readers' tools see them: Lighthouse (mobile), axe-core and the Nu HTML
checker, on every type of reader page of each edition (bench/reader_pages.py).

Run through `bench/audit`, which installs the tools. Without --base-url it builds the demo site
in a temporary folder and serves it with the production settings (gunicorn, DEBUG off) on
127.0.0.1, so the figures are the ones readers would get. Prints one table, the reasons for
every missed target, and exits 1 when a target is missed.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from local_server import Gunicorn
from playwright.sync_api import sync_playwright
from reader_pages import discover

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "bench" / "tools" / "node_modules"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling Google from this closed
# network; the rest is what headless Chromium needs as root in a container.
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CATEGORIES = {
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
}
PAGE_KINDS = (
    "home",
    "section",
    "topic index",
    "topic",
    "story",
    "video",
    "briefing",
    "briefing index",
    "author",
    "partner",
    "search",
    "newsletter",
)
EDITIONS = ("en", "fr")


def pages_of(base_url, edition):
    """Every reader page type of the edition (reader_pages), but the 404 page, whose status
    Lighthouse's SEO audit rightly fails."""
    pages = discover(base_url, edition)
    pages.pop("not found", None)
    missing = set(PAGE_KINDS) - set(pages)
    if missing:
        raise SystemExit(f"No {', '.join(sorted(missing))} found in {edition}: is the demo loaded?")
    return pages


def lighthouse_run(url, attempts=5):
    """One Lighthouse report, or None. With today's Chromium, Lighthouse 12.2 now and then
    misses the navigation in its trace (NO_NAVSTART) and asks to be run again: so it is."""
    report = {}
    for _ in range(attempts):
        with tempfile.NamedTemporaryFile(suffix=".json") as output:
            # On a runtime error Lighthouse writes its report to a file, but not to stdout.
            completed = subprocess.run(
                [
                    "node",
                    str(LIGHTHOUSE),
                    url,
                    "--output=json",
                    f"--output-path={output.name}",
                    "--quiet",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=" + " ".join(CHROME_FLAGS),
                ],
                capture_output=True,
                text=True,
                env=os.environ | {"CHROME_PATH": CHROMIUM},
                check=False,
            )
            try:
                report = json.loads(Path(output.name).read_text() or "{}")
            except json.JSONDecodeError:
                report = {}
        if "categories" not in report:
            raise SystemExit(f"Lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
        if not report.get("runtimeError"):
            return report
    print(f"  Lighthouse gave up on {url}: {report['runtimeError']['message']}", flush=True)
    return None


def lighthouse(url, runs):
    """Category scores (0-100), the cumulative layout shift, and the audits that cost points,
    of the median run by performance."""
    results = [report for _ in range(runs) if (report := lighthouse_run(url))]
    if not results:
        return dict.fromkeys(CATEGORIES, 0), None, ["Lighthouse: no report (see above)"]
    results.sort(key=lambda report: report["categories"]["performance"]["score"] or 0)
    report = results[len(results) // 2]
    scores, losses = {}, []
    for key, category in report["categories"].items():
        scores[key] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                losses.append(f"{key}: {audit['title']} {value}".rstrip())
    # Any shift at all, not only one that costs points (under 0.1 scores full marks).
    shift = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return scores, shift, losses


def axe(browser, url):
    """axe-core's violations in the light theme on a wide screen and the dark one on a phone."""
    violations = []
    for scheme, viewport in (("light", (1280, 900)), ("dark", (360, 740))):
        context = browser.new_context(
            color_scheme=scheme,
            viewport={"width": viewport[0], "height": viewport[1]},
            bypass_csp=True,
        )
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("() => axe.run(document)")
        for violation in result["violations"]:
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
            violations.append(f"{scheme}: {violation['id']} ({violation['help']}) at {targets}")
        context.close()
    return violations


def nu_checker(urls):
    """The Nu HTML checker's errors per URL (warnings are not errors). The checker refuses to
    fetch from loopback, so it reads the pages as files fetched here."""
    with tempfile.TemporaryDirectory(prefix="meridian-nu-") as folder:
        files = {}
        for n, url in enumerate(urls):
            path = Path(folder) / f"page{n}.html"
            with urllib.request.urlopen(url, timeout=30) as response:
                path.write_bytes(response.read())
            files[path.name] = url
        completed = subprocess.run(
            ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *sorted(files)],
            capture_output=True,
            text=True,
            check=False,
            cwd=folder,
        )
    try:
        messages = json.loads(completed.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise SystemExit(f"The Nu checker failed:\n{completed.stderr[-2000:]}") from None
    errors = {url: [] for url in urls}
    for message in messages:
        if message["type"] in ("error", "non-document-error"):
            url = files.get(message.get("url", "?").rsplit("/", 1)[-1], "?")
            line = message.get("lastLine", "?")
            errors.setdefault(url, []).append(f"Nu, line {line}: {message['message']}")
    return errors


class DemoSite:
    """The demo content served by gunicorn with the production settings, in a temporary folder."""

    def __init__(self, port):
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.folder = Path(tempfile.mkdtemp(prefix="meridian-audit-"))
        self.env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{self.folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "WAGTAILADMIN_BASE_URL": self.base_url,
        }
        self.server = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)

    def __enter__(self):
        print(f"Building the demo site in {self.folder} ...", flush=True)
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("createcachetable")
        self.manage("compile_catalogues")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage("load_demo")
        server = Gunicorn(
            "audit_wsgi:application",
            self.port,
            self.env,
            probe="/en/",
            options=("--pythonpath", "bench"),
        )
        try:
            self.server = server.__enter__()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        return self

    def __exit__(self, *exc):
        if self.server:
            self.server.__exit__()
        shutil.rmtree(self.folder, ignore_errors=True)


def audit(base_url, runs):
    pages = [
        (kind, edition, url)
        for edition in EDITIONS
        for kind, url in pages_of(base_url, edition).items()
    ]
    nu = nu_checker([url for _, _, url in pages])
    rows, misses = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:])
        for kind, edition, url in pages:
            print(f"Auditing {kind} ({edition}): {url}", flush=True)
            scores, shift, losses = lighthouse(url, runs)
            violations = axe(browser, url)
            errors = nu[url]
            rows.append((kind, edition, scores, shift, len(violations), len(errors)))
            missed = [
                f"Lighthouse {key} {score} < {CATEGORIES[key]}"
                for key, score in scores.items()
                if score < CATEGORIES[key]
            ]
            if shift:  # None when Lighthouse gave no report, which is missed above
                missed.append(f"Cumulative layout shift {shift:.3f}, not 0")
            if missed or violations or errors:
                misses.append((f"{kind} ({edition}) {url}", missed + losses + violations + errors))
        browser.close()
    return rows, misses


def print_table(rows):
    header = ("page", "lang", "perf", "a11y", "best-pr", "seo", "CLS", "axe", "nu errors")
    print()
    print("  ".join(f"{h:<9}" for h in header))
    for kind, edition, scores, shift, violations, errors in rows:
        cls = "-" if shift is None else f"{shift:.3f}"
        cells = (kind, edition, *(scores[key] for key in CATEGORIES), cls, violations, errors)
        print("  ".join(f"{c!s:<9}" for c in cells))
    print(
        "\nTargets: Lighthouse (mobile) performance >= 95, accessibility, best practices and SEO"
        " 100; cumulative layout shift 0; axe-core 0 violations (light/wide and dark/phone);"
        " Nu checker 0 errors."
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="audit this running site instead of a demo build")
    parser.add_argument("--port", type=int, default=8790, help="port of the demo build")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    options = parser.parse_args()
    if options.base_url:
        rows, misses = audit(options.base_url.rstrip("/"), options.runs)
    else:
        with DemoSite(options.port) as site:
            rows, misses = audit(site.base_url, options.runs)
    print_table(rows)
    for page, reasons in misses:
        print(f"\n{page}")
        for reason in reasons:
            print(f"  - {reason}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
