"""Install the pinned vnu-jar with ``npm ci`` (its install script, which would
download a Java runtime, is not run: the system's Java 17+ runs it) and check
many HTML files in one Java run."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from support.npm import npm_ci

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "node_modules" / "vnu-jar"
JAR = PACKAGE / "build" / "dist" / "vnu.jar"


def _version(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("dependencies", {}).get("vnu-jar") or data.get("version")


def ensure_vnu() -> str | None:
    """None when vnu.jar and Java are ready, else what to do about it."""
    if shutil.which("java") is None:
        return (
            "java is not installed: install a Java runtime 17 or newer (Debian: apt-get install default-jre-headless)"
        )
    if JAR.exists() and _version(PACKAGE / "package.json") == _version(HERE / "package.json"):
        return None
    problem = npm_ci(HERE, "--ignore-scripts")
    if problem is None and not JAR.exists():
        problem = f"npm ci in {HERE} did not install {JAR.name}"
    return problem


@dataclass(frozen=True)
class Message:
    path: str  # relative to the checked folder
    line: int
    message: str
    extract: str


def check(root: Path, files: list[Path]) -> list[Message]:
    """vnu's errors (not warnings) in ``files``, all in one Java run."""
    result = subprocess.run(
        ["java", "-jar", str(JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    data = json.loads(result.stderr or '{"messages": []}')  # vnu writes its report to stderr
    found = []
    for entry in data["messages"]:
        url = entry.get("url", "")
        path = Path(url.removeprefix("file:")) if url else root
        found.append(
            Message(
                str(path.relative_to(root)) if path.is_relative_to(root) else url,
                entry.get("lastLine", 0),
                entry.get("message", ""),
                entry.get("extract", ""),
            )
        )
    return found
