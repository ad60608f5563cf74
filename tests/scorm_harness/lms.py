"""Set up and drive the test LMS: install scorm-again from npm (pinned in
package.json and package-lock.json), unpack SCORM packages next to the
harness and serve them all on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

HARNESS = Path(__file__).resolve().parent
SCORM_AGAIN = HARNESS / "node_modules" / "scorm-again"


def pinned_version() -> str:
    return json.loads((HARNESS / "package.json").read_text(encoding="utf-8"))["dependencies"]["scorm-again"]


def installed_version() -> str | None:
    try:
        return json.loads((SCORM_AGAIN / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def ensure_scorm_again() -> str | None:
    """Install the pinned scorm-again with ``npm ci`` unless it is there.
    Returns None when ready, else a message saying what went wrong."""
    if installed_version() == pinned_version():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed: install Node.js 18 or newer (it brings npm), then run the tests again"
    env = dict(os.environ, npm_config_audit="false", npm_config_fund="false", npm_config_update_notifier="false")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=HARNESS, capture_output=True, text=True, env=env, timeout=300
    )
    if result.returncode != 0 or installed_version() != pinned_version():
        return f"npm ci in {HARNESS} failed:\n{result.stdout}\n{result.stderr}"
    return None


def stage(root: Path, packages: dict[str, Path]) -> Path:
    """A folder to serve: the harness at /harness/, each package unpacked at /<name>/."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "harness").symlink_to(HARNESS, target_is_directory=True)
    for name, package in packages.items():
        with zipfile.ZipFile(package) as archive:
            archive.extractall(root / name)
    return root


def harness_url(server_url: str, package: str, version: str, mode: str = "lms") -> str:
    return f"{server_url}harness/harness.html?version={version}&mode={mode}&launch=/{package}/scorm-launch.html"
