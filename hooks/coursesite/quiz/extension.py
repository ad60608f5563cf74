"""The Python-Markdown extension that renders ``/// quiz`` blocks.

Listed in ``mkdocs.yml`` as ``coursesite.quiz`` under ``markdown_extensions``, so it
works under any MkDocs-compatible generator, with or without our hooks.

1. A preprocessor (after fenced code is stashed, so examples in ``` fences
   stay examples) parses the blocks with the same parser as the source check
   and leaves a placeholder line for each.
2. A block processor turns each placeholder into the quiz form, or into a
   visible error box when the block is invalid (never into plain text).
3. Raw HTML in author text is turned back into text after inline
   processing: ``<script>`` or ``onerror=`` in a quiz never becomes markup,
   and a link or image to a script or data address (``unsafe.py``; the
   source check reports it) becomes plain text.

Problems are logged to the ``coursesite.quiz`` logger with Markdown line numbers,
unless the ``log_problems`` option is false: the MkDocs hook sets it for its
build, whose source check reports them at their file lines.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..problems import Problem
from ..safelinks import unlink
from ..urls import unsafe_scheme
from .parse import parse_block
from .render import render_error, render_quiz
from .scan import scan

log = logging.getLogger("coursesite.quiz")
PLACEHOLDER = "\x02lms-quiz:{}\x03"
PLACEHOLDER_RE = re.compile(r"^\x02lms-quiz:(\d+)\x03$")


@dataclass
class PageQuizState:
    """What the processors hand on to each other while one page is converted."""

    blocks: list = field(default_factory=list)  # by placeholder number (quiz or task blocks)
    forms: list[Element] = field(default_factory=list)  # the rendered quizzes, for the sanitizer
    stash_start: int = 0  # HTML stash entries before this one are not author text

    def clear(self) -> None:
        self.blocks.clear()
        self.forms.clear()
        self.stash_start = 0


class QuizPreprocessor(Preprocessor):
    def __init__(self, md, page: PageQuizState, log_problems: bool = True):
        super().__init__(md)
        self.page = page
        self.log_problems = log_problems

    def run(self, lines: list[str]) -> list[str]:
        found = scan(lines)
        if not found.blocks:
            return lines
        out: list[str] = []
        previous = 0
        seen: dict[str, int] = {}
        for raw in found.blocks:
            block = parse_block(lines, raw, "", first_line=1)
            quiz = block.quiz
            if quiz and quiz.id in seen:
                block.problems.append(
                    Problem(
                        "",
                        quiz.line_of("id"),
                        f"quiz id '{quiz.id}' is already used on this page (line {seen[quiz.id]})",
                        "give each quiz its own id",
                    )
                )
            elif quiz and quiz.id:
                seen[quiz.id] = quiz.line_of("id")
            for problem in block.problems if self.log_problems else ():
                log.warning("Markdown line %s: %s (%s)", problem.line, problem.message, problem.hint)
            out += [*lines[previous : raw.start], "", PLACEHOLDER.format(len(self.page.blocks)), ""]
            self.page.blocks.append(block)
            previous = raw.end
        return out + lines[previous:]


class QuizBlockProcessor(BlockProcessor):
    def __init__(self, parser, page: PageQuizState):
        super().__init__(parser)
        self.page = page

    def test(self, parent: Element, block: str) -> bool:
        return block.startswith("\x02lms-quiz:") and PLACEHOLDER_RE.match(block.strip()) is not None

    def run(self, parent: Element, blocks: list[str]) -> None:
        placeholder = PLACEHOLDER_RE.match(blocks.pop(0).strip())
        assert placeholder is not None  # test() said so
        block = self.page.blocks[int(placeholder[1])]
        if block.ok and block.quiz is not None:
            element = render_quiz(block.quiz, self.parser.parseChunk)
            self.page.forms.append(element)
        else:
            element = render_error([p for p in block.problems if p.is_error])
        parent.append(element)


class StashMark(Treeprocessor):
    """Remember where inline processing starts adding to the HTML stash:
    entries from before (fenced code, raw HTML blocks) are not author text."""

    def __init__(self, md, page: PageQuizState):
        super().__init__(md)
        self.page = page

    def run(self, root: Element) -> None:
        self.page.stash_start = len(self.md.htmlStash.rawHtmlBlocks)


class QuizSanitizer(Treeprocessor):
    """Raw HTML inside quiz text becomes visible text; event handlers are
    dropped, and links and images to script or data addresses (e.g. from a
    reference defined outside the quiz) become plain text."""

    def __init__(self, md, page: PageQuizState):
        super().__init__(md)
        self.page = page

    def _text(self, text: str) -> str:
        stash, start = self.md.htmlStash.rawHtmlBlocks, self.page.stash_start

        def restore(match: re.Match[str]) -> str:
            index = int(match[1])
            value = stash[index] if index < len(stash) else None
            if index >= start and isinstance(value, str) and value.lstrip().startswith("<"):
                return value  # serialised as escaped text
            return match[0]

        return HTML_PLACEHOLDER_RE.sub(restore, text)

    def run(self, root: Element) -> None:
        for form in self.page.forms:
            for element in form.iter():
                attrib = element.attrib
                if attrib:
                    for name in [n for n in attrib if n[:2].lower() == "on"]:
                        del attrib[name]
                    if element.tag in ("a", "img") and unsafe_scheme(
                        attrib.get("href" if element.tag == "a" else "src", "")
                    ):
                        unlink(element)
                text, tail = element.text, element.tail
                if text and "\x02" in text and element.tag not in ("code", "pre"):  # code text is already literal
                    element.text = self._text(text)
                if tail and "\x02" in tail:
                    element.tail = self._text(tail)


class QuizExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "log_problems": [True, "log each invalid quiz's problems (the course hook's build reports them itself)"],
        }
        super().__init__(**kwargs)
        self.page = PageQuizState()

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        self.reset()
        # Below fenced code (25), above raw HTML blocks (20).
        md.preprocessors.register(QuizPreprocessor(md, self.page, self.getConfig("log_problems")), "lms_quiz", 22)
        md.parser.blockprocessors.register(QuizBlockProcessor(md.parser, self.page), "lms_quiz", 85)
        md.treeprocessors.register(StashMark(md, self.page), "lms_quiz_stash", 20.5)
        # After attr_list (8), before abbr (7) and toc (5).
        md.treeprocessors.register(QuizSanitizer(md, self.page), "lms_quiz_sanitize", 7.5)

    def reset(self) -> None:
        self.page.clear()
