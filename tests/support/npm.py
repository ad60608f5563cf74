"""Install a test tool's pinned npm packages (package.json and package-lock.json
in its folder) with ``npm ci``: the scorm-again harness, the HTML checker."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def npm_ci(folder: Path, *options: str) -> str | None:
    """Run ``npm ci`` in ``folder``; None when it worked, else what went wrong."""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed: install Node.js 18 or newer (it brings npm), then run the tests again"
    env = dict(os.environ, npm_config_audit="false", npm_config_fund="false", npm_config_update_notifier="false")
    result = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", *options],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    return None if result.returncode == 0 else f"npm ci in {folder} failed:\n{result.stdout}\n{result.stderr}"
