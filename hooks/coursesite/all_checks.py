"""Every content check, in one place, for the build hook and the check command.

``check_sources`` needs only the Markdown and data files; ``check_built_site``
inspects the HTML that a build produced. Each feature adds its checks to the
lists below, so a new rule automatically runs in both places.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .course_loader import Course
from .problems import Problem

SourceCheck = Callable[[Course], list[Problem]]
SiteCheck = Callable[[Course, Path], list[Problem]]


def _source_checks() -> list[SourceCheck]:
    from . import glossary, readings, templates
    from .assessment import pool
    from .items.check import setting_problems
    from .links import addresses
    from .quiz import source_check
    from .task import check as task_check

    return [
        glossary.check,
        readings.check,
        source_check.check,
        pool.check,
        task_check.check,
        templates.check,
        addresses.check,
        setting_problems,
    ]


def _site_checks() -> list[SiteCheck]:
    from . import figures, links
    from .course_loader import omitted_pages
    from .quiz import leftover_check
    from .task import check as task_check

    return [links.check_site, leftover_check.check, task_check.check_site, omitted_pages, figures.check_site]


def check_sources(course: Course) -> list[Problem]:
    problems = list(course.problems)
    for check in _source_checks():
        problems += check(course)
    return problems


def check_built_site(course: Course, site_dir: Path) -> list[Problem]:
    from . import builtsite

    problems: list[Problem] = []
    course.derived.built_site = builtsite.read(course, site_dir)  # each page parsed once, for every check
    try:
        for check in _site_checks():
            problems += check(course, site_dir)
    finally:
        course.derived.built_site = None  # the site may be built again
    return problems
