"""A finding of one rule, and the option texts the rules compare."""

from __future__ import annotations

from dataclasses import dataclass

from ..quiz.model import Quiz
from . import words as w


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int
    message: str


def texts(quiz: Quiz) -> tuple[list[str], list[str]]:
    """Plain text of the correct options and of the distractors."""
    right = [w.plain(c.text) for c in quiz.choices if c.correct]
    wrong = [w.plain(c.text) for c in quiz.choices if not c.correct]
    return right, wrong
