"""The learner's path through the course: one obvious next step at every moment.

- the home page's primary button ("Start the course") and time promise;
- the line at the top of a module ("Module 3 of 10 · 50 min") or lesson;
- the panel at the end of a module or lesson page, before the reading list:
  the module's result so far, what is left, and one primary button to the next
  lesson or module, the final assessment or the certificate.

Each is rendered as a new learner sees it (and as it works without
JavaScript); the progress code (docs/assets/lms/progress/home.js, panel.js)
fills in the learner's own state, in the same words.
"""

from __future__ import annotations

import html

from . import inline
from .course_loader import Course
from .lessons import Lesson
from .modules import Module
from .pages import duration_text, link, module_quiz_count
from .readings import usage

CERTIFICATE, DASHBOARD = "certificate.md", "dashboard.md"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def about_time(minutes: int, modules: int) -> str:
    """The course's time promise, from the modules' durations: "About 9 hours in 10 modules"."""
    hours = round(minutes / 60)
    time = _plural(minutes, "minute") if hours < 1 else _plural(hours, "hour")
    return f"About {time} in {_plural(modules, 'module')}"


def start_button(course: Course, page_uri: str) -> str:
    """The home page's one primary action as a new learner (or one without
    JavaScript) sees it: start module 1. progress/home.js makes it "Resume: ..."
    or "Get your certificate" for a learner with a record."""
    if not course.modules:
        return ""
    first = course.modules[0]
    return (
        '<div class="lms-start" data-lms-start markdown>\n\n'
        f'<p class="lms-start__promise">{about_time(course.total_minutes, len(course.modules))}</p>\n\n'
        f"[Start the course]({link(page_uri, first.src_uri)}){{ .md-button .md-button--primary data-lms-next }}\n\n"
        "</div>\n"
    )


def is_assessment(module: Module) -> bool:
    """Whether a module is the graded final assessment (its ``assessment`` settings)."""
    return bool(getattr(module, "assessment", None))


def module_meta(course: Course, module: Module, lesson: tuple[Lesson, int] | None = None) -> str:
    """ "Module 3 of 10 · 50 min" (on a lesson page "Module 4 of 10 · Lesson 2
    of 3 · 12 min"), and a place for the learner's status (progress/panel.js,
    or start.js on a first visit)."""
    place = f"Module {course.number_of(module)} of {len(course.modules)} · "
    if lesson:
        place += f"Lesson {lesson[1]} of {len(module.lessons)} · {duration_text(lesson[0].duration)}"
    else:
        place += duration_text(module.duration)
    return f'<p class="lms-module-meta">{place}<span data-lms-module-status></span></p>'


def lesson_header(course: Course, module: Module, lesson: Lesson, number: int) -> str:
    """The top of a lesson page: where it stands, and the module it is part of."""
    return "\n".join(
        [
            f'<div class="lms-module-header" markdown data-lms-module="{html.escape(module.id)}" '
            f'data-lms-lesson="{html.escape(lesson.key(module))}">',
            "",
            module_meta(course, module, (lesson, number)),
            f"Part of [{inline.to_markdown(module.title, links=False)}]({link(lesson.src_uri, module.src_uri)}).",
            "",
            "</div>",
            "",
        ]
    )


def _after_module(course: Course, module: Module) -> tuple[str, str] | None:
    number = course.number_of(module)
    if number < len(course.modules):
        following = course.modules[number]
        label = "Take the final assessment" if is_assessment(following) else f"Continue to module {number + 1}"
        return label, following.src_uri
    for page, label in ((CERTIFICATE, "Get your certificate"), (DASHBOARD, "See your progress")):
        if page in course.pages:
            return label, page
    return None


def _next_step(course: Course, module: Module, lesson_number: int) -> tuple[str, str] | None:
    """The panel's button: (label, target page), or None when there is nowhere to go.
    ``lesson_number``: 0 on the module's own page, else the lesson's number."""
    if module.lessons and lesson_number == 0:
        return "Start lesson 1", module.lessons[0].src_uri
    if lesson_number and lesson_number < len(module.lessons):
        return "Next lesson", module.lessons[lesson_number].src_uri
    return _after_module(course, module)


def result_text(quizzes: int, pass_mark: int, lessons: int = 0) -> str:
    """The panel's result line before any answer, as panel.js words it after."""
    if not quizzes and lessons:
        return f"This module is complete once you have read its {_plural(lessons, 'lesson')} to the end."
    if not quizzes:
        return "This module has no knowledge check. When you have worked through it, mark it complete to record your progress in this browser."
    return f"Knowledge check: 0 of {_plural(quizzes, 'question')} right first time (0%). Pass mark: {pass_mark}%."


def left_text(quizzes: int, readings: int, lessons: int = 0) -> str:
    parts = [f"{_plural(lessons, 'lesson')} not read"] if lessons else []
    parts += [f"{_plural(quizzes, 'question')} unanswered"] if quizzes else []
    parts += [f"{_plural(readings, 'reading')} not ticked as read"] if readings else []
    return f"Left to do: {', '.join(parts)}." if parts else ""


def _result_before_any_answer(module: Module, quizzes: int) -> str:
    if module.assessment is not None:  # as assessment/results.js words it (gradedSummary)
        attempts = module.assessment.attempts
        return f"Graded assessment: Not attempted ({attempts} attempts), pass mark {module.pass_mark}%."
    return result_text(quizzes, module.pass_mark, len(module.lessons))


def _left_before_any_answer(module: Module, quizzes: int, readings: int) -> str:
    if module.assessment is not None:
        extra = f", {_plural(readings, 'reading')} not ticked as read" if readings else ""
        return f"Left to do: a passing attempt{extra}."
    return left_text(quizzes, readings, len(module.lessons))


def module_end(
    course: Course, module: Module, page_uri: str = "", lesson: Lesson | None = None, number: int = 0
) -> str:
    """The panel at the end of a module or lesson page (Markdown), before the
    module's reading list: the module's result, what is left, the next step."""
    page_uri = page_uri or module.src_uri
    module_id, quizzes = html.escape(module.id), module_quiz_count(course, module)
    lesson_attribute = f' data-lms-lesson-end="{html.escape(lesson.key(module))}"' if lesson else ""
    readings = len(usage.module_readings(course, module))
    lines = [
        f'<section class="lms-module-end" data-lms-progress-foot="{module_id}"{lesson_attribute} markdown>',
        "",
        "## Your result and next step",
        "",
        f"<p data-lms-end-result>{_result_before_any_answer(module, quizzes)}</p>",
        f"<p data-lms-end-left>{_left_before_any_answer(module, quizzes, readings)}</p>",
    ]
    if not quizzes and not module.lessons:
        lines += [
            f'<p><button type="button" class="md-button" data-lms-mark-complete="{module_id}" hidden>'
            "Mark this module complete</button></p>",
            "<noscript><p>Recording your progress needs JavaScript.</p></noscript>",
        ]
    lines.append('<p class="lms-status" role="status" data-lms-status tabindex="-1"></p>')
    step = _next_step(course, module, number)
    if step:
        lines += [
            "",
            f"[{step[0]}]({link(page_uri, step[1])}){{ .md-button .md-button--primary data-lms-end-next }}",
        ]
    return "\n".join([*lines, "", "</section>", ""])
