"""The indented YAML options under ``/// task``, read with the quiz's loader
(same dialect, same duplicate-key rule) and checked key by key."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..modules import SLUG, too_long
from ..problems import Problem, did_you_mean
from ..quiz.options import ID_HINT, _load
from ..validate import Result, check_fields
from ..yamlsrc import key_line

OPTIONS = ("id",)
YAML_HINT = 'write one "key: value" per line, indented 4 spaces under the /// task line'


def _id(value: Any) -> Result:
    if value is None or value == "":
        return None, ("task id is empty", "write id: followed by a slug, e.g. id: recognition-message")
    if not isinstance(value, str) or not SLUG.match(value):
        return None, (
            f"task id {str(value)!r} is not a slug",
            ID_HINT.replace("mentoring-first-move", "recognition-message"),
        )
    if error := too_long(value):
        return None, (f"task id {error}", "shorten it before the task is published; a published id never changes")
    return value, None


def _unknown(key: str) -> tuple[str, str]:
    return f"unknown task option '{key}'", did_you_mean(key, OPTIONS, "the only task option is id")


def _as_task(problem: Problem) -> Problem:
    """The quiz loader's words, said of a task."""
    message = problem.message.replace("quiz option", "task option")
    return dataclasses.replace(problem, message=message, hint=problem.hint.replace("/// quiz", "/// task"))


def read_options(
    text: str, path: str, first_line: int, header_line: int
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Validate the options ``text`` (dedented) whose first line is ``first_line``:
    the valid values, the line of every key, and the problems."""
    data, loaded = _load(text, path, first_line)
    problems = [_as_task(p) for p in loaded]
    if data is None:
        return {}, {}, problems
    if not isinstance(data, dict):
        return {}, {}, [*problems, Problem(path, first_line, 'task options must be "key: value" lines', YAML_HINT)]
    # A repeated option: its first value, reported by the loader.
    fields = [(str(key), value, key_line(data, key, first_line)) for key, value in data.items()]
    checked = check_fields(fields, {"id": _id}, path, _unknown)
    values, lines = checked.values, checked.lines
    problems += checked.problems
    if "id" not in lines:
        problems.append(
            Problem(
                path, header_line, "task has no id", 'add an indented line "id: <topic>" right under the /// task line'
            )
        )
    return values, lines, problems
