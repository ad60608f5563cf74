"""The task checks: every page's raw source (so lines are the trainer's),
and, after a build, that no ``/// task`` survived as plain text.

Registered in ``coursesite.all_checks``: they run in ``mkdocs build`` (via
the hook) and in ``course check`` alike.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import builtsite
from ..config import built_page
from ..course_loader import Course
from ..problems import Problem
from ..quiz.leftover_check import _source_line
from ..quiz.source_check import page_quizzes, parsed_once
from .model import Task
from .parse import HEADER, INDENTED_HEADER, PageTasks, parse_page

LEFTOVER = re.compile(r"///[ \t]*task(?![\w-])")


def page_tasks(course: Course) -> dict[str, PageTasks]:
    """Parsed tasks of every page (src_uri -> page), parsed once per course."""
    return parsed_once(course, "tasks", parse_page)


def course_tasks(course: Course) -> list[tuple[str, Task]]:
    """(src_uri, task) of every faultless task, modules in course order first."""
    order = [m.src_uri for m in course.modules]
    pages = page_tasks(course)
    uris = [u for u in order if u in pages] + [u for u in sorted(pages) if u not in order]
    return [(uri, block.task) for uri in uris for block in pages[uri].blocks if block.ok and block.task is not None]


def _duplicate_ids(course: Course) -> list[Problem]:
    """A task id is unique across every task and quiz: both name LMS interactions."""
    first = {q.id: (p.path, q.line_of("id")) for p in page_quizzes(course).values() for q in p.quizzes if q.id}
    problems = []
    for page in page_tasks(course).values():
        for task in page.tasks:
            if not task.id:
                continue
            if task.id in first:
                path, line = first[task.id]
                problems.append(
                    Problem(
                        page.path,
                        task.line_of("id"),
                        f"task id '{task.id}' is already used at {path}:{line}",
                        "give every task and quiz its own id; keep the published one and rename the newer",
                    )
                )
            else:
                first[task.id] = (page.path, task.line_of("id"))
    return problems


def check(course: Course) -> list[Problem]:
    problems = _duplicate_ids(course)
    for page in page_tasks(course).values():
        problems += page.problems
        for block in page.blocks:
            problems += block.problems
    return problems


def check_site(course: Course, site_dir: Path) -> list[Problem]:
    """No built page shows ``/// task`` to a learner (an indented block is
    already reported at its line by the source check)."""
    directory_urls = course.site.settings.use_directory_urls  # of this build: false in a SCORM package
    problems = []
    texts = builtsite.of(course, site_dir).texts
    for src_uri in sorted(course.pages):
        text = texts.get(built_page(src_uri, directory_urls))
        if text is None or page_tasks(course)[src_uri].problems:
            continue
        if LEFTOVER.search(text):
            source = course.pages[src_uri]
            problems.append(
                Problem(
                    source.path,
                    _source_line(source.text, INDENTED_HEADER) or _source_line(source.text, HEADER),
                    "a task was shown as plain text in the built page",
                    "start /// task at the left margin, outside admonitions and lists, and keep coursesite.task under markdown_extensions",
                )
            )
    return problems
