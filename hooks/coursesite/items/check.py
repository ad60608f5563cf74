"""Every item-writing rule as ``Problem`` values.

The build reports them as warnings that do not fail ``mkdocs build
--strict`` (a course adopts the rules at its own pace); ``course check
--items``, or ``extra.lms.items: error`` in mkdocs.yml, makes them errors.
"""

from __future__ import annotations

from typing import Any

from ..course_loader import Course
from ..problems import ERROR, WARNING, Problem
from ..yamlsrc import key_line
from . import rules
from .duplicates import duplicate_findings
from .finding import Finding
from .pool_rules import page_findings
from .pools import ItemPage, item_pages
from .question import question_findings

MODES = ("warning", "error", "off")
SETTING_HINT = "write items: warning (the default), items: error or items: off under extra: lms: in mkdocs.yml"


def _problem(page: ItemPage, finding: Finding, severity: str, quiz_id: str = "") -> Problem:
    who = f"quiz '{quiz_id}': " if quiz_id else ""
    return Problem(
        page.path, finding.line, f"{who}{finding.message} [{finding.rule}]", rules.hint(finding.rule), severity
    )


def item_problems(course: Course, severity: str = WARNING) -> list[Problem]:
    pages = item_pages(course)
    problems = []
    for page in pages:
        for quiz in page.quizzes:
            problems += [_problem(page, f, severity, quiz.id) for f in question_findings(quiz)]
        problems += [_problem(page, f, severity) for f in page_findings(page)]
    problems += [_problem(page, f, severity) for page, f in duplicate_findings(pages)]
    return problems


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def mode(course: Course) -> tuple[str, list[Problem]]:
    """``extra.lms.items`` of mkdocs.yml: how the build reports item-writing flaws."""
    raw = _mapping(course.site.raw)
    lms = _mapping(_mapping(raw.get("extra")).get("lms"))
    value = lms.get("items", "warning")
    if value in MODES:
        return value, []
    line = key_line(lms, "items", 1)
    return "warning", [Problem(course.site.config_path, line, f"extra.lms.items is {value!r}", SETTING_HINT, ERROR)]


def setting_problems(course: Course) -> list[Problem]:
    """A mistyped ``extra.lms.items`` (a source check: the build and ``course check`` both run it)."""
    return mode(course)[1]


def for_build(course: Course) -> tuple[list[Problem], list[Problem]]:
    """What the build reports: (item-writing errors, when the course opted in
    to them; item-writing warnings, which never fail a strict build)."""
    setting = mode(course)[0]
    if setting == "error":
        return item_problems(course, ERROR), []
    return [], item_problems(course, WARNING) if setting == "warning" else []
