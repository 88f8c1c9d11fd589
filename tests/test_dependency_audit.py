"""The dependency audit fails on a known vulnerability, and never passes for an audit that
looked nothing up (scripts/audit_dependencies.py; pip-audit itself runs in `make test`)."""

from scripts.audit_dependencies import verdict

AUDITED = {"name": "django", "version": "5.2.19", "vulns": []}
SKIPPED = {"name": "wagtail", "skip_reason": "Dependency not found on PyPI"}
VULNERABLE = {
    "name": "pillow",
    "version": "9.0.0",
    "vulns": [{"id": "PYSEC-2022-168", "fix_versions": ["9.0.1"], "description": "..."}],
}


def test_a_known_vulnerability_fails_the_audit_and_names_the_fix():
    code, lines = verdict([AUDITED, VULNERABLE, SKIPPED], required=False)
    assert code == 1
    assert lines[0] == "pillow 9.0.0: PYSEC-2022-168 (fixed in 9.0.1)"


def test_a_clean_audit_passes_and_counts_what_it_could_not_look_up():
    code, lines = verdict([AUDITED, SKIPPED], required=True)
    assert code == 0
    assert lines == ["No known vulnerabilities in 1 locked packages (1 could not be looked up)."]


def test_an_audit_that_looked_nothing_up_says_so_and_fails_when_required():
    code, lines = verdict([SKIPPED, SKIPPED], required=False)
    assert code == 0 and lines[0].startswith("WARNING: none of the 2 locked packages")
    assert verdict([SKIPPED], required=True)[0] == 1
