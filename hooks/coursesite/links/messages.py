"""What a trainer reads for each link finding: what is wrong, then how to fix it.

Every message names the link text and the target as written, so the link can
be found in the page even when no Markdown line could be given.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..course_loader import DATA_DIR
from ..editions import is_facilitator_page, left_out_of_learner_edition
from ..problems import ERROR, WARNING, Problem, did_you_mean
from . import rules
from .scan import shorten
from .sourcemap import GENERATED, MARKDOWN, THEME, Where

if TYPE_CHECKING:  # pragma: no cover
    from .find import Finding

ORIGIN_NOTES = {
    GENERATED: "; the link is not written in this Markdown file: it comes from generated content (a macro or the build) or the theme",
    THEME: "; the page has no Markdown source: the link comes from the theme",
}
ORIGIN_HINTS = {
    GENERATED: "fix it where it is generated: the data a macro reads (docs/_data/) or the theme's templates",
    THEME: "fix the link in the theme's template (the custom_dir of mkdocs.yml)",
}


def _subject(finding: Finding) -> str:
    link, text = finding.link, shorten(finding.link.text)
    if link.tag in ("img", "source"):
        return f'image "{text}"' if text else "image"
    if link.tag == "a":
        return f'link "{text}"' if text else "link"
    return f"<{link.tag}> link"


def _target_page(path: str) -> str:
    return path.removesuffix("index.html") or "the home page"


# What is wrong and how to fix it, for the kinds whose message needs nothing but the
# link itself ({subject}, {url}) and the site's address ({prefix}).
PLAIN_MESSAGES = {
    rules.OUTSIDE: (
        "{subject} to '{url}' leaves the published site, which lives under {prefix}",
        "use a relative link, or start a site-absolute link with {prefix}",
    ),
    rules.DATA: (
        f"{{subject}} to '{{url}}' points into {DATA_DIR}/, which is never published",
        "link to the page that shows this data instead (readings: cite them with the cite macro)",
    ),
    rules.MARKDOWN: (
        "{subject} to '{url}' names a Markdown file that is not a page of the site",
        "check the file name and path; pages excluded in mkdocs.yml are not published",
    ),
    rules.HTTP: (
        "{subject} uses http:// ('{url}')",
        "use https:// (run 'course links --external' to see whether it answers); for a host without https, add it to extra.lms.links.http_only in mkdocs.yml",
    ),
    rules.VAGUE_TEXT: (
        "{subject} to '{url}': the text does not say where the link goes",
        "use words that name the destination, e.g. the article's title (WCAG 2.4.4)",
    ),
    rules.BARE_URL: (
        "{subject} to '{url}': the link text is a bare URL",
        "use the page or article title as the link text; screen readers read a URL out character by character",
    ),
}


def _describe(finding: Finding, prefix: str) -> tuple[str, str]:
    subject, url, kind = _subject(finding), finding.link.url, finding.kind
    if kind == rules.ANCHOR:
        hint = (
            f"did you mean #{finding.suggestion}?"
            if finding.suggestion
            else "link to an existing heading (its ¶ permalink shows the anchor) or give the heading an id with { #id }"
        )
        return f"{subject} to '{url}': {_target_page(finding.target)} has no anchor #{finding.fragment}", hint
    if kind == rules.MISSING:
        hint = "check the path: links in Markdown are relative to the Markdown file, e.g. ../modules/01-x.md"
        return f"{subject} to '{url}' leads nowhere: nothing is published at {prefix}{finding.target}", hint
    message, hint = PLAIN_MESSAGES[kind]
    return message.format(subject=subject, url=url, prefix=prefix), hint.format(prefix=prefix)


def _file_to_create(finding: Finding, where: Where, source_line: str, docs_root: str) -> str:
    """Where in docs/ the missing file belongs: a Markdown link or image is
    relative to the Markdown file; raw HTML to the published page."""
    url = finding.link.url
    if re.search(r"\]\(\s*<?" + re.escape(url) + r"|^\s*\[[^\]]+\]:\s*<?" + re.escape(url), source_line):
        return posixpath.normpath(posixpath.join(posixpath.dirname(where.path), unquote(urlsplit(url).path)))
    return docs_root + finding.target


def _source_hint(finding: Finding, where: Where, pages: list[str], source_line: str, docs_root: str) -> str:
    """For a link written in Markdown to a file that does not exist: where to
    put the file (an image), or the closest page's path as it would be written."""
    url = finding.link.url
    if where.origin != MARKDOWN or url.startswith("/") or finding.kind not in (rules.MISSING, rules.MARKDOWN):
        return ""
    if finding.link.tag in ("img", "source"):
        return f"put the file at {_file_to_create(finding, where, source_line, docs_root)}, or correct the path"
    folder = posixpath.dirname(where.path)
    return did_you_mean(urlsplit(url).path, [posixpath.relpath(page, folder) for page in pages])


def _leads_to_facilitators_page(finding: Finding, where: Where, docs_root: str) -> bool:
    """A learner page's link to a facilitators' page (from one facilitators' page to
    another, a missing target is just missing). A Markdown link is relative to its
    Markdown file; raw HTML to the page."""
    if where.path.startswith(docs_root) and is_facilitator_page(where.path.removeprefix(docs_root)):
        return False
    if finding.kind == rules.MARKDOWN and where.origin == MARKDOWN and where.path.startswith(docs_root):
        source = where.path.removeprefix(docs_root)
        return is_facilitator_page(posixpath.join(posixpath.dirname(source), unquote(urlsplit(finding.link.url).path)))
    return finding.kind in (rules.MISSING, rules.MARKDOWN) and is_facilitator_page(finding.target)


def problem(
    finding: Finding,
    where: Where,
    prefix: str = "/",
    others: int = 0,
    written: tuple[list[str], str, str] = ([], "", ""),
) -> Problem:
    """``written``: what a Markdown link's hint needs: the course's pages as
    trainers name them (docs/...), the docs folder (docs/) and the line with the link."""
    pages, docs_root, source_line = written
    if _leads_to_facilitators_page(finding, where, docs_root):
        message, hint = left_out_of_learner_edition(f"{_subject(finding)} to '{finding.link.url}'")
    else:
        message, hint = _describe(finding, prefix)
        hint = _source_hint(finding, where, pages, source_line, docs_root) or hint
    message += ORIGIN_NOTES.get(where.origin, "")
    if where.origin == THEME:
        message = f"in the page {finding.page}: {message}"
    if where.origin in ORIGIN_HINTS:
        origin_hint = ORIGIN_HINTS[where.origin]
        hint = f"{origin_hint}; {hint}" if finding.kind in (rules.OUTSIDE, rules.ANCHOR) else origin_hint
    if others:
        message += f" (and on {others} other page{'s' if others > 1 else ''})"
    severity = WARNING if finding.kind in rules.WARNINGS else ERROR
    return Problem(where.path, where.line, message, hint, severity)
