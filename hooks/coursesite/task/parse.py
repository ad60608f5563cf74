"""Parse ``/// task`` blocks into ``Task`` values and problems at file lines.

    /// task | Write a recognition message     header (the title is inline Markdown)
        id: recognition-message                options: indented YAML, no blank line above
    The prompt, in Markdown...
    | Criterion | Developing | Strong |         the rubric: a Markdown table
    | --- | --- | --- |
    | Specific | ... | ... |
    Model answer:                              optional: a line with just this
    The model answer, in Markdown...
    ///

The one parser behind the source check, the Markdown extension and the
portfolio page. Nothing here raises for bad content: problems are data.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ..problems import Problem
from ..quiz.parse import _options_span
from ..quiz.scan import block_end, fence_end
from .model import Task, TaskBlock
from .options import read_options
from .rubric import TABLE_HINT, is_table_line, parse_rubric

HEADER = re.compile(r"^///[ \t]*task(?![\w-])(?P<rest>.*)$")
INDENTED_HEADER = re.compile(r"^[ \t]+///[ \t]*task(?![\w-])")
MODEL_ANSWER = re.compile(r"^model answer:[ \t]*$", re.IGNORECASE)


def _title(rest: str, path: str, line: int) -> tuple[str, list[Problem]]:
    rest = rest.strip()
    title = rest[1:].strip() if rest.startswith("|") else ""
    if title:
        return title, []
    if rest:
        return rest, [
            Problem(path, line, "the task title must come after a bar", "write /// task | Write a recognition message")
        ]
    return "", [
        Problem(
            path, line, "task has no title", "write the title after the bar: /// task | Write a recognition message"
        )
    ]


def _parts(lines: list[str], start: int, stop: int) -> tuple[list[int], list[int], list[int], int | None]:
    """Indexes of the prompt lines, the table lines, the lines after the table,
    and the "Model answer:" line; fenced code is never a table or a marker."""
    prompt: list[int] = []
    table: list[int] = []
    after: list[int] = []
    marker: int | None = None
    index = start
    while index < stop:
        closing = fence_end(lines, index, stop)
        span = range(index, (closing if closing is not None else index) + 1)
        line = lines[index]
        if marker is not None:
            after += span
        elif closing is None and MODEL_ANSWER.match(line):
            marker = index
        elif closing is None and is_table_line(line) and (not table or table[-1] == index - 1) and not after:
            table.append(index)
        elif table:
            after += span
        else:
            prompt += span
        index = span[-1] + 1
    return prompt, table, after, marker


def _text(lines: list[str], indexes: list[int]) -> str:
    return "\n".join(lines[i] for i in indexes).strip("\n")


def _body(task: Task, lines: list[str], start: int, stop: int, path: str, first_line: int) -> list[Problem]:
    prompt, table, after, marker = _parts(lines, start, stop)
    line_of = lambda index: index + first_line  # noqa: E731 - tiny local mapping
    task.prompt = _text(lines, prompt)
    problems = []
    if not task.prompt.strip():
        problems.append(
            Problem(path, task.line, "task has no prompt", "write what the learner should do before the rubric table")
        )
    if not table:
        problems.append(Problem(path, task.line, "task has no rubric", TABLE_HINT))
    else:
        rows = [(line_of(i), lines[i]) for i in table]
        task.levels, task.criteria, rubric_problems = parse_rubric(rows, path)
        problems += rubric_problems
    stray = [i for i in after if lines[i].strip()] if marker is None else []
    if stray:
        problems.append(
            Problem(
                path,
                line_of(stray[0]),
                "text after the rubric",
                'put it in the prompt, or after a line "Model answer:" if it is the model answer',
            )
        )
    if marker is not None:
        task.model_answer = textwrap.dedent(_text(lines, after)).strip()
        if not task.model_answer:
            problems.append(
                Problem(
                    path,
                    line_of(marker),
                    "model answer is empty",
                    'write the model answer after the "Model answer:" line, or remove the line',
                )
            )
    return problems


def parse_block(lines: list[str], start: int, end: int, closed: bool, path: str, first_line: int = 1) -> TaskBlock:
    """Parse ``lines[start:end]``; ``first_line`` is the file line of ``lines[0]``."""
    header = start + first_line
    opened = HEADER.match(lines[start])
    assert opened is not None  # find_blocks found the block by this header
    title, problems = _title(opened["rest"], path, header)
    first, body_start, misplaced = _options_span(lines, start + 1, end)
    if misplaced is not None:
        problems.append(
            Problem(
                path,
                misplaced + first_line,
                "task option after a blank line",
                "put the options directly under the /// task line, with no blank line between",
            )
        )
    values, option_lines, option_problems = read_options(
        textwrap.dedent("\n".join(lines[first:body_start])), path, first + first_line, header
    )
    problems += option_problems
    task = Task(id=str(values.get("id", "")), title=title, line=header, lines=option_lines)
    problems += _body(task, lines, body_start, end - 1 if closed else end, path, first_line)
    if not closed:
        problems.append(
            Problem(
                path, header, "task is never closed", "add a line with just /// after the rubric or the model answer"
            )
        )
    return TaskBlock(start, end, task, problems)


def find_blocks(lines: list[str], begin: int = 0) -> tuple[list[tuple[int, int, bool]], list[int]]:
    """(start, end, closed) of every task block in ``lines[begin:]``, outside
    fenced code, and the indexes of indented ``/// task`` headers."""
    blocks, indented, index = [], [], begin
    while index < len(lines):
        closing = fence_end(lines, index)
        if closing is not None:
            index = closing + 1
        elif HEADER.match(lines[index]):
            end, closed = block_end(lines, index, HEADER)
            blocks.append((index, end, closed))
            index = end
        else:
            if INDENTED_HEADER.match(lines[index]):
                indented.append(index)
            index += 1
    return blocks, indented


@dataclass
class PageTasks:
    path: str
    blocks: list[TaskBlock] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the page, not one block

    @property
    def tasks(self) -> list[Task]:
        return [b.task for b in self.blocks if b.task is not None]


def parse_page(text: str, path: str, begin: int = 0) -> PageTasks:
    """Every task block of a page; ``begin`` skips front matter, lines stay the file's."""
    lines = text.split("\n")
    blocks, indented = find_blocks(lines, begin)
    page = PageTasks(path, [parse_block(lines, start, end, closed, path) for start, end, closed in blocks])
    page.problems = [
        Problem(
            path,
            index + 1,
            "task block is indented, so it would not be shown as a task",
            "start /// task at the left margin; a task cannot sit inside an admonition, list or tab",
        )
        for index in indented
    ]
    return page
