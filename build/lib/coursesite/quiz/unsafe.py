"""Addresses a quiz may not link to: ``javascript:`` and ``vbscript:`` run
script when clicked, a ``data:`` image or link carries content the site
never checked. The source check reports each at its line; the renderer
(``extension.QuizSanitizer``) drops any that still reach the page.
"""

from __future__ import annotations

from ..problems import Problem
from ..urls import markdown_addresses, unsafe_scheme
from .scan import in_fenced_code

LINK_HINT = "link to an https:// page or a page of the course instead"
HINTS = {"data": "save the image or file beside the page and link to it instead"}


def unsafe_link_problems(lines: list[str], start: int, end: int, path: str, first_line: int) -> list[Problem]:
    """Every unsafe address in ``lines[start:end]`` (a quiz block), at its file line;
    examples in fenced code are not links."""
    text = "\n".join(lines[start:end]).replace("\t", "").replace("\r", "")
    found = [(offset, url, scheme) for offset, url in markdown_addresses(text) if (scheme := unsafe_scheme(url))]
    problems = []
    for offset, url, scheme in found:
        index = start + text.count("\n", 0, offset)
        if not in_fenced_code(lines, index, start):
            problems.append(
                Problem(
                    path,
                    index + first_line,
                    f"unsafe link '{url}' in a quiz: {scheme}: addresses are not allowed",
                    HINTS.get(scheme, LINK_HINT),
                )
            )
    return problems
