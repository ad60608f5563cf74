"""The Python-Markdown extension that renders ``/// task`` blocks.

Listed in ``mkdocs.yml`` as ``coursesite.task``. Built like the quiz
extension (``coursesite.quiz.extension``): a preprocessor below fenced code
finds the blocks and leaves a placeholder line, a block processor turns it
into the task form or a visible error box, and the quiz's sanitizer turns
raw HTML in author text back into text. Problems are logged to the
``coursesite.task`` logger; the MkDocs hook silences it, because the source
check reports them at exact file lines.
"""

from __future__ import annotations

import logging
import re
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from ..quiz.extension import QuizSanitizer, StashMark
from ..quiz.render import render_error
from .parse import find_blocks, parse_block
from .render import render_task

log = logging.getLogger("coursesite.task")
PLACEHOLDER = "\x02lms-task:{}\x03"
PLACEHOLDER_RE = re.compile(r"^\x02lms-task:(\d+)\x03$")


class TaskPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        blocks, _indented = find_blocks(lines)
        out, previous = [], 0
        for start, end, closed in blocks:
            block = parse_block(lines, start, end, closed, "", first_line=1)
            for problem in block.problems:
                log.warning("Markdown line %s: %s (%s)", problem.line, problem.message, problem.hint)
            out += [*lines[previous:start], "", PLACEHOLDER.format(len(self.md.lms_task_blocks)), ""]
            self.md.lms_task_blocks.append(block)
            previous = end
        return out + lines[previous:]


class TaskBlockProcessor(BlockProcessor):
    def test(self, parent: Element, block: str) -> bool:
        return block.startswith("\x02lms-task:") and PLACEHOLDER_RE.match(block.strip()) is not None

    def run(self, parent: Element, blocks: list[str]) -> None:
        block = self.parser.md.lms_task_blocks[int(PLACEHOLDER_RE.match(blocks.pop(0).strip())[1])]
        if block.ok:
            element = render_task(block.task, self.parser.parseChunk)
            self.parser.md.lms_task_forms.append(element)
        else:
            element = render_error([p for p in block.problems if p.is_error])
            element[0].text = AtomicString("This task cannot be shown")
        parent.append(element)


class TaskSanitizer(QuizSanitizer):
    """The quiz's rules for author text, applied to the task forms."""

    def run(self, root: Element) -> None:
        forms, self.md.lms_quiz_forms = self.md.lms_quiz_forms, self.md.lms_task_forms
        try:
            super().run(root)
        finally:
            self.md.lms_quiz_forms = forms


class TaskExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        self.md = md
        self.reset()
        md.preprocessors.register(TaskPreprocessor(md), "lms_task", 21.9)  # below fenced code (25)
        md.parser.blockprocessors.register(TaskBlockProcessor(md.parser), "lms_task", 84)
        if "lms_quiz_stash" not in md.treeprocessors:
            md.treeprocessors.register(StashMark(md), "lms_quiz_stash", 20.5)
        md.treeprocessors.register(TaskSanitizer(md), "lms_task_sanitize", 7.4)

    def reset(self) -> None:
        self.md.lms_task_blocks = []
        self.md.lms_task_forms = []
        if not hasattr(self.md, "lms_quiz_forms"):
            self.md.lms_quiz_forms = []
        if not hasattr(self.md, "lms_quiz_stash_start"):
            self.md.lms_quiz_stash_start = 0
