"""The indented YAML options under ``/// quiz``: every key is checked, so a
typo is an error, never silently ignored (DESIGN.md section 3)."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable
from typing import Any

from ..modules import SLUG, too_long
from ..problems import Problem
from ..yamlsrc import key_line, load_yaml

OPTIONS = ("id", "multiple", "shuffle", "hint", "objective")
ID_HINT = "use lower-case letters, digits and single hyphens, e.g. id: mentoring-first-move"
YAML_HINT = 'write one "key: value" per line, indented 4 spaces under the /// quiz line'


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _id(value: Any) -> tuple[str, str] | None:
    if value is None or value == "":
        return "quiz id is empty", "write id: followed by a slug, e.g. id: mentoring-first-move"
    if not isinstance(value, str) or not SLUG.match(value):
        return f"quiz id {str(value)!r} is not a slug", ID_HINT
    if error := too_long(value):
        return f"quiz id {error}", "shorten it before the quiz is published; a published id never changes"
    return None


def _flag(name: str) -> Callable[[Any], tuple[str, str] | None]:
    def check(value: Any) -> tuple[str, str] | None:
        if isinstance(value, bool):
            return None
        return f"quiz option '{name}' must be true or false, not {str(value)!r}", f"write {name}: true or {name}: false"

    return check


def _hint(value: Any) -> tuple[str, str] | None:
    if isinstance(value, str) and value.strip():
        return None
    return "quiz option 'hint' must be one line of text", "write hint: followed by a short nudge, or remove the line"


def _objective(value: Any) -> tuple[str, str] | None:
    numbers = value if isinstance(value, list) else [value]
    if numbers and all(_is_int(n) for n in numbers):
        return None
    shown = "[]" if value == [] else str(value) if isinstance(value, list) else repr(str(value))
    return (
        f"quiz option 'objective' must be a number or a list of numbers, not {shown}",
        "write objective: 2 or objective: [1, 3], counting the module's objectives from 1",
    )


CHECKS: dict[str, Callable[[Any], tuple[str, str] | None]] = {
    "id": _id,
    "multiple": _flag("multiple"),
    "shuffle": _flag("shuffle"),
    "hint": _hint,
    "objective": _objective,
}


def _unknown(key: str, path: str, line: int) -> Problem:
    close = difflib.get_close_matches(key, OPTIONS, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"quiz options are {', '.join(OPTIONS[:-1])} and {OPTIONS[-1]}"
    return Problem(path, line, f"unknown quiz option '{key}'", hint)


SYNTAX = "YAML syntax error: "


def _in_quiz_words(problem: Problem) -> Problem:
    """A problem of the front matter's YAML reader, worded for quiz options."""
    if problem.message.startswith(SYNTAX):
        return dataclasses.replace(
            problem, message=f"quiz options are not valid YAML: {problem.message[len(SYNTAX) :]}"
        )
    if problem.message.startswith("key '"):  # a repeated key
        return dataclasses.replace(problem, message=f"quiz option {problem.message[len('key ') :]}")
    # "quiz options: ...": the page's other quiz checks know its options were not read
    return dataclasses.replace(problem, message=f"quiz options: {problem.message}")


def _load(text: str, path: str, first_line: int) -> tuple[Any, list[Problem]]:
    """Options as data, read as front matter is (``yamlsrc.load_yaml``: one
    YAML dialect for the whole course), and their problems."""
    if not text:
        return {}, []
    data, problems = load_yaml(text, path, first_line)
    if data is None and not problems:  # only comments
        data = {}
    return data, [_in_quiz_words(p) for p in problems]


def read_options(
    text: str, path: str, first_line: int, header_line: int
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Validate the options ``text`` (dedented) whose first line is ``first_line``.

    Returns the valid values, the line of every key, and the problems.
    """
    data, problems = _load(text, path, first_line)
    if data is None:
        return {}, {}, problems
    if not isinstance(data, dict):
        return {}, {}, [*problems, Problem(path, first_line, 'quiz options must be "key: value" lines', YAML_HINT)]
    values, lines = {}, {}
    for typed_key, value in data.items():  # a repeated option: its first value, reported by _load
        key, line = str(typed_key), key_line(data, typed_key, first_line)
        lines[key] = line
        if key not in CHECKS:
            problems.append(_unknown(key, path, line))
            continue
        error = CHECKS[key](value)
        if error:
            problems.append(Problem(path, line, *error))
        else:
            values[key] = value
    if "id" not in lines:
        problems.append(
            Problem(
                path,
                header_line,
                "quiz has no id",
                'add an indented line "id: <module-id>-<topic>" right under the /// quiz line',
            )
        )
    return values, lines, problems
