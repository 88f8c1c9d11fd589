"""The dependency audit of `make test`: pip-audit over the lock files, exactly as pinned.

Fails (exit 1) on any known vulnerability in a locked package. pip-audit skips a package it
cannot look up and still exits 0, so a run that could look nothing up (the advisory service
unreachable) would read as a clean audit: this says so loudly instead, and fails too when
AUDIT_REQUIRED=true.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILES = ("requirements/base.txt", "requirements/dev.txt")


def pip_audit(lock_file):
    """pip-audit's findings for one lock file (each is audited on its own: the site's and
    the tests' may pin a shared package at different versions)."""
    command = [str(Path(sys.executable).parent / "pip-audit"), "--format", "json"]
    # The lock file pins every package: audit those versions, resolve nothing.
    command += ["--requirement", lock_file, "--no-deps", "--disable-pip"]
    command += ["--progress-spinner", "off"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if result.returncode not in (0, 1) or not result.stdout.strip():
        sys.exit(f"pip-audit failed to run on {lock_file}:\n{result.stderr}")
    return json.loads(result.stdout)["dependencies"]


def fixed_in(vulnerability):
    return ", ".join(vulnerability["fix_versions"]) or "no release yet"


def verdict(dependencies, required):
    """(exit code, report lines) for pip-audit's list of dependencies."""
    vulnerable = [d for d in dependencies if d.get("vulns")]
    audited = [d for d in dependencies if "skip_reason" not in d]
    lines = [
        f"{d['name']} {d['version']}: {v['id']} (fixed in {fixed_in(v)})"
        for d in vulnerable
        for v in d["vulns"]
    ]
    if vulnerable:
        return 1, [*lines, f"Known vulnerabilities in {len(vulnerable)} locked packages."]
    if not audited:
        lines.append(
            f"WARNING: none of the {len(dependencies)} locked packages could be looked up "
            "(is PyPI's advisory service reachable?): the dependency audit did not run."
        )
        return (1 if required else 0), lines
    skipped = len(dependencies) - len(audited)
    lines.append(
        f"No known vulnerabilities in {len(audited)} locked packages"
        + (f" ({skipped} could not be looked up)." if skipped else ".")
    )
    return 0, lines


def main():
    required = os.environ.get("AUDIT_REQUIRED", "").lower() in ("1", "true", "yes")
    found = {}
    for lock_file in LOCK_FILES:
        for dependency in pip_audit(lock_file):
            found[dependency["name"], dependency.get("version")] = dependency
    code, lines = verdict(list(found.values()), required)
    print("\n".join(lines))
    sys.exit(code)


if __name__ == "__main__":
    main()
