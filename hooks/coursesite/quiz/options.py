"""The indented YAML options under ``/// quiz``: every key is checked, so a
typo is an error, never silently ignored (docs/guide/quizzes.md)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..modules import SLUG, too_long
from ..problems import Problem, did_you_mean
from ..validate import Result, Validator, accepting, check_fields, flag, is_int
from ..yamlsrc import key_line, load_yaml

OPTIONS = ("id", "multiple", "shuffle", "hint", "objective", "allow", "module", "keep_order")
ID_HINT = "use lower-case letters, digits and single hyphens, e.g. id: mentoring-first-move"
YAML_HINT = 'write one "key: value" per line, indented 4 spaces under the /// quiz line'


def _id(value: Any) -> Result:
    if value is None or value == "":
        return None, ("quiz id is empty", "write id: followed by a slug, e.g. id: mentoring-first-move")
    if not isinstance(value, str) or not SLUG.match(value):
        return None, (f"quiz id {str(value)!r} is not a slug", ID_HINT)
    if error := too_long(value):
        return None, (f"quiz id {error}", "shorten it before the quiz is published; a published id never changes")
    return value, None


def _flag(name: str) -> Validator:
    return flag(
        lambda value: f"quiz option '{name}' must be true or false, not {str(value)!r}",
        f"write {name}: true or {name}: false",
    )


def _objectives(value: Any) -> bool:
    numbers = value if isinstance(value, list) else [value]
    return bool(numbers) and all(is_int(n) for n in numbers)


def _shown(value: Any) -> str:
    return "[]" if value == [] else str(value) if isinstance(value, list) else repr(str(value))


def _allow(value: Any) -> Result:
    """Item-writing rules switched off for this question (coursesite/items/rules.py)."""
    from ..items.rules import RULES

    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) for n in names):
        return None, (
            "quiz option 'allow' must name item-writing rules",
            "write allow: [length-cue], naming rules from the trainer guide",
        )
    unknown = [n for n in names if n not in RULES]
    if not unknown:
        return names, None
    hint = did_you_mean(unknown[0], RULES, "the rules are listed in the trainer guide's item-writing page")
    return None, (f"quiz option 'allow' names an unknown rule '{unknown[0]}'", hint)


VALIDATORS: dict[str, Validator] = {
    "id": _id,
    "multiple": _flag("multiple"),
    "shuffle": _flag("shuffle"),
    "hint": accepting(
        lambda value: isinstance(value, str) and bool(value.strip()),
        lambda _value: "quiz option 'hint' must be one line of text",
        "write hint: followed by a short nudge, or remove the line",
    ),
    "objective": accepting(
        _objectives,
        lambda value: f"quiz option 'objective' must be a number or a list of numbers, not {_shown(value)}",
        "write objective: 2 or objective: [1, 3], counting the module's objectives from 1",
    ),
    "allow": _allow,
    # Graded assessments only (coursesite/assessment/pool.py says so elsewhere).
    "module": accepting(
        lambda value: isinstance(value, str) and SLUG.match(value) is not None,
        lambda value: f"quiz option 'module' must be a module id, not {str(value)!r}",
        "write module: followed by the id: of the module the question tests, e.g. module: mentoring",
    ),
    "keep_order": _flag("keep_order"),
}


def _unknown(key: str) -> tuple[str, str]:
    known = f"quiz options are {', '.join(OPTIONS[:-1])} and {OPTIONS[-1]}"
    return f"unknown quiz option '{key}'", did_you_mean(key, OPTIONS, known)


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
    # A repeated option: its first value, reported by _load.
    fields = [(str(key), value, key_line(data, key, first_line)) for key, value in data.items()]
    checked = check_fields(fields, VALIDATORS, path, _unknown)
    values, lines = checked.values, checked.lines
    problems += checked.problems
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
