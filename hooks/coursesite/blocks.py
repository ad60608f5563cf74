"""What every ``/// quiz`` and ``/// task`` block has once parsed, whatever it holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .problems import Problem


@dataclass(kw_only=True)
class Header:
    """The block's id and where its ``/// name`` line and each option stand in the file,
    so that a problem with an option is reported at the option's own line."""

    id: str
    line: int  # file line of the "/// name" line
    lines: dict[str, int] = field(default_factory=dict)  # option -> file line

    def line_of(self, option: str) -> int:
        return self.lines.get(option, self.line)


Content = TypeVar("Content", bound=Header)


@dataclass
class ParsedBlock(Generic[Content]):
    """One block found in a page.

    ``start`` and ``end`` index the page's lines (``end`` exclusive) so the
    Markdown extension can replace exactly these lines. ``content`` is None when a
    problem makes the block unusable; ``problems`` then says why.
    """

    start: int
    end: int
    content: Content | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.content is not None and not any(p.is_error for p in self.problems)
