"""The current build's shared state.

MkDocs loads the hook file and the macros module separately; both reach the
course loaded for this build through here. ``collect_only`` lets the
``course check`` command run a real build and read the problems instead of
having them printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .course_loader import Course
from .problems import Problem


@dataclass
class BuildState:
    course: Course
    problems: list[Problem] = field(default_factory=list)
    item_warnings: list[Problem] = field(default_factory=list)  # never fail a strict build (coursesite/items)
    collect_only: bool = False


current: BuildState | None = None
collect_only = False  # set by the check command before it starts a build
previewing = False  # set during `mkdocs serve`: report problems but keep the preview running
# Set while the SCORM packager builds: its launch page restores a learner's answers
# as each page opens, so every page loads its features' code at once (main.js).
packaging = False


def begin(course: Course) -> BuildState:
    global current
    current = BuildState(course=course, problems=list(), collect_only=collect_only)
    return current


def require() -> BuildState:
    if current is None:
        raise RuntimeError("the course hook (hooks/course_hooks.py) is not listed under hooks: in mkdocs.yml")
    return current
