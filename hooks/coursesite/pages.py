"""Markdown generated from module metadata: course home cards, syllabus,
key points and each module's header. Never maintained by hand.

Everything returned here is Markdown (with ``md_in_html`` blocks), so MkDocs
resolves and validates the links exactly as it does for hand-written ones.
Author text keeps only its inline subset (coursesite/inline.py) and is escaped where
it lands inside HTML attributes.
"""

from __future__ import annotations

import html
import posixpath

from . import inline
from .course_loader import Course
from .modules import LEVEL_LABELS, Module


def link(from_uri: str, to_uri: str) -> str:
    """Relative Markdown link target from one docs page to another."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _md_title(module: Module) -> str:
    """A module title, which the generated pages often make a link itself."""
    return inline.to_markdown(module.title, links=False)


def not_started(kind: str = "") -> str:
    """The status badge of a module nobody has started, as progress/ui.js renders it."""
    classes = f"lms-badge lms-badge--none {kind}".strip()
    return f'<span class="{classes}" data-lms-badge=""><span aria-hidden="true">○</span> Not started</span>'


def no_progress_bar(count: int) -> str:
    """The course progress line and bar before any module is complete, as
    progress/home.js (progressBar) renders them for the home and progress pages."""
    return (
        f'<p id="lms-progress-text" class="lms-progress-text">Course progress: 0 of {count} modules complete (0%)</p>\n'
        f'<progress max="{max(count, 1)}" value="0" aria-labelledby="lms-progress-text">0%</progress>'
    )


def _home_progress(course: Course, page_uri: str) -> str:
    """The home page's progress box as a new learner sees it (progress/home.js
    updates it once there is a record): no script, no shift, on a first visit.
    Below it, the page's status region, for what the progress code must tell
    the learner (progress/ui.js: progress that cannot be saved)."""
    dashboard = (
        f"[See your progress module by module]({link(page_uri, 'dashboard.md')})"
        if "dashboard.md" in course.pages
        else ""
    )
    return (
        '<section class="lms-home-progress" aria-label="Your progress" data-lms-home markdown>\n'
        f"{no_progress_bar(len(course.modules))}\n\n{dashboard}\n\n</section>\n\n"
        '<p class="lms-status" role="status" data-lms-status></p>'
    )


def _objectives(module: Module) -> str:
    return "\n".join(f"- {inline.to_markdown(o)}" for o in module.objectives)


def module_progress_text(quizzes: int, lessons: int = 0) -> str:
    """What a card's progress bar says in words before the learner starts, as
    progress/ui.js (moduleProgress) words it once they have."""
    parts = [f"0 of {lessons} lessons read"] if lessons else []
    parts += [f"0 of {quizzes} questions answered"] if quizzes else []
    return f"{', '.join(parts or ['Not marked complete'])} (0%)"


def _card_progress(course: Course, module: Module) -> str:
    quizzes = module_quiz_count(course, module)
    label = f"lms-card-progress-{html.escape(module.id)}"
    return (
        f'<p class="lms-card__progress"><span id="{label}">Progress: '
        f"<span data-lms-card-progress-text>{module_progress_text(quizzes, len(module.lessons))}</span></span>"
        f'<progress max="100" value="0" aria-labelledby="{label}" data-lms-card-progress>0%</progress></p>'
    )


def module_quiz_count(course: Course, module: Module) -> int:
    """Questions in the module's pages (its lessons' too), counted from their sources."""
    from .quiz.source_check import page_quizzes

    pages = page_quizzes(course)
    return sum(len(pages[uri].quizzes) for uri in module.page_uris if uri in pages)


def course_home(course: Course, page_uri: str) -> str:
    """One card per module, plus the total course time."""
    count = len(course.modules)
    cards = []
    for number, module in enumerate(course.modules, start=1):
        cards.append(
            f'<div class="lms-card" markdown data-lms-module="{html.escape(module.id)}">\n\n'
            f"## {number}. {_md_title(module)}\n\n"
            f"{not_started('lms-badge--card')}\n\n"
            f'<p class="lms-card__facts"><span>{duration_text(module.duration)}</span> · '
            f"<span>{LEVEL_LABELS[module.level]}</span></p>\n\n"
            f"{_card_progress(course, module)}\n\n"
            f"{inline.to_markdown(module.description)}\n\n"
            f"**You will be able to:**\n\n{_objectives(module)}\n\n"
            f"[Start module {number}: {_md_title(module)}]({link(page_uri, module.src_uri)}){{ .md-button data-lms-card-link }}\n\n"
            "</div>"
        )
    summary = f'<p class="lms-course-total">{count} modules · total time {duration_text(course.total_minutes)}</p>'
    return (
        summary
        + "\n\n"
        + _home_progress(course, page_uri)
        + '\n\n<div class="lms-cards" markdown>\n\n'
        + "\n\n".join(cards)
        + "\n\n</div>\n"
    )


def syllabus(course: Course, page_uri: str) -> str:
    """Modules in order with objectives and the running time."""
    parts, elapsed = [], 0
    for number, module in enumerate(course.modules, start=1):
        elapsed += module.duration
        parts.append(
            f"## {number}. [{_md_title(module)}]({link(page_uri, module.src_uri)})\n\n"
            f"*{LEVEL_LABELS[module.level]} · {duration_text(module.duration)} · "
            f"running total {duration_text(elapsed)}*\n\n{inline.to_markdown(module.description)}\n\n"
            f"{_objectives(module)}\n{_lessons(module, page_uri)}"
        )
    return "\n".join(parts)


def _lessons(module: Module, page_uri: str) -> str:
    """A folder module's lessons, in order, for the syllabus."""
    if not module.lessons:
        return ""
    items = "\n".join(
        f"{n}. [{inline.to_markdown(x.title, links=False)}]({link(page_uri, x.src_uri)}) ({duration_text(x.duration)})"
        for n, x in enumerate(module.lessons, 1)
    )
    return f"\n**Lessons:**\n\n{items}\n"


def key_points(course: Course, page_uri: str) -> str:
    parts = []
    for number, module in enumerate(course.modules, start=1):
        if not module.key_points:
            continue
        points = "\n".join(f"- {inline.to_markdown(p)}" for p in module.key_points)
        parts.append(f"## {number}. [{_md_title(module)}]({link(page_uri, module.src_uri)})\n\n{points}\n")
    return "\n".join(parts)


def module_header(course: Course, module: Module, first_line: str = "") -> str:
    """The box at the top of a module page: ``first_line`` (where the module
    stands in the course, coursesite/learnerpath.py), facts, prerequisites, objectives."""
    facts = f"**Duration:** {duration_text(module.duration)} · **Level:** {LEVEL_LABELS[module.level]} · **Pass mark:** {module.pass_mark}%"
    lines = [
        f'<div class="lms-module-header" markdown data-lms-module="{html.escape(module.id)}">',
        "",
        first_line,
        facts,
        "",
    ]
    prerequisites = [course.module(p) for p in module.prerequisites]
    links = [f"[{_md_title(p)}]({link(module.src_uri, p.src_uri)})" for p in prerequisites if p]
    if links:
        lines += [f"**Before this module:** {', '.join(links)}", ""]
    lines += ["**By the end of this module you will be able to:**", "", _objectives(module), "", "</div>", ""]
    return "\n".join(lines)
