"""Read a Markdown source file and split its YAML front matter, keeping lines.

MkDocs strips front matter before extensions see the page, so every line
number we report is computed from the raw file here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .yamlsrc import load_yaml

FENCE = "---"


@dataclass
class SourceFile:
    path: str  # as reported to trainers, e.g. "docs/modules/01-x.md"
    text: str
    meta: Any = None  # parsed front matter (a line-aware mapping, coursesite.yamlsrc) or None
    meta_first_line: int = 2  # file line of the first front-matter line
    body_first_line: int = 1  # file line where the Markdown body starts
    problems: list[Problem] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def decode_source(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(path, line, "file is not valid UTF-8", "save the file with UTF-8 encoding in your editor")
        ]
    return text.replace("\r\n", "\n"), []


def split_front_matter(text: str, path: str) -> SourceFile:
    source = SourceFile(path, text)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return source
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            front = "\n".join(lines[1:index])
            source.body_first_line = index + 2
            meta, problems = load_yaml(front, path, first_line=2)
            source.problems += problems
            source.meta = meta if meta is not None else ({} if not problems else None)
            return source
    source.problems.append(
        Problem(path, 1, "front matter is never closed", "add a line with just --- after the last front-matter line")
    )
    return source


def read_source(file: Path, path: str) -> SourceFile:
    """Read and split ``file``; problems are recorded, never raised."""
    try:
        raw = file.read_bytes()
    except OSError as error:
        source = SourceFile(path, "")
        source.problems.append(
            Problem(path, 0, f"cannot read file: {error.strerror}", "check that the file exists and is readable")
        )
        return source
    text, problems = decode_source(raw, path)
    if text is None:
        source = SourceFile(path, "")
        source.problems += problems
        return source
    return split_front_matter(text, path)
