"""One build's state, and how the hook and the macros reach it.

MkDocs loads the hook file and the macros module separately; both reach the
build in progress through ``current``, which ``begin`` replaces at the start of
every build (``on_config``), so nothing of one build is seen by the next.
What a caller asks of the builds it starts (the check command collects the
problems instead of printing them, the SCORM packager wants every page's code
loaded at once, ``mkdocs serve`` keeps previewing) is a ``BuildOptions``,
copied into each build when it begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from .course_loader import Course
from .problems import Problem


@dataclass(frozen=True)
class BuildOptions:
    collect_only: bool = False  # the check command reads the problems instead of having them printed
    previewing: bool = False  # `mkdocs serve`: report problems but keep the preview running
    # A SCORM package's launch page restores a learner's answers as each page
    # opens, so every page loads its features' code at once (main.js).
    packaging: bool = False


@dataclass
class BuildState:
    course: Course
    options: BuildOptions = field(default_factory=BuildOptions)
    problems: list[Problem] = field(default_factory=list)
    item_warnings: list[Problem] = field(default_factory=list)  # never fail a strict build (coursesite/items)
    to_html: Callable[[str], str] | None = None  # Markdown with the site's extensions, made once per build
    # src_uri -> the page's HTML while the search indexer reads it without its unsearched parts
    uncut_pages: dict[str, str] = field(default_factory=dict)


current: BuildState | None = None
requested = BuildOptions()  # what the next builds are asked to do


def begin(course: Course) -> BuildState:
    global current
    current = BuildState(course=course, options=requested)
    return current


@contextmanager
def requesting(**options: bool) -> Iterator[None]:
    """The builds started inside the ``with`` get these options; after it, the
    earlier ones again, and no build is current (a build that failed before it
    began must not report an earlier build's problems)."""
    global requested, current
    previous, requested, current = requested, replace(BuildOptions(), **options), None
    try:
        yield
    finally:
        requested = previous


def require() -> BuildState:
    if current is None:
        raise RuntimeError("the course hook (hooks/course_hooks.py) is not listed under hooks: in mkdocs.yml")
    return current
