"""SCORM package size: the zips ``course scorm`` builds from the repository's
own course, each against a target of at most 600 KB (600,000 bytes, read
strictly), since many corporate LMSs limit or slow down large uploads.

The packages leave out what no learner opens (hooks/coursesite/scorm/learner.py):
the trainer guide, source maps and unused search-language files. The notes
say what is left inside, by kind, so a growing package shows where it grew.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import OUT, ROOT, figure, log

sys.path.insert(0, str(ROOT / "hooks"))
LIMIT = 600_000  # bytes: "600 KB" read strictly
KINDS = (
    ("pages", (".html",)),
    ("search index", ("search/",)),
    ("theme scripts and styles", ("assets/javascripts/", "assets/stylesheets/")),
    ("reading-list exports", ("downloads/",)),
    ("SCORM schemas and manifest", (".xsd", ".dtd", "imsmanifest.xml")),
)


def _kind(name: str) -> str:
    for kind, marks in KINDS:
        if any(name.startswith(mark) or name.endswith(mark) for mark in marks):
            return kind
    return "other (our assets, images, data)"


def _contents(package: Path) -> str:
    """Compressed bytes in the zip by kind of file, largest first."""
    sizes: Counter = Counter()
    with zipfile.ZipFile(package) as archive:
        for info in archive.infolist():
            sizes[_kind(info.filename)] += info.compress_size
        count = len(archive.infolist())
    parts = ", ".join(f"{kind} {size:,} B" for kind, size in sizes.most_common())
    return f"{package.name}: {count} files; compressed, {parts}"


def main(args: list[str]) -> dict:
    from coursesite import cli

    output = OUT / "scorm"
    shutil.rmtree(output, ignore_errors=True)
    status = cli.main(["--config", str(ROOT / "mkdocs.yml"), "scorm", "--output", str(output)])
    if status != 0:
        raise SystemExit(f"course scorm failed with exit status {status}")
    figures, notes = [], []
    for package in sorted(output.glob("*.zip")):
        version = "SCORM 1.2" if package.name.endswith("scorm12.zip") else "SCORM 2004"
        figures.append(figure(f"{version} package", "B", value=package.stat().st_size, target=f"<= {LIMIT}"))
        notes.append(_contents(package))
        log(f"  {notes[-1]}")
    notes.append(
        "Built by `course scorm` from the repository's course; left out: the trainer guide (docs/guide/), source maps (*.map) "
        "and Material's search-language files for languages the site does not search in (hooks/coursesite/scorm/learner.py)."
    )
    return {"title": "SCORM packages", "figures": figures, "notes": notes}


if __name__ == "__main__":
    main(sys.argv[1:])
