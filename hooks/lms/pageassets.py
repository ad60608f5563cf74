"""Each feature's stylesheet, only on the pages that use it (issue 9: at most
5 KB of our own JS and CSS per page; issue 3: a page without a quiz pays
nothing for quizzes).

Every page loads what every page needs (mkdocs.yml: ``assets/course.css``
and the small ``assets/lms/main.js``). A feature's stylesheet is added to the
pages whose HTML has its widgets, found by the data attributes its widgets
carry, in the head (through ``overrides/main.html``): a quiz is styled without
JavaScript too, and instant navigation, which keeps the head in step with each
page, neither drops nor reloads it.

A feature's script is loaded by ``main.js`` (by the same data attributes),
when the widget comes near the view or the learner has something of it stored:
a script the build put in the page would be fetched on arrival, whether or not
the learner ever reaches the quiz.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    marker: re.Pattern[str]  # an attribute only this feature's widgets carry
    styles: tuple[str, ...]


FEATURES = (
    Feature(re.compile(r"data-lms-(?:dashboard|certificate)\b"), styles=("assets/lms/progress/pages.css",)),
    Feature(re.compile(r'data-lms-quiz="'), styles=("assets/lms/quiz.css",)),
)


def styles(page_html: str) -> list[str]:
    """Site-relative paths of the stylesheets the page's widgets need."""
    return [path for feature in FEATURES if feature.marker.search(page_html) for path in feature.styles]


def to_root(page_url: str) -> str:
    """The relative address of the site root from a page's URL (``modules/x/``,
    ``modules/x.html`` without directory URLs, ``""`` for the home page)."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    depth = len([part for part in folder.split("/") if part])
    return "../" * depth
