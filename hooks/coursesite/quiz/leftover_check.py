"""After a build: no quiz may survive as plain text.

Whatever went wrong (a quiz inside an admonition, a generator without the
extension, a macro that emitted a block), a built page must never show
``/// quiz`` or a raw task-list key such as ``[x]`` to a learner.
Registered in ``coursesite.all_checks._site_checks``.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import builtsite, pagehtml
from ..config import built_page
from ..course_loader import Course
from ..problems import Problem
from .scan import HEADER, INDENTED_HEADER, TASK, fence_end
from .source_check import is_module_page, page_quizzes

LEFTOVER_HEADER = re.compile(r"///[ \t]*quiz(?![\w-])")
RAW_KEY = re.compile(r"^\s*(?:[-*+]\s+)?\[[ xX]\](?:\s|$)", re.MULTILINE)
RAW_KEYS = ("[ ]", "[x]", "[X]")  # what RAW_KEY finds, without what may come before


def _source_line(text: str, pattern: re.Pattern[str]) -> int:
    """First line outside fences matching ``pattern``, so the trainer can find it (0 if none)."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        closing = fence_end(lines, index)
        if closing is not None:
            index = closing + 1
            continue
        if pattern.search(lines[index]):
            return index + 1
        index += 1
    return 0


def learner_text(html: str) -> str:
    """A built page's article as learners read it (``pagehtml.learner_text``)."""
    return pagehtml.learner_text(pagehtml.parse(html))


def leftovers(html: str) -> list[str]:
    """What in a built page is left of quiz syntax, as learners would see it."""
    return text_leftovers(learner_text(html))


def text_leftovers(text: str) -> list[str]:
    found = []
    if LEFTOVER_HEADER.search(text):
        found.append("/// quiz")
    if not any(key in text for key in RAW_KEYS):  # most pages have none: skip the expression, tried at every position
        return found
    keys = sorted({m.group(0).strip()[-3:] for m in RAW_KEY.finditer(text)})
    return found + keys


def _already_reported(course: Course, src_uri: str, leftover: str) -> bool:
    """The source check names these at their exact line; do not say it twice."""
    page = page_quizzes(course).get(src_uri)
    if page is None:
        return False
    if page.problems:
        return True  # an indented quiz block: everything left of it follows from that
    return (
        leftover in ("[x]", "[X]") and is_module_page(src_uri) and any(mark in "xX" for _, mark in page.tasks_outside)
    )


def _problem(course: Course, src_uri: str, leftover: str) -> Problem:
    source = course.pages[src_uri]
    if leftover == "/// quiz":
        line = _source_line(source.text, INDENTED_HEADER) or _source_line(source.text, HEADER)
        return Problem(
            source.path,
            line,
            "a quiz was shown as plain text in the built page",
            "start /// quiz at the left margin, outside admonitions and lists, and keep coursesite.quiz under markdown_extensions",
        )
    marks = " " if leftover == "[ ]" else "xX"
    line = _source_line(source.text, re.compile(TASK.pattern.replace("[ xX]", f"[{marks}]")))
    return Problem(
        source.path,
        line,
        f"the built page shows a raw task-list key '{leftover}'",
        "task lists belong only inside /// quiz blocks; write a plain list item here",
    )


def check(course: Course, site_dir: Path) -> list[Problem]:
    directory_urls = course.site.settings.use_directory_urls  # of this build: false in a SCORM package
    problems = []
    texts = builtsite.of(course, site_dir).texts
    for src_uri in sorted(course.pages):
        text = texts.get(built_page(src_uri, directory_urls))
        if text is not None:
            found = [x for x in text_leftovers(text) if not _already_reported(course, src_uri, x)]
            problems += [_problem(course, src_uri, leftover) for leftover in found]
    return problems
