"""Find ``/// quiz`` blocks in a page's lines, skipping fenced code.

The same scanner serves the source check (raw file, front matter included, so
line numbers are the trainer's) and the Markdown extension (text after
macros), so both always agree on what is a quiz. Examples inside ``` fences,
as in the trainer guide, are never quizzes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADER = re.compile(r"^///[ \t]*quiz(?![\w-])(?P<rest>.*)$")
INDENTED_HEADER = re.compile(r"^[ \t]+///[ \t]*quiz(?![\w-])")
CLOSE = re.compile(r"^///[ \t]*$")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# A task-list item anywhere: "- [x] ...", "* [ ] ...", "1. [X] ..."; group "mark" is the key.
TASK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(?P<mark>[ xX])\](?:[ \t]|$)")


def fence_end(lines: list[str], start: int, stop: int | None = None) -> int | None:
    """Index of the line closing a fence opened at ``start``, or None.

    A fence that is never closed is not a fence for Python-Markdown either,
    so it is then treated as ordinary text.
    """
    opening = FENCE.match(lines[start])
    if not opening or (opening["fence"][0] == "`" and "`" in opening["info"]):
        return None
    char, size = opening["fence"][0], len(opening["fence"])
    closing = re.compile(rf"^[ \t]*{re.escape(char)}{{{size},}}[ \t]*$")
    for index in range(start + 1, len(lines) if stop is None else stop):
        if closing.match(lines[index]):
            return index
    return None


def in_fenced_code(lines: list[str], index: int, start: int = 0) -> bool:
    """Whether ``lines[index]`` is part of a fenced code block (fences looked for from ``start``)."""
    while start <= index:
        closing = fence_end(lines, start)
        if closing is not None and closing >= index:
            return True
        start = (closing if closing is not None else start) + 1
    return False


@dataclass
class RawBlock:
    start: int  # index of the "/// quiz" line
    end: int  # index after the last line of the block
    closed: bool


@dataclass
class Scan:
    blocks: list[RawBlock] = field(default_factory=list)
    indented_headers: list[int] = field(default_factory=list)  # indexes of "    /// quiz" lines
    tasks_outside: list[tuple[int, str]] = field(default_factory=list)  # (index, mark) outside quizzes


def block_end(lines: list[str], start: int, header: re.Pattern[str] = HEADER) -> tuple[int, bool]:
    """Where the block opened at ``start`` ends: after its ``///`` line, or,
    when it is never closed, at the next ``header`` (a quiz's) or the end of the page.
    Tasks (``coursesite.task``) find their end the same way."""
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if CLOSE.match(line):
            return index + 1, True
        if header.match(line):
            return index, False
        closing = fence_end(lines, index)
        index = (closing if closing is not None else index) + 1
    return len(lines), False


def _indented_block_end(lines: list[str], start: int) -> int:
    """End of a quiz block written inside an admonition or list: its own
    indented ``///``, or the first line that is indented less."""
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() == "///" and line.startswith(indent):
            return index + 1
        if line.strip() and not line.startswith(indent):
            return index
    return len(lines)


def scan(lines: list[str], begin: int = 0) -> Scan:
    """Scan ``lines[begin:]`` (``begin`` skips front matter)."""
    found = Scan()
    index = begin
    while index < len(lines):
        line = lines[index]
        closing = fence_end(lines, index)
        if closing is not None:
            index = closing + 1
            continue
        if HEADER.match(line):
            end, closed = block_end(lines, index)
            found.blocks.append(RawBlock(index, end, closed))
            index = end
            continue
        if INDENTED_HEADER.match(line):
            found.indented_headers.append(index)
            index = _indented_block_end(lines, index)  # its choices are not tasks of the page
            continue
        task = TASK.match(line)
        if task:
            found.tasks_outside.append((index, task["mark"]))
        index += 1
    return found
