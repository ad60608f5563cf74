"""Link and image addresses in page Markdown that cannot be read
(``urls.split_url``), each a problem at its line before anything is built, so
``course check --no-build`` finds them too; the page shows such a link as
text (``coursesite.safelinks``).
"""

from __future__ import annotations

from ..course_loader import Course
from ..problems import Problem
from ..quiz.scan import in_fenced_code
from ..urls import MALFORMED_HINT, markdown_addresses, split_url


def page_problems(text: str, path: str) -> list[Problem]:
    malformed = [(offset, url) for offset, url in markdown_addresses(text) if split_url(url) is None]
    if not malformed:  # the usual case: no need to find the page's code blocks
        return []
    lines, problems = text.split("\n"), []
    for offset, url in malformed:
        index = text.count("\n", 0, offset)
        if not in_fenced_code(lines, index):
            problems.append(Problem(path, index + 1, f"link address '{url}' is not well-formed", MALFORMED_HINT))
    return problems


def check(course: Course) -> list[Problem]:
    return [problem for source in course.pages.values() for problem in page_problems(source.text, source.path)]
