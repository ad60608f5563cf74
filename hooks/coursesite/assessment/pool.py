"""The rules of a graded assessment that need its questions (its pool): a draw
the pool can give, per-module minimums it can meet, and the graded-only quiz
options (``module:``, ``keep_order:``) only where they mean something."""

from __future__ import annotations

from collections import Counter

from ..course_loader import Course
from ..modules import Module
from ..problems import Problem
from ..quiz.model import Quiz
from ..quiz.parse import PageQuizzes
from ..quiz.source_check import page_quizzes
from .declaration import Assessment


def ok_quizzes(page: PageQuizzes) -> list[Quiz]:
    """The page's faultless questions: the pool."""
    return [b.quiz for b in page.blocks if b.ok and b.quiz is not None]


def graded_modules(course: Course) -> list[Module]:
    return [m for m in course.modules if m.assessment is not None]


def graded_ids(course: Course) -> set[str]:
    """Ids of every question in a graded pool: rendered without answers."""
    pages = page_quizzes(course)
    return {q.id for m in graded_modules(course) if m.src_uri in pages for q in pages[m.src_uri].quizzes if q.id}


def _graded(module: Module) -> Assessment:
    assert module.assessment is not None  # only graded modules come here
    return module.assessment


def drawn(module: Module, pool: list[Quiz]) -> int:
    """How many questions one attempt shows."""
    draw = _graded(module).draw
    return len(pool) if draw is None else min(draw, len(pool))


def _draw_problems(module: Module, pool: list[Quiz]) -> list[Problem]:
    graded = _graded(module)
    if not pool:
        return [
            Problem(
                module.path, graded.line_of("assessment"), "graded assessment has no questions", "add /// quiz blocks"
            )
        ]
    if graded.draw is not None and graded.draw > len(pool):
        return [
            Problem(
                module.path,
                graded.line_of("draw"),
                f"assessment draws {graded.draw} questions but its pool has only {len(pool)}",
                f"add questions to the page or lower draw to at most {len(pool)}",
            )
        ]
    return []


def _module_tag_problems(course: Course, module: Module, pool: list[Quiz]) -> list[Problem]:
    problems, need = [], _graded(module).per_module > 0
    for quiz in pool:
        if quiz.module and course.module(quiz.module) is None:
            problems.append(
                Problem(
                    module.path,
                    quiz.line_of("module"),
                    f"quiz option 'module: {quiz.module}' is not the id of any module",
                    "use the id: of the module the question tests",
                )
            )
        elif need and not quiz.module and quiz.options_readable:
            problems.append(
                Problem(
                    module.path,
                    quiz.line,
                    f"question '{quiz.id}' has no 'module:' option, which per_module needs",
                    "add module: <id of the module it tests> under the /// quiz line",
                )
            )
    return problems


def _minimum_problems(course: Course, module: Module, pool: list[Quiz]) -> list[Problem]:
    graded = _graded(module)
    minimum, line = graded.per_module, graded.line_of("per_module")
    if not minimum:
        return []
    counts = Counter(q.module for q in pool if q.module and course.module(q.module) is not None)
    problems = [
        Problem(
            module.path,
            line,
            f"per_module asks for {minimum} questions on module '{tested}' but the pool has only {count}",
            f"add questions with module: {tested}, or lower per_module to {count}",
        )
        for tested, count in sorted(counts.items())
        if count < minimum
    ]
    needed, draw = sum(min(count, minimum) for count in counts.values()), drawn(module, pool)
    if needed > draw:
        problems.append(
            Problem(
                module.path,
                line,
                f"per_module {minimum} for {len(counts)} modules needs {needed} questions but an attempt draws {draw}",
                f"raise draw to at least {needed} or lower per_module",
            )
        )
    return problems


def _misplaced_options(path: str, quizzes: list[Quiz]) -> list[Problem]:
    return [
        Problem(
            path,
            quiz.line_of(option),
            f"quiz option '{option}' is only allowed in a graded assessment",
            "remove it, or move the question to a page whose module: has an assessment:",
        )
        for quiz in quizzes
        for option in ("module", "keep_order")
        if option in quiz.lines
    ]


def check(course: Course) -> list[Problem]:
    pages, problems = page_quizzes(course), []
    graded = {m.src_uri: m for m in graded_modules(course)}
    for src_uri, page in pages.items():
        if src_uri not in graded:
            problems += _misplaced_options(page.path, page.quizzes)
            continue
        module, pool = graded[src_uri], ok_quizzes(page)
        problems += _draw_problems(module, pool) + _module_tag_problems(course, module, pool)
        problems += _minimum_problems(course, module, pool)
    return problems
