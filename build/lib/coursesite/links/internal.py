"""The internal link check: after every build, every ``href``, ``src`` and
``srcset`` of every page must reach a file of the built site, and every
``#fragment`` an id (or ``<a name>``) on the target page.

Registered in ``checks._site_checks()``, so it runs in ``mkdocs build`` (the
hook's ``on_post_build``) and in ``course check``. Each problem names the
Markdown file and line, the link text and the target; all are reported at once.
On a course of ``background.FROM_PAGES`` pages or more, the hook starts a
worker that reads the pages while the build writes them (``start_reader``,
``page_rendered``); the findings, and so the problems, are the same.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from ..course_loader import Course
from ..problems import Problem
from . import background, messages
from .find import Finding, find_in_pages
from .resolve import Resolver
from .scan import ScannedPage, scan_site, site_files
from .settings import LinkSettings, read_settings
from .sourcemap import MARKDOWN, THEME, SourceMap

READER = "link_check_reader"  # course.extras key of the running background.BackgroundCheck


def _canonical(finding: Finding) -> tuple[str, str]:
    return (finding.target, finding.fragment)


def to_problems(findings: list[Finding], sources: SourceMap) -> list[Problem]:
    """One problem per finding, at its Markdown line. A link that the theme or
    generated content repeats on many pages is reported once, with a count."""
    problems: list[Problem] = []
    repeated: dict[tuple, list] = {}
    site = sources.course.site
    pages = [site.report_path(src_uri) for src_uri in sources.course.pages]
    for finding in findings:
        where = sources.where(finding.page, finding.link, _canonical(finding) if finding.target else None)
        if where.origin != MARKDOWN:
            key = (finding.kind, finding.target or finding.link.url, finding.fragment, finding.link.text)
            if key in repeated:
                repeated[key][1] += 1
                continue
            repeated[key] = [(finding, where), 0]
            continue
        written = (pages, site.report_path(""), sources.source_line(finding.page, where.line))
        problems.append(messages.problem(finding, where, sources.settings.prefix, written=written))
    for (finding, where), others in repeated.values():
        found = messages.problem(finding, where, sources.settings.prefix, others)
        # The theme's links come from nav and the settings: a mistake there is reported at its line.
        problems.append(replace(found, follows_from=(site.config_path,)) if where.origin == THEME else found)
    return problems


def scan(site_dir: Path) -> tuple[dict[str, ScannedPage], set[str]]:
    """Every page with its ids and links (the external check collects from it)."""
    files = site_files(site_dir)
    return scan_site(site_dir, files), files


def check_site(course: Course, site_dir: Path) -> list[Problem]:
    """The site check registered in ``checks._site_checks()``. A large site's
    pages were read while it was built (``background``, started by the hook)."""
    settings = read_settings(course.site, course.extras.get("build_settings"))
    findings = _background_findings(course, Path(site_dir), settings)
    if not Path(site_dir).is_dir():
        return settings.problems
    if findings is None:
        pages, files = scan(Path(site_dir))
        findings = find_in_pages(pages, Resolver(files, settings), settings)
    return settings.problems + to_problems(findings, SourceMap(course, settings))


def _background_findings(course: Course, site_dir: Path, settings: LinkSettings) -> list[Finding] | None:
    """What the worker started for ``site_dir`` found; a worker started for
    another folder is stopped, and its pages are read here."""
    reader: background.BackgroundCheck | None = course.extras.pop(READER, None)
    if reader is None:
        return None
    if reader.site_dir != site_dir:
        reader.stop()
        return None
    return reader.findings(settings)


def start_reader(course: Course, site_dir: Path) -> None:
    """Start reading a large site's pages while it is built (``background``);
    the hook then hands each rendered page over (``page_rendered``)."""
    stop_reader(course)
    if len(course.pages) < background.FROM_PAGES or not background.spare_core():
        return
    with contextlib.suppress(OSError):  # no worker: the check reads the pages after the build
        course.extras[READER] = background.BackgroundCheck(site_dir)


def page_rendered(course: Course, dest_uri: str) -> None:
    if (reader := course.extras.get(READER)) is not None:
        reader.page_rendered(dest_uri)


def stop_reader(course: Course) -> None:
    if (reader := course.extras.pop(READER, None)) is not None:
        reader.stop()
