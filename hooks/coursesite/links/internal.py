"""The internal link check: after every build, every ``href``, ``src`` and
``srcset`` of every page must reach a file of the built site, and every
``#fragment`` an id (or ``<a name>``) on the target page.

Registered in ``checks._site_checks()``, so it runs in ``mkdocs build`` (the
hook's ``on_post_build``) and in ``course check``. Each problem names the
Markdown file and line, the link text and the target; all are reported at once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import builtsite
from ..course_loader import Course
from ..problems import Problem
from . import messages
from .find import Finding, find_in_pages
from .resolve import Resolver
from .scan import ScannedPage, scan_site, site_files
from .settings import read_settings
from .sourcemap import MARKDOWN, THEME, SourceMap


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
    """The site check registered in ``all_checks._site_checks()``."""
    settings = read_settings(course.site)
    if not Path(site_dir).is_dir():
        return settings.problems
    site = builtsite.of(course, Path(site_dir))
    findings = find_in_pages(site.links, Resolver(site.files, settings), settings)
    return settings.problems + to_problems(findings, SourceMap(course, settings))
