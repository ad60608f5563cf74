"""Find what in a built site would reach outside a SCORM package.

An LMS serves a package from some deep, unknown path and may run with no
internet at all, so every file the pages load must come from inside the
package by a relative address:

- a resource (script, stylesheet, image, frame, CSS ``url()`` or
  ``@import``) from another server, or by a root-relative (``/x``) or
  protocol-relative (``//host/x``) address, is a problem;
- a link a learner follows (``<a href>``) must not be root- or
  protocol-relative either; a link to another website (a reading's DOI)
  stays: the launch page opens it in a new window.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ..problems import Problem

RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "action", "formaction"}
NAVIGATION_TAGS = {"a", "area"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
HARMLESS_SCHEMES = ("data:", "blob:", "about:", "javascript:", "mailto:", "tel:", "#")


def leaves_package(url: str, *, navigation: bool = False) -> bool:
    url = url.strip()
    if not url or url.lower().startswith(HARMLESS_SCHEMES):
        return False
    if url.startswith("/"):
        return True  # root- or protocol-relative: outside the package's folder
    if navigation:
        return False  # a link to another website is followed by the learner, never loaded
    return bool(REMOTE.match(url))


ATTRIBUTES = (*RESOURCE_ATTRIBUTES, "style", "href")
SELECTOR = ", ".join(f"[{name}]" for name in ATTRIBUTES)


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [part.split()[0] for part in value.split(",") if part.split()]
    if name == "style":
        return [a or b for a, b in CSS_URL.findall(value)]
    return [value]


def _line(text: str, value: str) -> int:
    """The line of ``text`` where the attribute ``value`` is written (as it is,
    or with the entities the HTML may write it with); 1 when not found."""
    for written in (value, html.escape(value), html.escape(value, quote=False)):
        if (at := text.find(written)) >= 0:
            return text.count("\n", 0, at) + 1
    return 1


def references(text: str) -> list[tuple[int, str, str]]:
    """(line, what, url) of each address in the page that leaves the package."""
    found = []
    for node in LexborHTMLParser(text).css(SELECTOR):
        for name, value in node.attributes.items():
            if value is None or name not in ATTRIBUTES:
                continue
            navigation = node.tag in NAVIGATION_TAGS and name == "href"
            for url in _urls(name, value):
                if leaves_package(url, navigation=navigation):
                    found.append((_line(text, value), f"<{node.tag} {name}>", url))
    return found


def html_problems(text: str, path: str) -> list[Problem]:
    return [
        Problem(
            path,
            line,
            f"{what} '{url}' reaches outside the package",
            "use an address relative to the page, inside the site",
        )
        for line, what, url in references(text)
    ]


def css_problems(text: str, path: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in CSS_URL.finditer(line):
            url = match.group(1) or match.group(2)
            if leaves_package(url):
                problems.append(
                    Problem(
                        path,
                        number,
                        f"stylesheet loads '{url}' from outside the package",
                        "ship the file in docs/assets and refer to it relatively",
                    )
                )
    return problems


def outside_references(site_dir: Path) -> list[Problem]:
    """Every reference in the site's HTML and CSS that leaves the package."""
    problems: list[Problem] = []
    for file in sorted(site_dir.rglob("*")):
        path = file.relative_to(site_dir).as_posix()
        if file.suffix == ".html":
            problems += html_problems(file.read_text(encoding="utf-8", errors="replace"), path)
        elif file.suffix == ".css":
            problems += css_problems(file.read_text(encoding="utf-8", errors="replace"), path)
    return problems
