"""Find a Chromium for Playwright: $CHROMIUM (or $CHROME), then the PATH,
then Playwright's own download. Playwright cannot download its browser on
every machine, so the system browser comes first."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
MAC_APPS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
HOW_TO_GET_ONE = (
    "No Chromium or Chrome found: install one (Debian/Ubuntu: sudo apt-get install chromium; "
    "macOS: brew install --cask chromium) or set CHROMIUM=/path/to/chrome, then run the tests again."
)

# Flags that keep Chromium from phoning home: the tests assert that no request leaves 127.0.0.1.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
]


def system_browser() -> str | None:
    for variable in ("CHROMIUM", "CHROME"):
        if os.environ.get(variable):
            return os.environ[variable]
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return next((app for app in MAC_APPS if Path(app).exists()), None)


def playwright_browser() -> str | None:
    """Playwright's own Chromium, downloading it if this machine may."""
    from playwright.sync_api import sync_playwright

    def installed() -> str | None:
        with sync_playwright() as p:
            path = p.chromium.executable_path
        return path if path and Path(path).exists() else None

    if installed():
        return installed()
    result = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], capture_output=True, text=True)
    return installed() if result.returncode == 0 else None


def find_browser() -> str | None:
    return system_browser() or playwright_browser()
