"""The indented YAML options under ``/// quiz``: every key is checked, so a
typo is an error, never silently ignored (DESIGN.md section 3)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from typing import Any

import yaml

from ..modules import SLUG, too_long
from ..problems import Problem
from ..yamlsrc import anchor_problems

OPTIONS = ("id", "multiple", "shuffle", "hint", "objective", "module", "keep_order")
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


def _module(value: Any) -> tuple[str, str] | None:
    """The module a graded question tests (its pool's per-module minimum counts it there)."""
    if isinstance(value, str) and SLUG.match(value):
        return None
    return (
        f"quiz option 'module' must be a module id, not {str(value)!r}",
        "write module: followed by the id: of the module the question tests, e.g. module: mentoring",
    )


CHECKS: dict[str, Callable[[Any], tuple[str, str] | None]] = {
    "id": _id,
    "multiple": _flag("multiple"),
    "shuffle": _flag("shuffle"),
    "hint": _hint,
    "objective": _objective,
    "module": _module,
    "keep_order": _flag("keep_order"),
}


def _typed_key(data: dict, key: str) -> Any:
    """The key as YAML typed it (``1:`` is the number 1), for looking its value up."""
    return next((k for k in data if str(k) == key), key)


def _unknown(key: str, path: str, line: int) -> Problem:
    close = difflib.get_close_matches(key, OPTIONS, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"quiz options are {', '.join(OPTIONS[:-1])} and {OPTIONS[-1]}"
    return Problem(path, line, f"unknown quiz option '{key}'", hint)


class _OptionLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """libyaml: a course has thousands of option blocks and the pure-Python
    loaders took most of the build. Booleans are only true/false, as in
    YAML 1.2 and the front matter: ``multiple: yes`` is a mistake, not true."""


_OptionLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_OptionLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


# The everyday option line, "key: value" with a value whose YAML meaning is
# obvious (true/false, a whole number, a list of whole numbers, or text that
# starts with a letter and has no ":" or "#"). Such blocks are read without
# starting a YAML parser, which a course with thousands of quizzes notices;
# anything else, and every mistake, goes to libyaml. (No such line can hold a
# YAML anchor or alias: those are refused on the libyaml path.)
SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+(.+?)[ \t]*$")
BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NUMBER = re.compile(r"^(?:0|[1-9][0-9]{0,8})$")
NUMBERS = re.compile(r"^\[[ \t]*(?:0|[1-9][0-9]{0,8})(?:[ \t]*,[ \t]*(?:0|[1-9][0-9]{0,8}))*[ \t]*\]$")
TEXT = re.compile(r"^[A-Za-z][^:#]*$")
NOT_TEXT = {"null", "Null", "NULL"}


def _simple_value(value: str) -> tuple[bool, Any]:
    if value in BOOL:
        return True, BOOL[value]
    if NUMBER.match(value):
        return True, int(value)
    if NUMBERS.match(value):
        return True, [int(n) for n in value.strip("[] \t").split(",")]
    return (True, value) if TEXT.match(value) and value not in NOT_TEXT else (False, None)


def _load_simple(text: str, first_line: int) -> tuple[dict, list[tuple[str, int]]] | None:
    """The options when every line is an everyday one with a distinct key, else None."""
    data, keys = {}, []
    for offset, line in enumerate(text.split("\n")):
        match = SIMPLE_LINE.match(line)
        simple, value = _simple_value(match[2]) if match else (False, None)
        if not simple or match[1] in data:
            return None
        data[match[1]] = value
        keys.append((match[1], first_line + offset))
    return data, keys


def _load(text: str, path: str, first_line: int) -> tuple[Any, list[tuple[str, int]], list[Problem]]:
    """Options as data, each key with its file line, and YAML problems."""
    simple = _load_simple(text, first_line) if text else ({}, [])
    if simple is not None:
        return simple[0], simple[1], []
    refused = anchor_problems(text, path, first_line, _OptionLoader)
    if refused:  # "quiz options...": the page's other quiz checks know its options were not read
        return None, [], [dataclasses.replace(p, message=f"quiz options: {p.message}") for p in refused]
    loader = _OptionLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:  # syntax, or a character YAML refuses
        mark = getattr(error, "context_mark", None) or getattr(
            error, "problem_mark", None
        )  # where the faulty option starts
        line = mark.line + first_line if mark else first_line
        what = getattr(error, "problem", None) or str(error).split("\n")[0]
        return None, [], [Problem(path, line, f"quiz options are not valid YAML: {what}", YAML_HINT)]
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode):
        return data, [], []
    keys = [(str(k.value), k.start_mark.line + first_line) for k, _ in node.value]
    seen, problems = {}, []
    for key, line in keys:
        if key in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    f"quiz option '{key}' is given twice (first on line {seen[key]})",
                    "remove one of them; YAML would silently keep only the last",
                )
            )
        seen.setdefault(key, line)
    return data, keys, problems


def read_options(
    text: str, path: str, first_line: int, header_line: int
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Validate the options ``text`` (dedented) whose first line is ``first_line``.

    Returns the valid values, the line of every key, and the problems.
    """
    data, keys, problems = _load(text, path, first_line)
    if data is None:
        return {}, {}, problems
    if not isinstance(data, dict):
        return {}, {}, problems + [Problem(path, first_line, 'quiz options must be "key: value" lines', YAML_HINT)]
    values, lines = {}, {}
    for key, line in keys:
        if key in lines:
            continue  # a repeated option: reported once by _load
        lines[key] = line
        value = data[key] if key in data else data.get(_typed_key(data, key))
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
