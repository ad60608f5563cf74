"""One stylesheet of ours per page: ``course.css`` (what every page needs),
combined with the styles of the widgets the page has (budget: at most 5 KB of
our own JS and CSS per page, and a page without a quiz pays nothing for
quizzes).

A page without widgets links ``assets/course.css``; a page with a quiz links
``assets/course-quiz.css``, which is ``course.css`` followed by ``quiz.css``,
written by the build (``write_stylesheets``) for each combination a page
links. One file instead of two: one render-blocking request fewer, and about
300 bytes less to transfer, because gzip finds the two files' shared words
only when they are one (``bench/REPORT.md``, page weight). The widgets are
found by the attributes and classes only they carry; the link goes in the
head (``overrides/main.html``): a quiz is styled without JavaScript too, and
instant navigation, which keeps the head in step with each page, swaps the
stylesheet with the page. ``quiz.css`` and ``progress/pages.css`` stay in the
site for the quiz extension used on its own.

A feature's script is loaded by ``main.js`` (by the same data attributes),
when the widget comes near the view or the learner has something of it stored:
a script the build put in the page would be fetched on arrival, whether or not
the learner ever reaches the quiz.
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from .pagehtml import parse

EVERY_PAGE = "assets/course.css"


@dataclass(frozen=True)
class Feature:
    name: str  # in the combined file's name
    widgets: str  # CSS selector of this feature's widgets (by attributes only they carry)
    styles: tuple[str, ...]


FEATURES = (
    Feature(
        "progress",
        "[data-lms-dashboard], [data-lms-dashboard-body], [data-lms-certificate]",
        styles=("assets/lms/progress/pages.css",),
    ),
    # The Review page shows quiz forms that its script inserts (assets/lms/review/session.js).
    Feature("quiz", "[data-lms-quiz], [data-lms-review-session]", styles=("assets/lms/quiz.css",)),
    Feature("task", "[data-lms-task], [data-lms-portfolio]", styles=("assets/lms/task/task.css",)),
    # A graded assessment's questions look like quizzes; its own styles follow.
    Feature(
        "assessment", "[data-lms-assessment]", styles=("assets/lms/quiz.css", "assets/lms/assessment/assessment.css")
    ),
    # The course home's button, summary and module cards (the macros of coursesite/pages.py).
    Feature("home", ".lms-cards, [data-lms-home], [data-lms-start]", styles=("assets/lms/progress/home.css",)),
    # Highlighted code (the trainer guide's examples): Material's colours raised to 4.5:1.
    Feature("code", ".highlight", styles=("assets/lms/code.css",)),
    # Facilitator notes are in the facilitator edition only (coursesite/editions.py).
    Feature("facilitator", ".facilitator", styles=("assets/lms/facilitator.css",)),
)


def stylesheet_for(features) -> str:
    """Site path of the stylesheet for pages with ``features`` (in FEATURES order)."""
    names = [feature.name for feature in features]
    # Next to course.css, so that any url() in it means the same in the combined file.
    return f"assets/course-{'-'.join(names)}.css" if names else EVERY_PAGE


def styles(page_html: str) -> list[str]:
    """Site-relative paths of the stylesheets of ours the page links: one."""
    return styles_of(parse(page_html))


def styles_of(tree: LexborHTMLParser) -> list[str]:
    """``styles`` of a page already parsed."""
    return [stylesheet_for(feature for feature in FEATURES if tree.css_matches(feature.widgets))]


def write_stylesheets(site_dir: Path, paths: Iterable[str]) -> list[str]:
    """Write the combined stylesheets at ``paths`` (the site paths ``styles``
    gave the pages) into the built site, from its copies of the parts (minified
    or not); returns what was written. Only the combinations pages link are
    written: every feature would make one of each of dozens."""
    text = lambda path: (site_dir / path).read_text(encoding="utf-8").rstrip("\n") + "\n"  # noqa: E731
    by_path = {stylesheet_for(features): features for features in _combinations()}
    written = []
    for path in sorted(set(paths) - {EVERY_PAGE}):
        features = by_path[path]
        parts = list(dict.fromkeys([EVERY_PAGE] + [style for feature in features for style in feature.styles]))
        (site_dir / path).write_text("".join(text(part) for part in parts), encoding="utf-8")
        written.append(path)
    return written


def _combinations() -> Iterator[tuple[Feature, ...]]:
    for count in range(1, len(FEATURES) + 1):
        yield from itertools.combinations(FEATURES, count)


def to_root(page_url: str) -> str:
    """The relative address of the site root from a page's URL (``modules/x/``,
    ``modules/x.html`` without directory URLs, ``""`` for the home page)."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    depth = len([part for part in folder.split("/") if part])
    return "../" * depth
