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
    # migrate, compile_catalogues, load_demo and runserver: notification e-mails are sent by
    # the server, so it must know the port too.
    assert run_recording(tmp_path, "PORT=8123") == ["http://127.0.0.1:8123"] * 4


def test_an_operators_base_url_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://desk.example")
    assert run_recording(tmp_path, "PORT=8123") == ["https://desk.example"] * 4
