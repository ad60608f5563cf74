"""The rubric of a task: a Markdown table, criteria as rows and levels as
columns (the first column names the criteria), and its rules."""

from __future__ import annotations

import re

from ..problems import Problem
from ..quiz.model import normalise
from .model import Criterion

SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
TABLE_HINT = "write the rubric as a Markdown table: | Criterion | Level 1 | Level 2 |, then | --- | --- | --- |, then one row per criterion"


def is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|")


def cells(line: str) -> list[str]:
    """A table row's cells (``\\|`` is a bar inside a cell)."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


def _duplicates(names: list[tuple[str, int]], what: str, path: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for name, line in names:
        key = normalise(name)
        if key in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    f"rubric {what} '{name}' is given twice (first on line {seen[key]})",
                    f"give every {what} its own name",
                )
            )
        seen.setdefault(key, line)
    return problems


def parse_rubric(rows: list[tuple[int, str]], path: str) -> tuple[list[str], list[Criterion], list[Problem]]:
    """``rows``: (file line, text) of the table's lines. Returns the levels,
    the criteria and the problems."""
    header_line, header = rows[0]
    if len(rows) < 2 or not all(SEPARATOR_CELL.match(c) for c in cells(rows[1][1])):
        return [], [], [Problem(path, header_line, "rubric table has no separator row under its first row", TABLE_HINT)]
    levels = cells(header)[1:]
    problems = []
    if len(levels) < 2:
        problems.append(
            Problem(
                path,
                header_line,
                f"rubric has {len(levels)} level(s); it needs at least 2",
                "add a column for each level, lowest first, e.g. | Criterion | Developing | Strong |",
            )
        )
    problems += [
        Problem(
            path,
            header_line,
            f"rubric level {number} has no name",
            "write a name in every column heading after the first",
        )
        for number, level in enumerate(levels, start=1)
        if not level
    ]
    criteria = []
    for line, text in rows[2:]:
        row = cells(text)
        name, descriptors = row[0], row[1:]
        if not name:
            problems.append(
                Problem(path, line, "rubric row has no criterion", "name the criterion in the row's first cell")
            )
        if len(descriptors) != len(levels):
            problems.append(
                Problem(
                    path,
                    line,
                    f"rubric row '{name}' has {len(descriptors)} descriptor(s) but the rubric has {len(levels)} levels",
                    "give every criterion one cell per level, in the order of the column headings",
                )
            )
        elif not all(descriptors):
            problems.append(
                Problem(
                    path,
                    line,
                    f"rubric row '{name}' has an empty descriptor",
                    "describe what each level looks like for this criterion",
                )
            )
        criteria.append(Criterion(name, line, descriptors))
    if len(criteria) < 2:
        problems.append(
            Problem(
                path,
                header_line,
                f"rubric has {len(criteria)} criterion row(s); it needs at least 2",
                "add a row for each criterion you will score",
            )
        )
    problems += _duplicates([(c.name, c.line) for c in criteria if c.name], "criterion", path)
    problems += _duplicates([(level, header_line) for level in levels if level], "level", path)
    return levels, criteria, problems
