"""What a quiz is once parsed: plain data shared by the checks, the Markdown
extension and the facilitator's answer key."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..blocks import Header, ParsedBlock


def normalise(text: str) -> str:
    """Choice text as compared for duplicates: case and spacing do not count."""
    return " ".join(text.split()).casefold()


def choice_key(text: str) -> str:
    """A short, stable identity for a choice.

    Saved answers store these keys, not positions, so reordering or shuffling
    choices never moves a learner's answer onto another choice.
    """
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:8]


@dataclass
class Choice:
    text: str  # inline Markdown
    correct: bool
    line: int  # file line of the "- [ ]" item
    feedback: str = ""  # Markdown of the indented "> ..." lines
    feedback_line: int = 0

    @property
    def key(self) -> str:
        return choice_key(self.text)


@dataclass
class Quiz(Header):
    question: str  # inline Markdown
    choices: list[Choice] = field(default_factory=list)
    explanation: str = ""  # Markdown after the list
    multiple: bool = False
    shuffle: bool = False
    hint: str = ""
    objectives: list[int] = field(default_factory=list)  # 1-based module objective numbers
    module: str = ""  # the module a graded question tests (coursesite/assessment)
    keep_order: bool = False  # a graded question whose choices are never shuffled
    allow: list[str] = field(default_factory=list)  # item-writing rules switched off (coursesite/items)
    options_readable: bool = True  # False when the options were not valid YAML

    @property
    def correct_choices(self) -> list[Choice]:
        return [c for c in self.choices if c.correct]

    @property
    def kind(self) -> str:
        if self.multiple:
            return "multiple choice"
        names = sorted(normalise(c.text) for c in self.choices)
        return "true/false" if names == ["false", "true"] else "single choice"


class Block(ParsedBlock[Quiz]):
    """One ``/// quiz`` ... ``///`` block found in a page."""

    @property
    def quiz(self) -> Quiz | None:
        return self.content
