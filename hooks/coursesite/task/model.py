"""What a task is once parsed: plain data for the checks, the renderer and
the portfolio page."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Header, ParsedBlock
from ..quiz.model import choice_key


@dataclass
class Criterion:
    name: str  # inline Markdown, the row's first cell
    line: int  # file line of its table row
    descriptors: list[str] = field(default_factory=list)  # one per level, inline Markdown

    @property
    def key(self) -> str:
        """The criterion's identity in saved scores: a short hash of its text,
        so reordering rows never moves a learner's score to another criterion."""
        return choice_key(self.name)


@dataclass
class Task(Header):
    title: str  # inline Markdown
    prompt: str = ""  # Markdown before the rubric
    levels: list[str] = field(default_factory=list)  # column headings after the first, lowest first
    criteria: list[Criterion] = field(default_factory=list)
    model_answer: str = ""  # Markdown after the "Model answer:" line

    @property
    def level_keys(self) -> list[str]:
        return [choice_key(level) for level in self.levels]


class TaskBlock(ParsedBlock[Task]):
    """One ``/// task`` ... ``///`` block found in a page."""

    @property
    def task(self) -> Task | None:
        return self.content
