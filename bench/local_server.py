"""gunicorn on 127.0.0.1 for the benchmarks: started with the environment given, waited for
until it answers, stopped on exit. (Not named gunicorn.py: bench/ is on gunicorn's own path.)"""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 60


class Gunicorn:
    def __init__(self, app, port, env, workers=2, probe="/robots.txt", options=()):
        self.base_url = f"http://127.0.0.1:{port}"
        self.command = [
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
        self.env = env
        self.probe = probe
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env)
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
