"""Parse ``/// quiz`` blocks into ``Quiz`` values and problems at file lines.

The one parser behind validation, rendering and the answer key. A block is

    /// quiz | Question?          header (the question is inline Markdown)
        id: some-id               options: indented YAML, no blank line above
    - [ ] Wrong choice            choices: one task list at the left margin
        > Why it is wrong         feedback: indented "> " lines under a choice
    - [x] Right choice
    Explanation Markdown...       everything after the list
    ///

Nothing here raises for bad content: problems are returned as data.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..problems import Problem
from .body import OPTION_LIKE, OPTIONS_TOO_LATE, parse_body
from .model import Block, Quiz
from .options import read_options
from .scan import HEADER, RawBlock, scan
from .unsafe import unsafe_link_problems


def _question(rest: str, path: str, line: int) -> tuple[str, list[Problem]]:
    rest = rest.strip()
    if rest.startswith("|"):
        question = rest[1:].strip()
    elif rest:
        return rest, [Problem(path, line, "the question must come after a bar", "write /// quiz | What would you do?")]
    else:
        question = ""
    if not question:
        return "", [
            Problem(
                path, line, "quiz has no question", "write the question after the bar: /// quiz | What would you do?"
            )
        ]
    return question, []


def _is_option(line: str) -> bool:
    """An indented, non-blank line (a "> " line there is misplaced feedback, left for the body rules)."""
    return line[:1] in (" ", "\t") and bool(line.strip()) and not line.lstrip().startswith(">")


def _options_span(lines: list[str], start: int, stop: int) -> tuple[int, int, int | None]:
    """Where the options are: the indented lines right under the header.

    Options written after a blank line are still read (so their id and
    objectives count) but reported once; returns (first, end, misplaced index)."""
    first = start
    while first < stop and not lines[first].strip():
        first += 1
    if first > start and not (first < stop and OPTION_LIKE.match(lines[first])):
        return start, start, None
    end = first
    while end < stop and _is_option(lines[end]):
        end += 1
    return first, end, first if first > start else None


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def parse_block(lines: list[str], raw: RawBlock, path: str, first_line: int = 1) -> Block:
    """Parse ``lines[raw.start:raw.end]``; ``first_line`` is the file line of ``lines[0]``."""
    line_of = lambda index: index + first_line  # noqa: E731 - tiny local mapping
    header = line_of(raw.start)
    header_match = HEADER.match(lines[raw.start])
    assert header_match is not None  # scan() starts a block only at a header line
    question, problems = _question(header_match["rest"], path, header)
    first, body_start, misplaced = _options_span(lines, raw.start + 1, raw.end)
    if misplaced is not None:
        problems.append(Problem(path, line_of(misplaced), *OPTIONS_TOO_LATE))
    option_text = textwrap.dedent("\n".join(lines[first:body_start]))
    values, option_lines, option_problems = read_options(option_text, path, line_of(first), header)
    problems += option_problems
    body_end = raw.end - 1 if raw.closed else raw.end
    body = parse_body(
        lines, body_start, body_end, path, first_line, multiple=values.get("multiple") is True, header=header
    )
    problems += body.problems
    problems += unsafe_link_problems(lines, raw.start, raw.end, path, first_line)
    if not raw.closed:
        problems.append(Problem(path, header, "quiz is never closed", "add a line with just /// after the explanation"))
    objective = values.get("objective", [])
    quiz = Quiz(
        id=str(values.get("id", "")),
        question=question,
        line=header,
        choices=body.choices,
        explanation=body.explanation,
        multiple=values.get("multiple") is True,
        shuffle=values.get("shuffle") is True,
        hint=str(values.get("hint", "")).strip(),
        objectives=[int(n) for n in _as_list(objective)],
        allow=_as_list(values.get("allow", [])),
        module=str(values.get("module", "")),
        keep_order=values.get("keep_order") is True,
        lines=option_lines,
        options_readable=not any(p.message.startswith("quiz options") for p in option_problems),
    )
    return Block(raw.start, raw.end, quiz, problems)


@dataclass
class PageQuizzes:
    path: str  # as reported, e.g. docs/modules/01-x.md
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the page, not one block
    tasks_outside: list[tuple[int, str]] = field(default_factory=list)  # (file line, mark)

    @property
    def quizzes(self) -> list[Quiz]:
        return [b.quiz for b in self.blocks if b.quiz is not None]


def parse_page(text: str, path: str, begin: int = 0) -> PageQuizzes:
    """Every quiz block of a page, with problems at file lines.

    ``begin`` is the index of the first body line: front matter is skipped
    but line numbers stay those of the file."""
    lines = text.split("\n")
    found = scan(lines, begin)
    page = PageQuizzes(path, [parse_block(lines, raw, path) for raw in found.blocks])
    page.problems = [
        Problem(
            path,
            index + 1,
            "quiz block is indented, so it would not be shown as a quiz",
            "start /// quiz at the left margin; a quiz cannot sit inside an admonition, list or tab",
        )
        for index in found.indented_headers
    ]
    page.tasks_outside = [(index + 1, mark) for index, mark in found.tasks_outside]
    return page
