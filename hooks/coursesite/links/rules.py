"""Link rules MkDocs lacks, on top of "does the target exist".

- a link into ``_data/`` (never published) or to a Markdown file that is not
  a page of the site: errors, with a message that says why;
- ``http://`` to another site: a warning (nearly every site serves https;
  hosts that do not are listed under ``extra.lms.links.http_only``);
- link text that does not say where the link goes ("click here", "read
  more") or is a bare URL: warnings, as WCAG 2.4.4 (link purpose) asks (a
  bare local address such as http://127.0.0.1:8000 is fine: readers type it).
"""

from __future__ import annotations

import re

from ..course_loader import DATA_DIR
from ..urls import host_of
from .scan import Link

MISSING, ANCHOR, OUTSIDE, DATA, MARKDOWN = "missing", "anchor", "outside", "data", "markdown"
HTTP, VAGUE_TEXT, BARE_URL = "http", "vague-text", "bare-url"
WARNINGS = frozenset({HTTP, VAGUE_TEXT, BARE_URL})

VAGUE = frozenset(
    {
        "click",
        "click here",
        "click this",
        "here",
        "go",
        "go here",
        "info",
        "learn more",
        "link",
        "more",
        "more info",
        "more information",
        "read more",
        "read this",
        "see here",
        "see more",
        "this",
        "this link",
        "this page",
        "this article",
        "continue",
        "details",
        "website",
        "web site",
    }
)
VAGUE_LONGEST = max(map(len, VAGUE)) + 4  # room for trailing punctuation
URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def missing_kind(site_path: str) -> str:
    """Why a target that does not exist is broken, most specific reason first."""
    if site_path == DATA_DIR or site_path.startswith(DATA_DIR + "/") or f"/{DATA_DIR}/" in site_path:
        return DATA
    if site_path.lower().endswith(".md"):
        return MARKDOWN
    return MISSING


def host_matches(host: str, names) -> bool:
    """``www.linkedin.com`` matches ``linkedin.com``; names are lower case."""
    return any(host == name or host.endswith("." + name) for name in names)


def is_plain_http(url: str, http_only: tuple[str, ...]) -> bool:
    if url[:7].lower() != "http://":
        return False
    host = host_of(url)
    return bool(host) and host not in LOOPBACK and not host_matches(host, http_only)


def text_kind(name: str) -> str | None:
    """VAGUE_TEXT or BARE_URL when a link's accessible name fails WCAG 2.4.4."""
    name = " ".join(name.split())
    if URL_TEXT.match(name):
        return BARE_URL
    if len(name) <= VAGUE_LONGEST and name.strip(" .:…!?→»>").lower() in VAGUE:
        return VAGUE_TEXT
    return None


class TextRule:
    """``text_kind`` for every <a> of a site: the same texts (navigation,
    headings) come back on every page, so each is judged once."""

    def __init__(self) -> None:
        self.seen: dict[str, str | None] = {}

    def __call__(self, link: Link) -> str | None:
        name = link.label or link.text
        kind = self.seen.get(name, "")
        if kind == "":
            kind = self.seen[name] = text_kind(name)
        if kind == BARE_URL and host_of(link.url) in LOOPBACK:
            return None  # a local address (make serve's http://127.0.0.1:8000) is typed by the reader: the URL is the content
        return kind


def text_problem(link: Link) -> str | None:
    return TextRule()(link) if link.tag == "a" else None
