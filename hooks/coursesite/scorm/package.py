"""Build the SCORM packages: a fresh strict build of the course into a
temporary folder, then one zip per SCORM version.

A package is always the learner edition (coursesite/editions.py: no trainer
guide, facilitator notes or links to the source), whatever COURSE_EDITION
says. Its build differs from the published site in two settings:
``use_directory_urls: false`` (an LMS serves files, so pages must be
``modules/01-x.html``, not folders) and an empty ``site_url`` (the package
does not know where the LMS will put it: every address stays relative). Its
404 page is left out: an LMS never serves it, and it is the one page whose
addresses must be absolute. So are source maps and unused search-language
files (``learner``).

Zips are deterministic: entries sorted, fixed timestamps and permissions,
so the same course gives byte-identical packages.
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from . import VERSIONS
from .launch import LAUNCH_FILE, launch_page
from .learner import unused_files, without_source_map_comment
from .manifest import identifier, manifest_xml
from .offline import outside_references
from .outline import Outline, course_outline
from .suspend import SCORM12_LIMIT, worst_case_length

MANIFEST = "imsmanifest.xml"
SCHEMAS = Path(__file__).parent / "schemas"
BUILD_SETTINGS = {"use_directory_urls": False, "site_url": "", "strict": True}
# Material reads sitemap.xml (empty here) for instant navigation; nothing reads the
# gzipped copy, and gzip stores a time, which would make packages differ.
LEFT_OUT = {"sitemap.xml.gz"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: no build time in the package


@dataclass
class PackageResult:
    packages: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    worst_case: int = 0  # characters of the longest possible suspend data


def schema_files(version: str) -> dict[str, bytes]:
    folder = SCHEMAS / ("scorm12" if version == "1.2" else "scorm2004")
    return {file.name: file.read_bytes() for file in sorted(folder.iterdir())}


def site_files(site_dir: Path) -> dict[str, Path]:
    """The built files a learner's browser may load, by package path."""
    files = {file.relative_to(site_dir).as_posix(): file for file in sorted(site_dir.rglob("*")) if file.is_file()}
    unused = LEFT_OUT | unused_files(list(files), site_dir)
    return {path: file for path, file in files.items() if path not in unused}


def package_name(title: str, version: str) -> str:
    return f"{identifier(title)}-scorm{'12' if version == '1.2' else '2004'}.zip"


def write_zip(target: Path, entries: dict[str, bytes]) -> None:
    """Control files first (manifest, schemas), then content, each sorted."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries, key=lambda n: (n != MANIFEST, "/" in n or not n.endswith((".xsd", ".dtd")), n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])


def package_entries(outline: Outline, version: str, site_dir: Path) -> dict[str, bytes]:
    content = {path: without_source_map_comment(path, file.read_bytes()) for path, file in site_files(site_dir).items()}
    outline.pages = sorted(path for path in content if path.endswith(".html"))
    content[LAUNCH_FILE] = launch_page(outline, version).encode("utf-8")
    entries = {**schema_files(version), **content}
    entries[MANIFEST] = manifest_xml(version, outline.title, LAUNCH_FILE, sorted(content))
    return entries


def _size_problems(outline: Outline, versions: list[str], config_name: str) -> list[Problem]:
    worst = worst_case_length(outline)
    if "1.2" in versions and worst > SCORM12_LIMIT:
        return [
            Problem(
                config_name,
                0,
                f"the learner record can need {worst} characters, more than SCORM 1.2's {SCORM12_LIMIT}",
                "build only the SCORM 2004 package (--version 2004), or split the course",
            )
        ]
    return []


def build_packages(config_file: Path, output: Path, versions: list[str] | None = None) -> PackageResult:
    """Build the course strictly and write one zip per version into ``output``.

    Nothing is written when the build has a problem: a package is only made
    from a course that passes every check."""
    from .. import state
    from ..sitebuild import build_into

    versions = list(versions or VERSIONS)
    result = PackageResult(problems=[])
    with tempfile.TemporaryDirectory(prefix="course-scorm-") as temp:
        site_dir = Path(temp) / "site"
        # Strict, as `mkdocs build --strict`: a warning stops the package as it stops CI.
        result.problems = build_into(
            config_file, site_dir, skip_templates=("404.html",), packaging=True, **BUILD_SETTINGS
        )
        if result.problems or state.current is None:
            return result
        outline = course_outline(state.current.course)
        result.worst_case = worst_case_length(outline)
        result.problems = _size_problems(outline, versions, config_file.name) + outside_references(site_dir)
        if result.problems:
            return result
        for version in versions:
            target = output / package_name(outline.title, version)
            write_zip(target, package_entries(outline, version, site_dir))
            result.packages.append(target)
    return result
