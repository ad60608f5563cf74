"""Modules that are folders of lesson pages.

A module is one page (``docs/modules/03-coaching.md``) or a folder:
``docs/modules/04-motivation/index.md`` holds the ``module:`` front matter and
the overview, and the lesson pages beside it, listed under it in nav, carry a
small ``lesson:`` key of their own::

    ---
    title: What drives a rep
    lesson:
      duration: 12      # minutes
    ---

Lessons are in nav order. Their quizzes count toward the module, and a learner
has read a lesson once they have reached its end (progress/lessons.js).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from .modules import MAX_ID_LENGTH, SLUG, Module, _positive_int
from .problems import Problem, did_you_mean
from .source import SourceFile
from .yamlsrc import key_line

MODULES_DIR = "modules"
INDEX = "index.md"
# key -> (required, check, hint), as for module: keys (coursesite/modules.py)
FIELDS = {"duration": (True, _positive_int, "give whole minutes, e.g. duration: 12")}


@dataclass
class Lesson:
    slug: str  # the file name without .md: "02-what-drives-reps"
    path: str  # "docs/modules/04-motivation/02-what-drives-reps.md"
    src_uri: str
    title: str
    duration: int
    lines: dict[str, int] = field(default_factory=dict)

    def key(self, module: Module) -> str:
        """The lesson's id in the learner's progress record: "motivation--02-what-drives-reps"."""
        return f"{module.id}--{self.slug}"


def folder_of(src_uri: str) -> str | None:
    """The module folder a page is in ("modules/04-motivation"), or None for
    a page that is not inside one (a single-page module, any other page)."""
    parts = src_uri.split("/")
    return "/".join(parts[:2]) if len(parts) == 3 and parts[0] == MODULES_DIR else None


def is_folder_index(src_uri: str) -> bool:
    return folder_of(src_uri) is not None and posixpath.basename(src_uri) == INDEX


def is_lesson_page(src_uri: str) -> bool:
    return folder_of(src_uri) is not None and not is_folder_index(src_uri)


def _meta(source: SourceFile) -> Any:
    return source.meta if hasattr(source.meta, "get") else None


def stray_lesson_key(source: SourceFile, src_uri: str) -> list[Problem]:
    """A ``lesson:`` key on a page that is not in a module folder, or on the folder's index."""
    meta = _meta(source)
    if meta is None or "lesson" not in meta or is_lesson_page(src_uri):
        return []
    where = (
        "a module folder's index.md is the module itself"
        if is_folder_index(src_uri)
        else "this page is not in a module folder"
    )
    return [
        Problem(
            source.path,
            key_line(meta, "lesson", source.meta_first_line),
            f"'lesson:' is only for lesson pages; {where}",
            "move the page into a module folder (docs/modules/<module>/) beside its index.md, or remove lesson:",
        )
    ]


def _title(meta: Any, source: SourceFile) -> tuple[str, list[Problem]]:
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip(), []
    return "", [
        Problem(
            source.path, source.meta_first_line, "lesson page needs 'title' as text", "add a line such as title: ..."
        )
    ]


def parse_lesson(source: SourceFile, src_uri: str) -> tuple[Lesson | None, list[Problem]]:
    """Validate one lesson page's front matter."""
    path, first, meta = source.path, source.meta_first_line, _meta(source)
    problems = list(source.problems)
    if meta is None or "lesson" not in meta:
        return None, [
            *problems,
            Problem(
                path,
                first if meta is not None else 1,
                "lesson page has no 'lesson:' key",
                "add lesson: with duration: (minutes), e.g. lesson: {duration: 12}",
            ),
        ]
    if "module" in meta:
        problems.append(
            Problem(
                path,
                key_line(meta, "module", first),
                "a lesson page cannot have 'module:'",
                f"put the module's keys in {posixpath.dirname(path)}/index.md",
            )
        )
    block, line = meta["lesson"], key_line(meta, "lesson", first)
    if not hasattr(block, "get"):
        return None, [
            *problems,
            Problem(path, line, "'lesson:' must be a mapping of keys", "write e.g. lesson: {duration: 12}"),
        ]
    values = {}
    for key in block:
        key_at = key_line(block, key, first)
        if key not in FIELDS:
            problems.append(
                Problem(
                    path,
                    key_at,
                    f"unknown key '{key}' in lesson",
                    did_you_mean(key, FIELDS, f"known keys: {', '.join(FIELDS)}"),
                )
            )
            continue
        error = FIELDS[key][1](block[key])
        if error:
            problems.append(Problem(path, key_at, f"'{key}' {error}", FIELDS[key][2]))
        else:
            values[key] = block[key]
    for key, (required, _check, hint) in FIELDS.items():
        if required and key not in block:
            problems.append(Problem(path, line, f"lesson is missing required key '{key}'", hint))
    slug = posixpath.splitext(posixpath.basename(src_uri))[0]
    if not SLUG.match(slug):
        problems.append(
            Problem(
                path,
                1,
                f"lesson file name '{slug}.md' is not a slug (learners' progress is stored under it)",
                "rename it with lower-case letters, digits and single hyphens, e.g. 02-what-drives-reps.md",
            )
        )
    title, title_problems = _title(meta, source)
    problems += title_problems
    if problems and any(p.is_error for p in problems):
        return None, problems
    return Lesson(slug, path, src_uri, title, int(values["duration"]), {"lesson": line}), problems


def attach_lessons(
    modules: list[Module], lessons: dict[str, Lesson], nav_order: list[str], report_path
) -> list[Problem]:
    """Give each folder module its lessons, in nav order; a lesson whose folder
    has no module (no index.md, or one that is not in the course) is a problem."""
    by_folder = {folder_of(m.src_uri): m for m in modules if is_folder_index(m.src_uri)}
    problems = []
    for src_uri in nav_order:
        lesson = lessons.get(src_uri)
        if lesson is None:
            continue
        module = by_folder.get(folder_of(src_uri))
        if module is None:
            index = report_path(f"{folder_of(src_uri)}/{INDEX}")
            problems.append(
                Problem(
                    lesson.path,
                    1,
                    f"lesson's module folder has no module page {index}",
                    f"create {index} with the module: front matter and the module's overview",
                )
            )
            continue
        if len(lesson.key(module)) > MAX_ID_LENGTH:
            problems.append(
                Problem(
                    lesson.path,
                    1,
                    f"module id and lesson file name together are longer than {MAX_ID_LENGTH} characters",
                    "shorten the lesson's file name",
                )
            )
            continue
        module.lessons.append(lesson)
    return problems
