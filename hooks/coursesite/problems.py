"""One error vocabulary for every content check.

Validators return ``Problem`` values as data; only the reporter prints them.
The text form is ``docs/<path>:<line>: <message> (<hint>)`` so editors and CI
can jump straight to the line.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, e.g. "docs/modules/01-x.md"
    line: int  # 1-based; 0 when the problem concerns the whole file
    message: str
    hint: str = ""
    severity: str = ERROR
    # Files whose errors this problem may follow from (e.g. a nav entry naming a
    # missing file makes the theme link to nothing): left out while any of them
    # has an error, so that a mistake is reported once, at its cause.
    follows_from: tuple[str, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{location}: {self.message}"
        if self.severity == WARNING:
            text = f"{location}: warning: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Deterministic order: by file, then line, then message; duplicates and
    problems that follow from another file's error removed."""
    return sorted(root_causes(set(problems)))


def root_causes(problems: set[Problem]) -> set[Problem]:
    """``problems`` without those whose ``follows_from`` files have an error
    that follows from nothing else."""
    causes = {p.path for p in problems if p.is_error and not p.follows_from}
    return {p for p in problems if not causes.intersection(p.follows_from)}


def format_text(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in sort_problems(problems))


def format_json(problems: Iterable[Problem]) -> str:
    fields = ("path", "line", "message", "hint", "severity")
    return json.dumps([{name: asdict(p)[name] for name in fields} for p in sort_problems(problems)], indent=2)


def _escape_annotation(value: str, *, is_property: bool = False) -> str:
    # GitHub workflow commands need %, CR and LF escaped (and , : in properties).
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions annotation lines, so problems show on the pull request diff."""
    lines = []
    for p in sort_problems(problems):
        kind = "error" if p.is_error else "warning"
        props = f"file={_escape_annotation(p.path, is_property=True)}"
        if p.line:
            props += f",line={p.line}"
        body = p.message + (f" ({p.hint})" if p.hint else "")
        lines.append(f"::{kind} {props}::{_escape_annotation(body)}")
    return "\n".join(lines)


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Render problems for people (text), tools (json) or GitHub (github).

    ``fmt="auto"`` picks GitHub annotations when running inside GitHub Actions.
    """
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fmt == "json":
        return format_json(problems)
    if fmt == "github":
        return format_github(problems)
    return format_text(problems)


def count_errors(problems: Iterable[Problem]) -> int:
    return sum(1 for p in problems if p.is_error)


def count_line(problems: list[Problem]) -> str:
    """The summary that ``course check`` and the build both print, e.g.
    "3 problem(s) found: 2 error(s), 1 warning(s)." """
    if not problems:
        return "No problems found."
    errors = count_errors(problems)
    return f"{len(problems)} problem(s) found: {errors} error(s), {len(problems) - errors} warning(s)."


def did_you_mean(word: str, known: Iterable[str], fallback: str = "") -> str:
    """ "did you mean 'x'?" for the known name closest to a mistyped one, else ``fallback``."""
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else fallback
