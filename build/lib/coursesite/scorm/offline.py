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

import re
from html.parser import HTMLParser
from pathlib import Path

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


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []  # (line, what, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                urls = [part.split()[0] for part in value.split(",") if part.split()]
            elif name == "style":
                urls = [a or b for a, b in CSS_URL.findall(value)]
            else:
                urls = [value]
            navigation = tag in NAVIGATION_TAGS and name == "href"
            if name in RESOURCE_ATTRIBUTES or name == "style" or name == "href":
                for url in urls:
                    if leaves_package(url, navigation=navigation):
                        self.found.append((line, f"<{tag} {name}>", url))


def html_problems(text: str, path: str) -> list[Problem]:
    parser = _References()
    parser.feed(text)
    return [
        Problem(
            path,
            line,
            f"{what} '{url}' reaches outside the package",
            "use an address relative to the page, inside the site",
        )
        for line, what, url in parser.found
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
