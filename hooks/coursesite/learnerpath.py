"""The learner's path through the course: one obvious next step at every moment.

- the home page's primary button ("Start the course") and time promise;
- the line at the top of a module ("Module 3 of 10 · 50 min");
- the panel at the end of a module, before its reading list: the result so
  far, what is left, and one primary button to the next module, the final
  assessment or the certificate.

Each is rendered as a new learner sees it (and as it works without
JavaScript); the progress code (docs/assets/lms/progress/home.js, panel.js)
fills in the learner's own state, in the same words.
"""

from __future__ import annotations

import html

from .course_loader import Course
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


def module_meta(course: Course, module: Module) -> str:
    """ "Module 3 of 10 · 50 min", and a place for the learner's status
    (progress/panel.js, or start.js on a first visit)."""
    return (
        f'<p class="lms-module-meta">Module {course.number_of(module)} of {len(course.modules)} · '
        f"{duration_text(module.duration)}<span data-lms-module-status></span></p>"
    )


def _next_step(course: Course, module: Module) -> tuple[str, str] | None:
    """The panel's button: (label, target page), or None when there is nowhere to go."""
    number = course.number_of(module)
    if number < len(course.modules):
        following = course.modules[number]
        label = "Take the final assessment" if is_assessment(following) else f"Continue to module {number + 1}"
        return label, following.src_uri
    for page, label in ((CERTIFICATE, "Get your certificate"), (DASHBOARD, "See your progress")):
        if page in course.pages:
            return label, page
    return None


def result_text(quizzes: int, pass_mark: int) -> str:
    """The panel's result line before any answer, as panel.js words it after."""
    if not quizzes:
        return "This module has no knowledge check. When you have worked through it, mark it complete to record your progress in this browser."
    return f"Knowledge check: 0 of {_plural(quizzes, 'question')} right (0%). Pass mark: {pass_mark}%."


def left_text(quizzes: int, readings: int) -> str:
    parts = [f"{_plural(quizzes, 'question')} unanswered"] if quizzes else []
    parts += [f"{_plural(readings, 'reading')} not ticked as read"] if readings else []
    return f"Left to do: {', '.join(parts)}." if parts else ""


def module_end(course: Course, module: Module) -> str:
    """The panel at the end of a module page (Markdown), before its reading list."""
    module_id, quizzes = html.escape(module.id), module_quiz_count(course, module)
    lines = [
        f'<section class="lms-module-end" data-lms-progress-foot="{module_id}" markdown>',
        "",
        "## Your result and next step",
        "",
        f"<p data-lms-end-result>{result_text(quizzes, module.pass_mark)}</p>",
        f"<p data-lms-end-left>{left_text(quizzes, len(usage.module_readings(course, module)))}</p>",
    ]
    if not quizzes:
        lines += [
            f'<p><button type="button" class="md-button" data-lms-mark-complete="{module_id}" hidden>'
            "Mark this module complete</button></p>",
            "<noscript><p>Recording your progress needs JavaScript.</p></noscript>",
        ]
    lines.append('<p class="lms-status" role="status" data-lms-status tabindex="-1"></p>')
    step = _next_step(course, module)
    if step:
        lines += [
            "",
            f"[{step[0]}]({link(module.src_uri, step[1])}){{ .md-button .md-button--primary data-lms-end-next }}",
        ]
    return "\n".join([*lines, "", "</section>", ""])
