"""From a link in a built page back to the Markdown line that wrote it.

A page's source is found the way MkDocs names its output
(``modules/01-x.md`` -> ``modules/01-x/index.html``). The line is found by
looking for the link in the raw Markdown: as written (raw HTML, external
URLs), or as a Markdown link that resolves to the same place (``01-x.md#a``
becomes ``../01-x/#a`` in HTML). A link that is not in the Markdown came from
generated content (a macro, the build) or the theme, and the message says so.
"""

from __future__ import annotations

import html
import posixpath
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..config import built_page
from ..course_loader import Course
from .resolve import is_external
from .scan import Link, shorten, srcset_urls
from .settings import LinkSettings

MARKDOWN, GENERATED, THEME = "markdown", "generated", "theme"
PATTERNS = (
    re.compile(r"\]\(\s*<?([^\s)>]+)"),  # [text](target), ![alt](target)
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE),  # [ref]: target
    re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.IGNORECASE),  # raw HTML
    re.compile(r"<((?:https?|mailto):[^\s>]+)>"),  # <https://autolink>
)
SRCSET = re.compile(r"""\bsrcset\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
MACRO = re.compile(r"\{\{.*?\}\}")


@dataclass(frozen=True)
class Where:
    path: str  # as the trainer sees it: docs/modules/01-x.md, overrides/404.html
    line: int  # 0 when unknown
    origin: str  # MARKDOWN, GENERATED or THEME


class SourceLinks:
    """Every link target written in one Markdown file, with its line."""

    def __init__(self, text: str, src_uri: str, use_directory_urls: bool):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.literal: dict[str, list[int]] = defaultdict(list)
        self.resolved: dict[tuple[str, str], list[int]] = defaultdict(list)
        for value, line in self._targets():
            self.literal[value].append(line)
            if not is_external(value):
                self.resolved[self._resolve(value, src_uri, use_directory_urls)].append(line)

    def line_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def _targets(self):
        for pattern in PATTERNS:
            for match in pattern.finditer(self.text):
                yield html.unescape(match.group(1)), self.line_at(match.start(1))
        for match in SRCSET.finditer(self.text):
            for url in srcset_urls(html.unescape(match.group(1))):
                yield url, self.line_at(match.start(1))

    @staticmethod
    def _resolve(value: str, src_uri: str, use_directory_urls: bool) -> tuple[str, str]:
        path, _, fragment = value.partition("#")
        path = path.partition("?")[0]
        if not path:
            return built_page(src_uri, use_directory_urls), fragment
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if joined.lower().endswith(".md"):
            joined = built_page(joined, use_directory_urls)
        return joined, fragment

    def line(self, number: int) -> str:
        end = self.starts[number] if number < len(self.starts) else len(self.text)
        return self.text[self.starts[number - 1] : end]

    def lines_with(self, needle: str) -> list[int]:
        return [number for number, line in enumerate(self.text.split("\n"), start=1) if needle in line]


class SourceMap:
    def __init__(self, course: Course, settings: LinkSettings):
        self.course = course
        self.settings = settings
        self.sources = {built_page(src, settings.use_directory_urls): src for src in course.pages}
        self._links: dict[str, SourceLinks] = {}
        self._seen: dict[tuple[str, str], int] = defaultdict(int)

    def src_uri(self, page: str) -> str | None:
        return self.sources.get(page)

    def source_line(self, page: str, number: int) -> str:
        """Line ``number`` of the Markdown source of built ``page``."""
        src_uri = self.src_uri(page)
        return self._source_links(src_uri).line(number) if src_uri and number else ""

    def _source_links(self, src_uri: str) -> SourceLinks:
        if src_uri not in self._links:
            text = self.course.pages[src_uri].text
            self._links[src_uri] = SourceLinks(text, src_uri, self.settings.use_directory_urls)
        return self._links[src_uri]

    def _theme_path(self, page: str) -> str:
        custom = self.settings.custom_dir
        if custom and (self.course.site.root / custom / page).is_file():
            return Path(custom, page).as_posix()
        return page

    def where(self, page: str, link: Link, canonical: tuple[str, str] | None) -> Where:
        """Source of ``link`` found in built ``page``; ``canonical`` is its
        resolved (site file, fragment), None for external links."""
        src_uri = self.src_uri(page)
        if src_uri is None:
            return Where(self._theme_path(page), 0, THEME)
        report = self.course.site.report_path(src_uri)
        source = self._source_links(src_uri)
        lines = sorted(
            set(source.literal.get(link.url, ())) | set(source.resolved.get(canonical, ()) if canonical else ())
        )
        text = shorten(link.text).removesuffix("…")
        if len(lines) > 1 and text:
            lines = [n for n in lines if text in source.line(n)] or lines  # several links to one target
        if not lines and len(text) >= 3:
            # A link written in a way we do not resolve: the line that has its text and a link.
            link_lines = {n for found in source.literal.values() for n in found}
            lines = [n for n in source.lines_with(text) if n in link_lines]
        if lines:
            seen = self._seen[(page, link.url)]
            self._seen[(page, link.url)] += 1
            return Where(report, lines[min(seen, len(lines) - 1)], MARKDOWN)
        macro_lines = sorted({source.line_at(m.start()) for m in MACRO.finditer(source.text)})
        return Where(report, macro_lines[0] if len(macro_lines) == 1 else 0, GENERATED)
