"""The Python-Markdown extension that renders ``/// task`` blocks.

Listed in ``mkdocs.yml`` as ``coursesite.task``. Built like the quiz
extension (``coursesite.quiz.extension``): a preprocessor below fenced code
finds the blocks and leaves a placeholder line, a block processor turns it
into the task form or a visible error box, and the quiz's sanitizer turns
raw HTML in author text back into text. Problems are logged to the
``coursesite.task`` logger unless the ``log_problems`` option is false: the
MkDocs hook sets it for its own builds, whose source check reports them at
exact file lines.
"""

from __future__ import annotations

import logging
import re
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from ..quiz.extension import PageQuizState, QuizSanitizer, StashMark
from ..quiz.render import render_error
from .parse import find_blocks, parse_block
from .render import render_task

log = logging.getLogger("coursesite.task")
PLACEHOLDER = "\x02lms-task:{}\x03"
PLACEHOLDER_RE = re.compile(r"^\x02lms-task:(\d+)\x03$")


class TaskPreprocessor(Preprocessor):
    def __init__(self, md, page: PageQuizState, log_problems: bool = True):
        super().__init__(md)
        self.page = page
        self.log_problems = log_problems

    def run(self, lines: list[str]) -> list[str]:
        blocks, _indented = find_blocks(lines)
        out: list[str] = []
        previous = 0
        for start, end, closed in blocks:
            block = parse_block(lines, start, end, closed, "", first_line=1)
            for problem in block.problems if self.log_problems else ():
                log.warning("Markdown line %s: %s (%s)", problem.line, problem.message, problem.hint)
            out += [*lines[previous:start], "", PLACEHOLDER.format(len(self.page.blocks)), ""]
            self.page.blocks.append(block)
            previous = end
        return out + lines[previous:]


class TaskBlockProcessor(BlockProcessor):
    def __init__(self, parser, page: PageQuizState):
        super().__init__(parser)
        self.page = page

    def test(self, parent: Element, block: str) -> bool:
        return block.startswith("\x02lms-task:") and PLACEHOLDER_RE.match(block.strip()) is not None

    def run(self, parent: Element, blocks: list[str]) -> None:
        placeholder = PLACEHOLDER_RE.match(blocks.pop(0).strip())
        assert placeholder is not None  # test() said so
        block = self.page.blocks[int(placeholder[1])]
        if block.ok:
            element = render_task(block.task, self.parser.parseChunk)
            self.page.forms.append(element)
        else:
            element = render_error([p for p in block.problems if p.is_error])
            element[0].text = AtomicString("This task cannot be shown")
        parent.append(element)


class TaskExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "log_problems": [True, "log each invalid task's problems (the course hook's build reports them itself)"],
        }
        super().__init__(**kwargs)
        self.page = PageQuizState()  # the task forms of the page being converted

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        self.reset()
        md.preprocessors.register(TaskPreprocessor(md, self.page, self.getConfig("log_problems")), "lms_task", 21.9)
        md.parser.blockprocessors.register(TaskBlockProcessor(md.parser, self.page), "lms_task", 84)
        md.treeprocessors.register(StashMark(md, self.page), "lms_task_stash", 20.4)  # below fenced code (25)
        # The quiz's rules for author text, applied to the task forms.
        md.treeprocessors.register(QuizSanitizer(md, self.page), "lms_task_sanitize", 7.4)

    def reset(self) -> None:
        self.page.clear()
