"""The two Markdown processors every ``/// name`` block extension needs (quiz, task).

A preprocessor (after fenced code is stashed, so examples in ``` fences stay
examples) parses the blocks and leaves a numbered placeholder line for each; a
block processor turns each placeholder into the rendered form, or into a
visible error box when the block is invalid (never into plain text). The
extensions differ only in how a block is found and parsed and how it renders.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from .blocks import ParsedBlock


@dataclass
class PageState:
    """What the processors hand on to each other while one page is converted."""

    blocks: list[ParsedBlock] = field(default_factory=list)  # by placeholder number
    forms: list[Element] = field(default_factory=list)  # the rendered forms, for the sanitizer
    stash_start: int = 0  # HTML stash entries before this one are not author text
    graded: set[str] = field(default_factory=set)  # question ids of graded assessments (kept across pages)

    def clear(self) -> None:
        self.blocks.clear()
        self.forms.clear()
        self.stash_start = 0


def placeholder(kind: str, number: int) -> str:
    return f"\x02lms-{kind}:{number}\x03"


class BlockPreprocessor(Preprocessor):
    """Each block ``parse(lines)`` finds (in order, with Markdown line numbers) becomes a
    numbered placeholder line; its problems go to the ``coursesite.<kind>`` logger."""

    def __init__(self, md, page: PageState, kind: str, parse: Callable[[list[str]], Iterable[ParsedBlock]], log: bool):
        super().__init__(md)
        self.page, self.kind, self.parse, self.log_problems = page, kind, parse, log

    def run(self, lines: list[str]) -> list[str]:
        log = logging.getLogger(f"coursesite.{self.kind}")
        out: list[str] = []
        previous = 0
        for block in self.parse(lines):
            for problem in block.problems if self.log_problems else ():
                log.warning("Markdown line %s: %s (%s)", problem.line, problem.message, problem.hint)
            out += [*lines[previous : block.start], "", placeholder(self.kind, len(self.page.blocks)), ""]
            self.page.blocks.append(block)
            previous = block.end
        return out + lines[previous:]


class PlaceholderProcessor(BlockProcessor):
    """Each placeholder becomes ``render(content, parse_chunk)`` (the parsed quiz or task),
    or ``render_errors(errors)`` for a block that cannot be shown."""

    def __init__(self, parser, page: PageState, kind: str, render: Callable, render_errors: Callable):
        super().__init__(parser)
        self.page, self.kind, self.render, self.render_errors = page, kind, render, render_errors
        self.pattern = re.compile(rf"^\x02lms-{kind}:(\d+)\x03$")

    def test(self, parent: Element, block: str) -> bool:
        return block.startswith(f"\x02lms-{self.kind}:") and self.pattern.match(block.strip()) is not None

    def run(self, parent: Element, blocks: list[str]) -> None:
        number = self.pattern.match(blocks.pop(0).strip())
        assert number is not None  # test() said so
        block = self.page.blocks[int(number[1])]
        if block.ok:
            element = self.render(block.content, self.parser.parseChunk)
            self.page.forms.append(element)
        else:
            element = self.render_errors([p for p in block.problems if p.is_error])
        parent.append(element)
