"""What the benchmarks share: the production settings' environment for a site on 127.0.0.1,
a way to run code in it, and gunicorn, started, waited for until it answers and stopped on
exit. (Not named gunicorn.py: bench/ is on gunicorn's own path.)"""

import contextlib
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60


def production_env(port, redis_url, folder):
    """The production settings (DEBUG off, Redis, HTTP on loopback) for a site on `port`."""
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": redis_url,
        "CONN_MAX_AGE": "600",
        "MEDIA_ROOT": str(folder / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "ERROR",
    }


def served_env(port, redis_url, name):
    """`production_env` in a new folder named after the benchmark, its static files
    collected, ready for gunicorn."""
    folder = Path(tempfile.mkdtemp(prefix=f"meridian-{name}-"))
    env = production_env(port, redis_url, folder)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return env


def shell_json(env, script):
    """Runs `script` in `manage.py shell`; returns the JSON its last line prints."""
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def checkout(revision, env):
    """A worktree of `revision` beside this one, sharing its virtualenv, for --baseline."""
    folder = Path(tempfile.mkdtemp(prefix="meridian-baseline-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", "-f", str(folder), revision],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (folder / ".venv").symlink_to(ROOT / ".venv")
    for command in (["compile_catalogues"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=folder,
            env=env,
            check=True,
            capture_output=True,
        )
    return folder


def remove(worktree):
    subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False)


class LowerShare:
    """A lower share of the cores for the processes started or joined in it, as
    docs/deploying.md has the readers' service give the desk's the cores first: a cgroup of
    the CPU controller at systemd's CPUWeight=`weight` (a service's default is 100) where
    this machine lets the bench make one, else `nice`. A cgroup's weight is its processes'
    together; a niceness is each thread's, so fifty busy threads at nice 10 still outweigh
    one at 0. `how` says which this run got."""

    def __init__(self, name, weight, nice):
        self.nice, self.folder, self.setting = nice, None, None
        v1, v2 = Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup")
        v2_controllers = v2 / "cgroup.subtree_control"
        if (v1 / "cpu.shares").exists():
            self.folder, self.setting = v1 / name, ("cpu.shares", str(max(2, weight * 1024 // 100)))
        elif v2_controllers.exists() and "cpu" in v2_controllers.read_text().split():
            self.folder, self.setting = v2 / name, ("cpu.weight", str(weight))
        self.how = f"nice {nice}"
        self.weight = weight

    def __enter__(self):
        if self.folder is not None:
            try:
                self.folder.mkdir(exist_ok=True)
                (self.folder / self.setting[0]).write_text(self.setting[1])
                self.how = f"a cgroup at CPU weight {self.weight}"
            except OSError:
                self.folder = None
        return self

    def command(self, command):
        """`command`, started in the share (with everything it starts)."""
        if self.folder is None:
            return ["nice", "-n", str(self.nice), *command]
        procs = self.folder / "cgroup.procs"
        return ["sh", "-c", f'echo $$ > {procs} && exec "$@"', "sh", *command]

    def join(self):
        """Moves the calling process into the share."""
        if self.folder is None:
            os.nice(self.nice)
        else:
            (self.folder / "cgroup.procs").write_text(str(os.getpid()))

    def __exit__(self, *exc):
        if self.folder is None:
            return
        for pid in (self.folder / "cgroup.procs").read_text().split():
            with contextlib.suppress(OSError):  # gone already
                (self.folder.parent / "cgroup.procs").write_text(pid)
        with contextlib.suppress(OSError):
            self.folder.rmdir()


class Gunicorn:
    def __init__(
        self, app, port, env, workers=2, probe="/robots.txt", options=(), root=ROOT, share=None
    ):
        self.base_url = f"http://127.0.0.1:{port}"
        self.root = root  # the checkout served: another revision's, to compare with
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            app,
            *options,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
        self.command = share.command(command) if share else command
        self.env = env
        self.probe = probe
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(self.command, cwd=self.root, env=self.env)
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                urllib.request.urlopen(self.base_url + self.probe, timeout=5)
                return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.__exit__()
                    raise SystemExit(f"gunicorn did not start: {' '.join(self.command)}") from None
                time.sleep(0.3)

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)


class TaskWorker:
    """`manage.py db_worker` of the checkout at `root`, as production runs it beside the app
    servers, its output in `log`; stopped on exit."""

    def __init__(self, env, log, root=ROOT, share=None):
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay"]
        self.command = share.command(command) if share else command
        self.env, self.log, self.root = env, log, root
        self.process = None

    def __enter__(self):
        self.output = open(self.log, "ab")  # noqa: SIM115 -- closed on exit
        self.process = subprocess.Popen(
            self.command, cwd=self.root, env=self.env, stdout=self.output, stderr=self.output
        )
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.output.close()
