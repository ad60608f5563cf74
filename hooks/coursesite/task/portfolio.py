"""The portfolio page: every task of the course, in course order, as a new
learner sees it (no response yet). task/portfolio.js fills in each response
and self-score from the browser's storage, and offers them as one Markdown
file; each task is one section, printed without a page break inside it.

Generated Markdown (``md_in_html``), so MkDocs resolves and checks the links
to the task pages; author text keeps only its inline subset (coursesite/inline.py).
"""

from __future__ import annotations

import html
import json

from .. import inline
from ..course_loader import Course
from ..pages import link
from .check import course_tasks
from .model import Task

TOOLS = (
    '<p class="lms-portfolio__tools" data-lms-portfolio-tools hidden>'
    '<button type="button" class="md-button" data-lms-portfolio-download>Download my responses (Markdown file)</button> '
    '<button type="button" class="md-button" data-lms-print>Print or save as PDF</button></p>\n'
    '<p class="lms-status" role="status" data-lms-status></p>'
)


def _score_table(task: Task) -> str:
    levels = html.escape(json.dumps(dict(zip(task.level_keys, task.levels, strict=True)), ensure_ascii=False))
    rows = "".join(
        f'<tr data-lms-criterion="{c.key}"><th scope="row">{html.escape(c.name)}</th><td>Not scored</td></tr>'
        for c in task.criteria
    )
    return (
        f'<table data-lms-levels="{levels}"><caption>Your self-score</caption>'
        '<thead><tr><th scope="col">Criterion</th><th scope="col">Your level</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _section(course: Course, page_uri: str, src_uri: str, task: Task) -> str:
    module = course.module_at(src_uri)
    where = inline.to_markdown(module.title, links=False) if module else "this page"
    return (
        f'<section class="lms-portfolio__task" data-lms-portfolio-task="{task.id}" markdown>\n\n'
        f"## {inline.to_markdown(task.title, links=False)} {{#portfolio-{task.id}}}\n\n"
        f"From [{where}]({link(page_uri, src_uri)}#lms-task-{task.id}).\n\n"
        '<p class="lms-portfolio__label"><strong>Your response</strong></p>\n'
        '<div class="lms-portfolio__response" data-lms-portfolio-response>'
        '<p class="lms-portfolio__empty">No response yet.</p></div>\n\n'
        f"{_score_table(task)}\n\n</section>"
    )


def portfolio_page(course: Course, page_uri: str) -> str:
    """The portfolio's body: the tools, then one section per task."""
    tasks = course_tasks(course)
    if not tasks:
        return "The course has no tasks yet."
    sections = "\n\n".join(_section(course, page_uri, src_uri, task) for src_uri, task in tasks)
    return f'<div class="lms-portfolio" data-lms-portfolio markdown>\n\n{TOOLS}\n\n{sections}\n\n</div>\n'
