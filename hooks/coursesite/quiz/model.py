"""What a quiz is once parsed: plain data shared by the checks, the Markdown
extension and the facilitator's answer key."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..problems import Problem


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
class Quiz:
    id: str
    question: str  # inline Markdown
    line: int  # file line of "/// quiz"
    choices: list[Choice] = field(default_factory=list)
    explanation: str = ""  # Markdown after the list
    multiple: bool = False
    shuffle: bool = False
    hint: str = ""
    objectives: list[int] = field(default_factory=list)  # 1-based module objective numbers
    allow: list[str] = field(default_factory=list)  # item-writing rules switched off (coursesite/items)
    lines: dict[str, int] = field(default_factory=dict)  # option -> file line
    options_readable: bool = True  # False when the options were not valid YAML

    def line_of(self, option: str) -> int:
        return self.lines.get(option, self.line)

    @property
    def correct_choices(self) -> list[Choice]:
        return [c for c in self.choices if c.correct]

    @property
    def kind(self) -> str:
        if self.multiple:
            return "multiple choice"
        names = sorted(normalise(c.text) for c in self.choices)
        return "true/false" if names == ["false", "true"] else "single choice"


@dataclass
class Block:
    """One ``/// quiz`` ... ``///`` block found in a page.

    ``start`` and ``end`` index the page's lines (``end`` exclusive) so the
    Markdown extension can replace exactly these lines. ``quiz`` is None when a
    problem makes the block unusable; ``problems`` then says why.
    """

    start: int
    end: int
    quiz: Quiz | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.quiz is not None and not any(p.is_error for p in self.problems)
