"""The body of a quiz block: the choice list with its feedback, then the
explanation, and the rules about choices (docs/guide/quizzes.md)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ..problems import Problem
from .model import Choice, normalise
from .scan import TASK, fence_end

CHOICE = re.compile(r"^[-*+][ \t]+\[(?P<mark>[ xX])\](?P<text>(?:[ \t].*)?)$")
OPTION_LIKE = re.compile(r"^[ \t]+[A-Za-z_]\w*[ \t]*:")

NOT_A_CHOICE = (
    "task list item is not part of the choice list",
    'write every choice as "- [ ] text" or "- [x] text" at the left margin, in one list before the explanation',
)
NOT_UNDER_CHOICE = (
    "feedback line is not under a choice",
    'indent the "> ..." line 4 spaces, directly under the choice it explains',
)
BEFORE_CHOICES = (
    "text before the first choice",
    "put the question after the bar on the /// quiz line and the explanation after the choices",
)
OPTIONS_TOO_LATE = (
    "quiz option after a blank line",
    "put the options directly under the /// quiz line, with no blank line between",
)


@dataclass
class Body:
    choices: list[Choice] = field(default_factory=list)
    explanation: str = ""
    problems: list[Problem] = field(default_factory=list)


class _Reader:
    """Walks the body lines once, keeping which part we are in."""

    def __init__(self, path: str, first_line: int):
        self.path, self.first_line = path, first_line
        self.body = Body()
        self.explaining = False
        self.explanation: list[str] = []

    def problem(self, index: int, rule: tuple[str, str]) -> None:
        self.body.problems.append(Problem(self.path, index + self.first_line, *rule))

    @property
    def choice(self) -> Choice | None:
        return self.body.choices[-1] if self.body.choices and not self.explaining else None

    def add_choice(self, index: int, mark: str, text: str) -> None:
        self.body.choices.append(Choice(text=text.strip(), correct=mark in "xX", line=index + self.first_line))

    def under_choice(self, choice: Choice, index: int, text: str) -> None:
        """An indented line under the current choice: feedback, or more choice text."""
        stripped = text.strip()
        if stripped.startswith(">"):
            choice.feedback_line = choice.feedback_line or index + self.first_line
            choice.feedback += ("\n" if choice.feedback else "") + re.sub(r"^> ?", "", stripped)
        elif choice.feedback:  # lazy continuation of the feedback, as in Markdown
            choice.feedback += "\n" + stripped
        else:
            choice.text = f"{choice.text} {stripped}".strip()

    def line(self, index: int, text: str) -> None:
        indented = text[:1] in (" ", "\t")
        choice_match = CHOICE.match(text)
        if not text.strip():
            if self.explaining:
                self.explanation.append("")
        elif choice_match and not self.explaining:
            self.add_choice(index, choice_match["mark"], choice_match["text"])
        elif TASK.match(text):
            self.problem(index, NOT_A_CHOICE)
        elif indented and (choice := self.choice) is not None:
            self.under_choice(choice, index, text)
        elif self.explaining:
            if indented and text.lstrip().startswith(">"):
                self.problem(index, NOT_UNDER_CHOICE)
            else:
                self.explanation.append(text)
        elif text.lstrip().startswith(">"):
            self.problem(index, NOT_UNDER_CHOICE)
        elif not self.body.choices:
            self.problem(index, OPTIONS_TOO_LATE if OPTION_LIKE.match(text) else BEFORE_CHOICES)
        else:
            self.explaining = True
            self.explanation.append(text)

    def fenced(self, lines: list[str], start: int, end: int) -> None:
        """A fenced code block inside the quiz: explanation, or part of a choice's feedback."""
        if lines[start][:1] in (" ", "\t") and self.choice is not None:
            self.choice.feedback += "\n" + textwrap.dedent("\n".join(lines[start : end + 1]))
        elif self.body.choices or self.explaining:
            self.explaining = True
            self.explanation += lines[start : end + 1]
        else:
            self.problem(start, BEFORE_CHOICES)


def _choice_problems(choices: list[Choice], multiple: bool, path: str, header: int) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for choice in choices:
        if not choice.text:
            problems.append(Problem(path, choice.line, "choice has no text", "write the choice after [ ] or [x]"))
        elif normalise(choice.text) in seen:
            problems.append(
                Problem(
                    path,
                    choice.line,
                    f"choice repeats the text of the choice on line {seen[normalise(choice.text)]}",
                    "make every choice different",
                )
            )
        else:
            seen[normalise(choice.text)] = choice.line
    how = 'add choices as "- [ ] text" lines at the left margin, one per choice'
    if not choices:
        return [*problems, Problem(path, header, "quiz has no choices; it needs at least 2", how)]
    first, correct = choices[0].line, [c for c in choices if c.correct]
    if len(choices) < 2:
        problems.append(Problem(path, first, "quiz has only 1 choice; it needs at least 2", how))
    if not correct:
        problems.append(
            Problem(
                path,
                first,
                "no choice is marked [x]",
                "mark the right answer with [x], e.g. - [x] Ask them what has changed",
            )
        )
    elif len(correct) > 1 and not multiple:
        problems.append(
            Problem(
                path,
                correct[1].line,
                "more than one choice is marked [x] in a single-choice quiz",
                "keep one [x], or add multiple: true to the options",
            )
        )
    elif multiple and len(correct) == len(choices) > 1:
        problems.append(
            Problem(
                path,
                first,
                "every choice is marked [x]",
                "a multiple-choice quiz needs at least one wrong choice, marked [ ]",
            )
        )
    return problems


def parse_body(
    lines: list[str], start: int, stop: int, path: str, first_line: int, *, multiple: bool, header: int
) -> Body:
    reader = _Reader(path, first_line)
    index = start
    while index < stop:
        closing = fence_end(lines, index, stop)
        if closing is not None:
            reader.fenced(lines, index, closing)
            index = closing + 1
            continue
        reader.line(index, lines[index])
        index += 1
    body = reader.body
    body.explanation = "\n".join(reader.explanation).strip("\n")
    body.problems += _choice_problems(body.choices, multiple, path, header)
    return body
