"""One vocabulary for checking what trainers write in YAML: module front
matter, quiz options, the reading list, the glossary and the link options.

A validator takes the value as YAML gave it and returns ``(clean value, None)``
or ``(None, (message, hint))``; ``check_fields`` runs validators over a
block's keys and says every mistake as a ``Problem`` at its key's line, an
unknown key with the known key it most resembles
(``problems.did_you_mean``). Each feature keeps its own
words: the messages are given where the validators are made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .problems import Problem

Error = tuple[str, str]  # (message, hint)
Result = tuple[Any, Error | None]
Validator = Callable[[Any], Result]
Message = Callable[[Any], str]  # the message for a refused value, which it may quote


def is_int(value: Any) -> bool:
    """A whole number as YAML reads one (``true`` is not 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


def text_value(value: Any) -> str | None:
    """Non-empty text on one line (runs of spaces and line breaks made one space), else None."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def accepting(test: Callable[[Any], bool], message: Message, hint: str) -> Validator:
    """A validator keeping the value as written when ``test`` accepts it."""

    def check(value: Any) -> Result:
        return (value, None) if test(value) else (None, (message(value), hint))

    return check


def text(message: Message, hint: str) -> Validator:
    """Non-empty text, kept on one line."""

    def check(value: Any) -> Result:
        clean = text_value(value)
        return (clean, None) if clean is not None else (None, (message(value), hint))

    return check


def one_of(choices: Iterable[Any], message: Message, hint: str) -> Validator:
    allowed = tuple(choices)
    return accepting(lambda value: value in allowed, message, hint)


def flag(message: Message, hint: str) -> Validator:
    """true or false."""
    return accepting(lambda value: isinstance(value, bool), message, hint)


def number(low: float, high: float, message: Message, hint: str, *, whole: bool = True) -> Validator:
    """A number from ``low`` to ``high``; with ``whole``, a whole one."""

    def test(value: Any) -> bool:
        kind_ok = is_int(value) if whole else is_int(value) or isinstance(value, float)
        return kind_ok and low <= value <= high

    return accepting(test, message, hint)


@dataclass
class Checked:
    values: dict[str, Any] = field(default_factory=dict)  # key -> clean value, for the keys that passed
    lines: dict[str, int] = field(default_factory=dict)  # key -> its line
    problems: list[Problem] = field(default_factory=list)


def check_fields(
    fields: Iterable[tuple[Any, Any, int]],
    validators: dict[str, Validator],
    path: str,
    unknown: Callable[[str], Error],
) -> Checked:
    """Validate ``(key, value, line)`` of each key of a block: every key known,
    every value valid. Which keys are required is the caller's to say."""
    checked = Checked()
    for key, value, line in fields:
        name = str(key)
        checked.lines[name] = line
        if name not in validators:
            checked.problems.append(Problem(path, line, *unknown(name)))
            continue
        clean, error = validators[name](value)
        if error:
            checked.problems.append(Problem(path, line, *error))
        else:
            checked.values[name] = clean
    return checked
