"""Servers of a test's own, on 127.0.0.1: PostgreSQL clusters (a primary, and a streaming
replica of it), Redis, and the site under gunicorn with the production settings. For the
tests that stop and start them (tests/test_faults.py) or run several at once
(tests/test_cluster.py), and for bench/cluster, which imports this module without Django
or pytest. Needs PostgreSQL's server programs (Debian's postgresql package) and
redis-server: with CI=true a missing one fails a test, elsewhere it skips."""

import glob
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PG_BIN = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None)


def need_servers():
    from tests.support import missing

    for program, where in (
        ("PostgreSQL's server", PG_BIN),
        ("redis-server", shutil.which("redis-server")),
    ):
        if where is None or not os.path.exists(where):
            missing(f"{program} is not installed")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def fetch(url, timeout=15, headers=None):
    """(status, body) of a request (an address, or a urllib Request); status 0 when the
    server did not answer at all."""
    if headers:
        url = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""


def listening(server):
    """Wait for `server`'s process to listen on its port; stop it if it never does, so that
    a failed start leaves no process behind."""
    try:
        wait_for_port(server.port)
    except BaseException:
        server.stop()
        raise


def headline(body):
    """The text of a page's <h1>; None without one."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    return found and re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip()


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own, so stopping it disturbs nobody else. With
    `primary`, a streaming replica of that cluster (pg_basebackup)."""

    def __init__(self, folder, primary=None):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.data = folder / "pg"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/meridian"
        self.settings = ["listen_addresses=127.0.0.1", "fsync=off"]
        # initdb refuses to run as root: the cluster then belongs to the postgres user.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(folder, "postgres")
        if primary is None:
            self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
            self.start()
            self.run(
                "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "meridian"
            )
            return
        # -R writes the connection to the primary and standby.signal: it starts replaying.
        self.run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            *("-D", str(self.data), "-R", "-X", "stream", "-c", "fast"),
        )
        self.start()

    def run(self, program, *args):
        subprocess.run(
            [*self.as_owner, f"{PG_BIN}/{program}", *args],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self):
        self.running = True
        settings = (f"-c {setting}" for setting in self.settings)
        options = " ".join([f"-p {self.port} -k {self.folder}", *settings])
        self.run(
            "pg_ctl",
            *("-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"),
        )

    def stop(self):
        if self.running:
            self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.running = False

    def query(self, sql):
        result = subprocess.run(
            [f"{PG_BIN}/psql", self.url, "-At", "-c", sql],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout.strip()


class PrivateRedis:
    def __init__(self, folder):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = folder
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            stdout=subprocess.DEVNULL,
        )
        listening(self)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def production_env(folder, postgres, redis, **settings):
    """The environment the site runs in under the production settings, on these servers,
    served at 127.0.0.1 over plain HTTP; `settings` add to it or replace (strings)."""
    return (
        {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST")) and key != "DATABASE_URL"
        }
        | {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": postgres.url,
            "DATABASE_CONNECT_TIMEOUT": "2",
            "CONN_MAX_AGE": "60",
            "REDIS_URL": redis.url,
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "MEDIA_ROOT": str(folder / "media"),
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "LOG_LEVEL": "CRITICAL",
            # The demo's pictures drawn at full width were half of a demo load's 90 seconds.
            "DEMO_PICTURE_WIDTH": "240",
        }
        | settings
    )


def load_site(env):
    """Migrate, compile the catalogues, collect the static files (production serves them
    from a manifest) and load the demo, as a deploy and `make run` do."""
    for command in (
        "migrate --noinput",
        "compile_catalogues",
        "collectstatic --noinput",
        "load_demo",
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command.split()],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            timeout=600,
        )


class Gunicorn:
    """The site under gunicorn at 127.0.0.1:`port`, as production serves it."""

    def __init__(self, env, workers=2, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)),
                *("--timeout", "30", "--log-level", "critical"),
            ],
            cwd=BASE_DIR,
            env=env,
        )
        listening(self)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
