"""The Python-Markdown extension that renders ``/// task`` blocks.

Listed in ``mkdocs.yml`` as ``coursesite.task``. Built like the quiz
extension, on the same processors (``coursesite.placeholders``): a
preprocessor below fenced code finds the blocks and leaves a placeholder line,
a block processor turns it into the task form or a visible error box, and the
quiz's sanitizer turns raw HTML in author text back into text. Problems are logged to the
``coursesite.task`` logger unless the ``log_problems`` option is false: the
MkDocs hook sets it for its own builds, whose source check reports them at
exact file lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.util import AtomicString

from ..placeholders import BlockPreprocessor, PageState, PlaceholderProcessor
from ..problems import Problem
from ..quiz.extension import QuizSanitizer, StashMark
from ..quiz.render import render_error
from .model import TaskBlock
from .parse import find_blocks, parse_block
from .render import render_task


def _page_blocks(lines: list[str]) -> Iterator[TaskBlock]:
    blocks, _indented = find_blocks(lines)
    return (parse_block(lines, start, end, closed, "", first_line=1) for start, end, closed in blocks)


def _render_errors(errors: list[Problem]) -> Element:
    box = render_error(errors)
    box[0].text = AtomicString("This task cannot be shown")
    return box


class TaskExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "log_problems": [True, "log each invalid task's problems (the course hook's build reports them itself)"],
        }
        super().__init__(**kwargs)
        self.page = PageState()  # the task forms of the page being converted

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        self.reset()
        log = self.getConfig("log_problems")
        md.preprocessors.register(BlockPreprocessor(md, self.page, "task", _page_blocks, log), "lms_task", 21.9)
        processor = PlaceholderProcessor(md.parser, self.page, "task", render_task, _render_errors)
        md.parser.blockprocessors.register(processor, "lms_task", 84)
        md.treeprocessors.register(StashMark(md, self.page), "lms_task_stash", 20.4)  # below fenced code (25)
        # The quiz's rules for author text, applied to the task forms.
        md.treeprocessors.register(QuizSanitizer(md, self.page), "lms_task_sanitize", 7.4)

    def reset(self) -> None:
        self.page.clear()
