"""The quiz source check: every page's raw source, front matter included, so
every line is the trainer's line, whatever macros later do to the page.

Registered in ``coursesite.all_checks._source_checks``: it runs in ``mkdocs build`` (via
the hook) and in ``course check`` alike.
"""

from __future__ import annotations

from typing import Any

from ..course_loader import MODULES_DIR, Course
from ..modules import Module
from ..problems import Problem
from ..yamlsrc import item_line
from .parse import PageQuizzes, parse_page


def parsed_once(course: Course, name: str, parse) -> Any:
    """``parse(text, path, begin)`` of every page (src_uri -> result), once per
    course, kept in ``course.derived.<name>`` (quizzes here; tasks in coursesite.task)."""
    if getattr(course.derived, name) is None:
        setattr(
            course.derived,
            name,
            {
                src_uri: parse(source.text, source.path, source.body_first_line - 1)
                for src_uri, source in sorted(course.pages.items())
            },
        )
    return getattr(course.derived, name)


def page_quizzes(course: Course) -> dict[str, PageQuizzes]:
    """Parsed quizzes of every page (src_uri -> page), parsed once per course."""
    return parsed_once(course, "quizzes", parse_page)


def is_module_page(src_uri: str) -> bool:
    return src_uri.startswith(MODULES_DIR + "/")


def _duplicate_message(quiz_id: str, here: str, there: tuple[str, int], graded: set[str]) -> tuple[str, str]:
    """A question in a graded pool and in a knowledge check would give the
    graded answer away on the knowledge check's page."""
    if (here in graded) != (there[0] in graded):
        return (
            f"quiz id '{quiz_id}' is used both in a knowledge check and in a graded assessment's pool "
            f"(also at {there[0]}:{there[1]})",
            "a graded question must not appear in a knowledge check: give it its own id and wording",
        )
    return (
        f"quiz id '{quiz_id}' is already used at {there[0]}:{there[1]}",
        "give each quiz its own id; keep the published one and rename the newer quiz",
    )


def _duplicate_ids(pages: dict[str, PageQuizzes], graded: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, tuple[str, int]] = {}
    for page in pages.values():
        for quiz in page.quizzes:
            if not quiz.id:
                continue  # reported as a missing id
            place = (page.path, quiz.line_of("id"))
            if quiz.id in first:
                what, hint = _duplicate_message(quiz.id, place[0], first[quiz.id], graded)
                problems.append(Problem(place[0], place[1], what, hint))
            else:
                first[quiz.id] = place
    return problems


def _objective_line(course: Course, module: Module, number: int) -> int:
    source = course.pages[module.src_uri]
    objectives = source.meta["module"]["objectives"]
    return item_line(objectives, number - 1, source.meta_first_line)


def _objective_problems(course: Course, module: Module, page: PageQuizzes) -> list[Problem]:
    problems, covered, count = [], set(), len(module.objectives)
    for quiz in page.quizzes:
        for number in quiz.objectives:
            if 1 <= number <= count:
                covered.add(number)
            else:
                problems.append(
                    Problem(
                        module.path,
                        quiz.line_of("objective"),
                        f"objective {number} is out of range: the module has {count} objectives",
                        f"use a number from 1 to {count}, counting the module's objectives from the top",
                    )
                )
    unreadable = any(
        not quiz.options_readable or ("objective" in quiz.lines and not quiz.objectives) for quiz in page.quizzes
    )
    if not page.blocks or unreadable:
        return problems  # no quizzes, or an objective option already reported as malformed
    for number in range(1, count + 1):
        if number not in covered:
            problems.append(
                Problem(
                    module.path,
                    _objective_line(course, module, number),
                    f"objective {number} is not checked by any quiz on this page",
                    f"add objective: {number} to a quiz that tests it",
                )
            )
    return problems


def _page_problems(course: Course, src_uri: str, page: PageQuizzes) -> list[Problem]:
    problems = list(page.problems)
    for block in page.blocks:
        problems += block.problems
    on_module_page = is_module_page(src_uri)
    if on_module_page:
        problems += [
            Problem(
                page.path,
                line,
                "task list item marked [x] outside a quiz",
                "put it inside a /// quiz block, or remove the [x]",
            )
            for line, mark in page.tasks_outside
            if mark in "xX"
        ]
    module = course.module_at(src_uri)
    if module is not None:
        return problems + _objective_problems(course, module, page)
    if not on_module_page:
        problems += [
            Problem(
                page.path,
                quiz.line_of("objective"),
                "quiz option 'objective' is only allowed on a module page",
                "remove it, or move the quiz into a module under docs/modules/",
            )
            for quiz in page.quizzes
            if quiz.objectives
        ]
    return problems


def check(course: Course) -> list[Problem]:
    pages = page_quizzes(course)
    graded = {m.path for m in course.modules if m.assessment is not None}
    problems = _duplicate_ids(pages, graded)
    for src_uri, page in pages.items():
        problems += _page_problems(course, src_uri, page)
    return problems
