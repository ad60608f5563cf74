"""The course as the SCORM launch page sees it: modules in nav order with
their page, quizzes (choice keys in authored order, the correct ones, the
question as plain text) and the course's readings.

The launch page reports quiz answers to the LMS and encodes the learner's
record positionally (``suspend.py``), so both read this one outline. Each
section carries a short fingerprint of what it covers: after the course is
edited and re-imported, the answers of an unchanged module still resume,
those of a changed one are dropped instead of landing on the wrong quiz.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

from ..config import built_page
from ..course_loader import Course
from ..modules import Module
from ..pagehtml import parse
from ..quiz.source_check import page_quizzes
from ..readings import load as load_readings

DEFAULT_PASS_MARK = 80
FINAL_MODULE = "final-assessment"  # its pass mark is the whole course's in the LMS report
DESCRIPTION_LIMIT = 250  # SCORM 2004 cmi.interactions.n.description (localized_string_type SPM 250)
LABEL_WORDS = 40  # characters of a choice's text in its LMS report label


@dataclass
class QuizOutline:
    id: str
    choices: list[str]  # choice keys in authored order: bit i of an answer is choices[i]
    correct: list[str]
    multiple: bool
    text: str  # the question as plain text, for the LMS's item analysis
    labels: list[str] = field(default_factory=list)  # per choice: how LMS reports name it


@dataclass
class ModuleOutline:
    id: str
    page: str  # path inside the package, e.g. "modules/01-x.html"
    quizzes: list[QuizOutline] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        parts = [self.id] + [f"{q.id}:{','.join(q.choices)}" for q in self.quizzes]
        return fingerprint(parts)


@dataclass
class Outline:
    title: str
    pass_mark: int
    modules: list[ModuleOutline]
    readings: list[str]  # reading ids, sorted: bit i is readings[i]
    pages: list[str] = field(default_factory=list)  # every page of the package: where a learner may resume

    @property
    def quiz_count(self) -> int:
        return sum(len(m.quizzes) for m in self.modules)

    @property
    def readings_fingerprint(self) -> str:
        return fingerprint(self.readings)

    def as_data(self, version: str, start: str = "index.html") -> dict:
        """The launch page's data island (JSON)."""
        return {
            "version": version,
            "title": self.title,
            "start": start,
            "passMark": self.pass_mark,
            "pages": self.pages,
            "readings": {"fp": self.readings_fingerprint, "ids": self.readings},
            "modules": [
                {"id": m.id, "page": m.page, "fp": m.fingerprint, "quizzes": [q.__dict__ for q in m.quizzes]}
                for m in self.modules
            ],
        }


def fingerprint(parts: list[str]) -> str:
    """Two base64url characters (12 bits) naming a section's structure."""
    digest = hashlib.sha1("\n".join(parts).encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:2]


def plain_text(markdown_text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Inline Markdown as plain text: macros, tags and marks removed."""
    import markdown

    text = re.sub(r"\{\{.*?\}\}", "", markdown_text)
    text = parse(markdown.markdown(text)).text()  # the text as a browser shows it, entities decoded
    text = " ".join(text.split()).replace("{", "(").replace("}", ")")  # "{lang=..}" is SCORM markup
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def response_label(text: str, key: str) -> str:
    """A choice as SCORM 2004 reports it (a short identifier): the start of its
    text, readable in an LMS report, then its stable key, which keeps it unique."""
    slug = re.sub(r"[^a-z0-9]+", "-", plain_text(text).lower()).strip("-")[:LABEL_WORDS].rstrip("-")
    return f"{slug}-{key}" if slug else key


def module_quizzes(course: Course, module: Module) -> list[QuizOutline]:
    """The quizzes of the module's pages, its lessons' included, in course order."""
    pages = page_quizzes(course)  # the quiz feature's own parse, cached per course
    quizzes = [q for uri in module.page_uris if uri in pages for q in pages[uri].quizzes]
    return [
        QuizOutline(
            q.id,
            [c.key for c in q.choices],
            [c.key for c in q.correct_choices],
            q.multiple,
            plain_text(q.question),
            [response_label(c.text, c.key) for c in q.choices],
        )
        for q in quizzes
        if q.id
    ]


def course_pass_mark(course: Course) -> int:
    final = course.module(FINAL_MODULE)
    return final.pass_mark if final else DEFAULT_PASS_MARK


def course_outline(course: Course) -> Outline:
    modules = [
        ModuleOutline(m.id, built_page(m.src_uri, use_directory_urls=False), module_quizzes(course, m))
        for m in course.modules
    ]
    readings = sorted(load_readings(course).readings)
    return Outline(course.site.site_name, course_pass_mark(course), modules, readings)
