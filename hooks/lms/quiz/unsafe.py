"""Addresses a quiz may not link to: ``javascript:`` and ``vbscript:`` run
script when clicked, a ``data:`` image or link carries content the site
never checked. The source check reports each at its line; the renderer
(``extension.QuizSanitizer``) drops any that still reach the page.
"""

from __future__ import annotations

import re

from ..problems import Problem
from .scan import fence_end

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop tabs and line breaks anywhere in an address, and controls and
# spaces around it, before reading its scheme: "java\tscript:" is javascript:.
IGNORED_IN_URL = re.compile(r"[\t\n\r]")
C0_AND_SPACE = "".join(map(chr, range(0x21)))
# Where Markdown takes a link or image address: "](...)", a reference
# definition "[name]: ...", and href= or src= in an attribute list "{...}"
# (raw HTML in a quiz stays text, so its attributes never link).
DESTINATION = re.compile(
    r"""(?:\]\(|^\s{0,3}\[[^\]]+\]:|\{[^}]*\b(?:href|src)\s*=)[\x00-\x20]*["'<]?[\x00-\x20]*(?P<url>[a-z][a-z0-9+.\-\x00-\x20]*:[^\s"'>]*)""",
    re.IGNORECASE,
)
CODE_SPAN = re.compile(r"(`+).+?\1")
LINK_HINT = "link to an https:// page or a page of the course instead"
HINTS = {"data": "save the image or file beside the page and link to it instead"}


def unsafe_scheme(url: str) -> str | None:
    """``javascript``, ``vbscript`` or ``data`` when the browser would read ``url`` so, else None."""
    scheme = SCHEME.match(IGNORED_IN_URL.sub("", url).strip(C0_AND_SPACE))
    return scheme[1].lower() if scheme and scheme[1].lower() in UNSAFE_SCHEMES else None


def _as_written(url: str) -> str:
    """The address up to the ")" that closes the Markdown link (its own parentheses pair up)."""
    depth = 0
    for index, char in enumerate(url):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return url[:index]
    return url


def _line_problems(text: str, path: str, line: int) -> list[Problem]:
    text = CODE_SPAN.sub("", IGNORED_IN_URL.sub("", text))  # code spans show addresses, they do not link
    found = [(_as_written(m["url"]), scheme) for m in DESTINATION.finditer(text) if (scheme := unsafe_scheme(m["url"]))]
    return [Problem(path, line, f"unsafe link '{url}' in a quiz: {scheme}: addresses are not allowed", HINTS.get(scheme, LINK_HINT)) for url, scheme in found]


def unsafe_link_problems(lines: list[str], start: int, end: int, path: str, first_line: int) -> list[Problem]:
    """Every unsafe address in ``lines[start:end]`` (a quiz block), at its file line;
    examples in fenced code are not links."""
    problems, index = [], start
    while index < end:
        closing = fence_end(lines, index, end)
        if closing is not None:
            index = closing + 1
            continue
        problems += _line_problems(lines[index], path, index + first_line)
        index += 1
    return problems
