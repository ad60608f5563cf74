"""The ``assessment:`` key under a module's ``module:`` front matter: it makes
the page's quizzes a graded assessment.

    module:
      id: final-assessment
      pass_mark: 80
      assessment:
        attempts: 3                # at least 1
        draw: 25                   # questions per attempt; default: the whole pool
        per_module: 2              # at least this many drawn per module tested
        review: after-each-attempt # after-each-attempt | after-pass | after-last-attempt | never
        record: best               # best | last

Every key is checked at its line; the rules that need the page's questions
(a draw larger than the pool, minimums that cannot be met) are in ``pool.py``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem
from ..yamlsrc import key_line

REVIEWS = ("after-each-attempt", "after-pass", "after-last-attempt", "never")
RECORDS = ("best", "last")
MAX_ATTEMPTS = 20  # the browser's progress record keeps at most this many per assessment
MAX_DRAW = 200


@dataclass
class Assessment:
    attempts: int = 3
    draw: int | None = None  # None: every question of the pool
    per_module: int = 0
    review: str = "after-each-attempt"
    record: str = "best"
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.lines.get("assessment", 1))


def _whole(low: int, high: int, what: str):
    def check(value: Any) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return None
        return f"must be a whole number from {low} to {high} ({what}), not {value!r}"

    return check


def _one_of(names: tuple[str, ...]):
    def check(value: Any) -> str | None:
        return None if value in names else f"must be one of {', '.join(names)}, not {value!r}"

    return check


# key -> (check, hint)
KEYS = {
    "attempts": (_whole(1, MAX_ATTEMPTS, "attempts a learner has"), "e.g. attempts: 3"),
    "draw": (_whole(1, MAX_DRAW, "questions in one attempt"), "e.g. draw: 25, or remove it to show every question"),
    "per_module": (_whole(0, MAX_DRAW, "questions drawn per module"), "e.g. per_module: 2, or 0 for no minimum"),
    "review": (_one_of(REVIEWS), "e.g. review: after-each-attempt"),
    "record": (_one_of(RECORDS), "record: best keeps the best attempt, record: last the latest"),
}


def parse_assessment(block: Any, path: str, first: int, line: int) -> tuple[Assessment | None, list[Problem]]:
    """Validate the ``assessment:`` mapping whose key is on file line ``line``."""
    if not hasattr(block, "items"):
        return None, [
            Problem(path, line, "'assessment' must be a mapping of keys", "indent attempts:, draw: ... under it")
        ]
    values, lines, problems = {}, {"assessment": line}, []
    for key, value in block.items():
        at = key_line(block, key, first)
        lines[str(key)] = at
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), list(KEYS), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(KEYS)}"
            problems.append(Problem(path, at, f"unknown key '{key}' in assessment", hint))
            continue
        check, hint = KEYS[key]
        error = check(value)
        if error:
            problems.append(Problem(path, at, f"assessment '{key}' {error}", hint))
        else:
            values[str(key)] = value
    if problems:
        return None, problems
    return Assessment(**values, lines=lines), []


def pass_mark_problem(pass_mark: Any, path: str, line: int) -> list[Problem]:
    """A graded assessment's pass mark is 1-100: 0 would pass a learner who answered nothing."""
    if isinstance(pass_mark, int) and not isinstance(pass_mark, bool) and 1 <= pass_mark <= 100:
        return []
    return [
        Problem(
            path,
            line,
            f"a graded assessment's 'pass_mark' must be from 1 to 100, not {pass_mark!r}",
            "e.g. pass_mark: 80",
        )
    ]
