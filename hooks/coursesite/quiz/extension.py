"""The Python-Markdown extension that renders ``/// quiz`` blocks.

Listed in ``mkdocs.yml`` as ``coursesite.quiz`` under ``markdown_extensions``, so it
works under any MkDocs-compatible generator, with or without our hooks.

1. A preprocessor parses the blocks with the same parser as the source check
   and leaves a placeholder line for each (``coursesite/placeholders.py``).
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

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..assessment.render import render_graded
from ..placeholders import BlockPreprocessor, PageState, PlaceholderProcessor
from ..problems import Problem
from ..safelinks import unlink
from ..urls import unsafe_scheme
from .model import Block, Quiz
from .parse import parse_block
from .render import render_error, render_quiz
from .scan import scan


def _page_blocks(lines: list[str]) -> Iterator[Block]:
    """The page's quiz blocks, each id used once on the page."""
    seen: dict[str, int] = {}
    for raw in scan(lines).blocks:
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
        yield block


class StashMark(Treeprocessor):
    """Remember where inline processing starts adding to the HTML stash:
    entries from before (fenced code, raw HTML blocks) are not author text."""

    def __init__(self, md, page: PageState):
        super().__init__(md)
        self.page = page

    def run(self, root: Element) -> None:
        self.page.stash_start = len(self.md.htmlStash.rawHtmlBlocks)


class QuizSanitizer(Treeprocessor):
    """Raw HTML inside quiz text becomes visible text; event handlers are
    dropped, and links and images to script or data addresses (e.g. from a
    reference defined outside the quiz) become plain text."""

    def __init__(self, md, page: PageState):
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
            "graded": [
                set(),
                "ids of the questions in graded assessments: rendered without their answers (coursesite/assessment)",
            ],
        }
        super().__init__(**kwargs)
        self.page = PageState()

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        self.page.graded = set(self.getConfig("graded"))
        self.reset()
        # Below fenced code (25), above raw HTML blocks (20).
        log = self.getConfig("log_problems")
        md.preprocessors.register(BlockPreprocessor(md, self.page, "quiz", _page_blocks, log), "lms_quiz", 22)
        processor = PlaceholderProcessor(md.parser, self.page, "quiz", self.render, render_error)
        md.parser.blockprocessors.register(processor, "lms_quiz", 85)
        md.treeprocessors.register(StashMark(md, self.page), "lms_quiz_stash", 20.5)
        # After attr_list (8), before abbr (7) and toc (5).
        md.treeprocessors.register(QuizSanitizer(md, self.page), "lms_quiz_sanitize", 7.5)

    def render(self, quiz: Quiz, parse_chunk) -> Element:
        """A graded assessment's question without its answers; any other quiz with them."""
        return (render_graded if quiz.id in self.page.graded else render_quiz)(quiz, parse_chunk)

    def reset(self) -> None:
        self.page.clear()
