"""Spaced review: the knowledge-check questions of every module, as built,
for the Review page (docs/assets/lms/review/session.js).

The build writes each knowledge-check question's form, as its module page
rendered it (so the question, choices, feedback and explanation are exactly
those the learner met), into its module's file,
``assets/lms/questions/<module id>.json`` (quiz id -> form), and lists each
module's questions in ``course.json`` (``review``). The Review page resolves a
form's relative links against its module's URL, and fetches only the files of
the modules its session asks from (at most 10 questions), never the whole
course. One file per module rather than per question: a module's forms share
most of their words, so together they compress to a fraction (a SCORM
package compresses each file on its own). A graded assessment (a module whose
metadata declares ``assessment``) is never reviewed: its questions are kept
for the exam.
"""

from __future__ import annotations

import json
from pathlib import Path

from .course_loader import Course
from .modules import Module
from .pagehtml import quiz_forms

DATA_DIR = "assets/lms/questions"  # <module id>.json


def is_knowledge_check(module: Module) -> bool:
    return not getattr(module, "assessment", None)


def _module_of(course: Course, src_uri: str) -> Module | None:
    lesson = course.lesson_at(src_uri)
    return lesson[0] if lesson else course.module_at(src_uri)


def note_page(course: Course, src_uri: str, page_html: str, forms: list[tuple[str, str]] | None = None) -> None:
    """Remember a module or lesson page's quiz forms (id, HTML) when they are a
    knowledge check; ``forms``: the page's ``pagehtml.quiz_forms``, when already read."""
    module = _module_of(course, src_uri)
    if module is None or not is_knowledge_check(module) or "data-lms-quiz=" not in page_html:
        return
    course.derived.review_forms[src_uri] = quiz_forms(page_html) if forms is None else forms


def _module_forms(course: Course, module: Module) -> list[tuple[str, str]]:
    return [form for uri in module.page_uris for form in course.derived.review_forms.get(uri, [])]


def review_ids(course: Course, module: Module) -> list[str]:
    """The module's questions that enter the review schedule once it is complete."""
    return [quiz_id for quiz_id, _html in _module_forms(course, module)]


def write_questions(course: Course, site_dir: Path) -> list[Path]:
    """One file per module with knowledge-check questions, ``{<quiz id>: <its form>}``."""
    folder = site_dir / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for module in course.modules:
        forms = dict(_module_forms(course, module))
        if forms:
            target = folder / f"{module.id}.json"
            target.write_text(json.dumps(forms, ensure_ascii=False) + "\n", encoding="utf-8")
            written.append(target)
    return written
