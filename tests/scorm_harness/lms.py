"""Set up and drive the test LMS: install scorm-again from npm (pinned in
package.json and package-lock.json), unpack SCORM packages next to the
harness and serve them all on 127.0.0.1."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from coursesite.course_loader import load_course
from coursesite.scorm.outline import Outline, course_outline
from coursesite.scorm.package import build_packages, package_name
from support.npm import npm_ci
from support.server import StaticServer

HARNESS = Path(__file__).resolve().parent
SCORM_AGAIN = HARNESS / "node_modules" / "scorm-again"
PACKAGES = {"1.2": "p12", "2004": "p2004"}  # SCORM version -> the folder its package is unpacked in


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
    problem = npm_ci(HARNESS)
    if problem is None and installed_version() != pinned_version():
        problem = f"npm ci in {HARNESS} did not install scorm-again {pinned_version()}"
    return problem


def stage(root: Path, packages: dict[str, Path]) -> Path:
    """A folder to serve: the harness at /harness/, each package unpacked at /<name>/."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "harness").symlink_to(HARNESS, target_is_directory=True)
    for name, package in packages.items():
        with zipfile.ZipFile(package) as archive:
            archive.extractall(root / name)
    return root


@contextmanager
def served_packages(mkdocs_yml: Path, work: Path) -> Iterator[tuple[str, Path, Outline]]:
    """Both SCORM packages of the course, built into ``work/dist``, unpacked beside the
    harness in ``work/www`` and served on 127.0.0.1: (server URL, served folder, outline).
    The test fails when scorm-again cannot be installed or the course has problems."""
    problem = ensure_scorm_again()
    if problem:
        pytest.fail(problem)
    result = build_packages(mkdocs_yml, work / "dist")
    assert not result.problems, "\n".join(map(str, result.problems))
    outline = course_outline(load_course(mkdocs_yml))
    root = stage(work / "www", {PACKAGES[v]: work / "dist" / package_name(outline.title, v) for v in PACKAGES})
    with StaticServer(root) as server:
        yield server.url, root, outline


def harness_url(server_url: str, package: str, version: str, mode: str = "lms") -> str:
    return f"{server_url}harness/harness.html?version={version}&mode={mode}&launch=/{package}/scorm-launch.html"
