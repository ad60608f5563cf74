"""Reading list and citations (docs/guide/readings.md).

One data file, ``docs/_data/readings.yml``, drives each module's reading list,
the course reading-list page, ``cite()`` in prose and the BibTeX, RIS and
CSL-JSON downloads. The public functions below are what the hooks, macros
and checks call; everything else is internal to this package.
"""

from __future__ import annotations

from ..course_loader import Course
from ..pages import link
from ..problems import Problem
from . import usage
from .cite import cite_markdown
from .exports import export_files
from .load import load
from .render import module_entries_html, module_section, reading_list_page
from .usage import check

__all__ = [
    "check",
    "cite",
    "cite_for_build",
    "downloads",
    "load",
    "module_entries_html",
    "module_section",
    "reading_list_page",
]


def cite(course: Course, page_uri: str, keys: list[str]) -> tuple[str, list[Problem]]:
    """Markdown for ``{{ cite(*keys) }}`` on ``page_uri`` and the problems of
    that page's cite() calls (found at their exact lines in the source)."""
    catalogue = load(course)
    page = usage.list_page(course)
    target = link(page_uri, page) if page else None
    missing = [k for k in keys or [""] if k not in catalogue.readings]
    if not missing:
        return cite_markdown(catalogue, list(keys), target), []
    seen = {c.key for c in usage.citations(course) if c.src_uri == page_uri}
    # A call the source scan cannot see (its id comes from a variable) is reported without a line.
    unseen = [
        p for k in missing if k not in seen and (p := usage.citation_problem(course, usage.Citation(page_uri, 0, k)))
    ]
    return cite_markdown(catalogue, list(keys), target), usage.citation_problems(course, page_uri) + unseen


def cite_for_build(build, page_uri: str, keys: list[str]) -> str:
    """``cite(*keys)`` as ``build`` (a ``state.BuildState``) renders it on
    ``page_uri``; the problems join the build's (the ``cite`` macro's)."""
    markdown, problems = cite(build.course, page_uri, [str(key) for key in keys])
    build.problems += problems
    return markdown


def downloads(course: Course) -> dict[str, bytes]:
    """The export files to publish with the site (path -> bytes)."""
    return export_files(load(course))
