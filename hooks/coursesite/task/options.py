"""The indented YAML options under ``/// task``, read with the quiz's loader
(same dialect, same duplicate-key rule) and checked key by key."""

from __future__ import annotations

import dataclasses
import difflib
from typing import Any

from ..modules import SLUG, too_long
from ..problems import Problem
from ..quiz.options import ID_HINT, _load

OPTIONS = ("id",)
YAML_HINT = 'write one "key: value" per line, indented 4 spaces under the /// task line'


def _id_problem(value: Any) -> tuple[str, str] | None:
    if value is None or value == "":
        return "task id is empty", "write id: followed by a slug, e.g. id: recognition-message"
    if not isinstance(value, str) or not SLUG.match(value):
        return f"task id {str(value)!r} is not a slug", ID_HINT.replace("mentoring-first-move", "recognition-message")
    if error := too_long(value):
        return f"task id {error}", "shorten it before the task is published; a published id never changes"
    return None


def _as_task(problem: Problem) -> Problem:
    """The quiz loader's words, said of a task."""
    message = problem.message.replace("quiz option", "task option")
    return dataclasses.replace(problem, message=message, hint=problem.hint.replace("/// quiz", "/// task"))


def read_options(
    text: str, path: str, first_line: int, header_line: int
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Validate the options ``text`` (dedented) whose first line is ``first_line``:
    the valid values, the line of every key, and the problems."""
    data, keys, loaded = _load(text, path, first_line)
    problems = [_as_task(p) for p in loaded]
    if data is None:
        return {}, {}, problems
    if not isinstance(data, dict):
        return {}, {}, [*problems, Problem(path, first_line, 'task options must be "key: value" lines', YAML_HINT)]
    values, lines = {}, {}
    for key, line in keys:
        if key in lines:
            continue  # given twice: reported by the loader
        lines[key] = line
        if key not in OPTIONS:
            close = difflib.get_close_matches(key, OPTIONS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the only task option is id"
            problems.append(Problem(path, line, f"unknown task option '{key}'", hint))
        elif error := _id_problem(data.get(key)):
            problems.append(Problem(path, line, *error))
        else:
            values[key] = data[key]
    if "id" not in lines:
        problems.append(
            Problem(
                path, header_line, "task has no id", 'add an indented line "id: <topic>" right under the /// task line'
            )
        )
    return values, lines, problems
