"""`make run` as an operator runs it: every command it runs, the server included, knows the
address the site is served on."""

import subprocess

from tests.support import BASE_DIR


def run_recording(tmp_path, *arguments, env=None):
    """`make run`, each manage.py command replaced by one that records the admin's base URL."""
    record = tmp_path / "base-urls"
    manage = f"sh -c 'echo $$WAGTAILADMIN_BASE_URL >> {record}' manage"
    subprocess.run(
        ["make", "--no-print-directory", "-s", "run", f"MANAGE={manage}", *arguments],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return record.read_text().split()


def test_every_command_of_make_run_links_the_admin_to_its_port(tmp_path, monkeypatch):
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    # migrate, compile_catalogues, load_demo, runserver and the task worker beside it:
    # notification e-mails are sent by the server (and may be by tasks), so both must know
    # the port too. The worker is stopped as the server stops, here at once, so it may have
    # had no time to record.
    urls = run_recording(tmp_path, "PORT=8123")
    assert set(urls) == {"http://127.0.0.1:8123"} and len(urls) in (4, 5)


def test_an_operators_base_url_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://desk.example")
    urls = run_recording(tmp_path, "PORT=8123")
    assert set(urls) == {"https://desk.example"} and len(urls) in (4, 5)
