"""Each feature's script and stylesheet, only on the pages that use it (issue 9:
at most 5 KB of our own JS and CSS per page; issue 3: a page without a quiz
pays nothing for quizzes).

Every page loads what every page needs (mkdocs.yml: ``assets/course.css``
and the small ``assets/lms/main.js``). A feature's
code is added by the build to the pages whose HTML has its widgets, found by
the same data attributes the scripts look for:

- scripts go at the top of the page content: the browser fetches them with
  the page (no loader script to wait for), and Material's instant navigation
  runs the scripts of the content it swaps in (an ES module runs once; it then
  initialises each page through ``document$``, idempotently);
- stylesheets go in the head (through ``overrides/main.html``), so a quiz is
  styled without JavaScript too and instant navigation, which keeps the head
  in step with each page, neither drops nor reloads them.

Learner progress is also needed on pages without its widgets once the learner
has a record (the navigation badges): ``main.js`` loads it there.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    marker: re.Pattern[str]  # an attribute only this feature's widgets carry
    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()


QUIZ = r'data-lms-quiz="'
READING = r'data-lms-reading(?:-count)?="'
FEATURES = (
    # Progress first: it listens for the quiz and reading events (a module page, the
    # certificate, and every page that reports progress). The home page and the
    # progress page are server-rendered as a new learner sees them: like any other
    # page, they load progress (main.js) only once the learner has a record.
    Feature(re.compile(rf'{QUIZ}|{READING}|data-lms-progress-foot="|data-lms-certificate\b'), scripts=("assets/lms/progress/main.js",)),
    # The progress page's own controls (export, import, reset, mark complete); the
    # code behind each loads when it is first used.
    Feature(re.compile(r"data-lms-dashboard\b"), scripts=("assets/lms/progress/controls.js",), styles=("assets/lms/progress/pages.css",)),
    Feature(re.compile(r"data-lms-certificate\b"), styles=("assets/lms/progress/pages.css",)),
    Feature(re.compile(QUIZ), scripts=("assets/lms/quiz.js",), styles=("assets/lms/quiz.css",)),
    Feature(re.compile(READING), scripts=("assets/lms/readings.js",)),
)


def _used(page_html: str) -> list[Feature]:
    return [feature for feature in FEATURES if feature.marker.search(page_html)]


def styles(page_html: str) -> list[str]:
    """Site-relative paths of the stylesheets the page's widgets need."""
    return [path for feature in _used(page_html) for path in feature.styles]


def to_root(page_url: str) -> str:
    """The relative address of the site root from a page's URL (``modules/x/``,
    ``modules/x.html`` without directory URLs, ``""`` for the home page)."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    depth = len([part for part in folder.split("/") if part])
    return "../" * depth


def with_scripts(page_html: str, page_url: str) -> str:
    """The page content with the module scripts its widgets need in front."""
    root = to_root(page_url)
    tags = [f'<script src="{root}{path}" type="module"></script>' for feature in _used(page_html) for path in feature.scripts]
    return "\n".join([*tags, page_html]) if tags else page_html
