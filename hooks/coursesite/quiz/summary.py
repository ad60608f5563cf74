"""The page summary under a module's quizzes: "x of y correct" and whether
the module's pass mark is met.

The Markdown extension cannot know a page's pass mark, so the build hook
places this placeholder after the page's last quiz; quiz/check.js fills it in
from the first result on. Until then, and without JavaScript, it tells the
learner how many questions there are.
"""

from __future__ import annotations

import html

from ..modules import Module
from ..pagehtml import quiz_ids


def summary_html(module: Module, questions: int) -> str:
    noun = "question" if questions == 1 else "questions"
    return (
        f'<div class="lms-quiz-summary" data-lms-quiz-summary data-lms-pass-mark="{module.pass_mark}" '
        f'data-lms-module="{html.escape(module.id)}">\n'
        f'<p class="lms-quiz-summary__status" role="status">This page has {questions} {noun}. '
        f"The pass mark is {module.pass_mark}%.</p>\n"
        '<button type="button" class="md-button" data-lms-quiz-reset-page hidden>Reset this page</button>\n'
        "</div>"
    )


def add_summary(html: str, module: Module | None, ids: list[str] | None = None) -> str:
    """A module page's HTML with the summary after its last quiz.

    Placed in the HTML, not the Markdown, so it costs the build nothing more
    than the string itself. Pages without a quiz, or not a module, are returned as they are."""
    ids = (quiz_ids(html) if ids is None else ids) if module is not None else []
    if module is None or not ids:
        return html
    # The parser found the forms; the last one ends at the first </form> after
    # its id (forms do not nest, and a quiz id is unique on its page).
    end = html.find("</form>", html.rfind(f'data-lms-quiz="{ids[-1]}"'))
    if end < 0:
        return html
    end += len("</form>")
    return html[:end] + "\n" + summary_html(module, len(ids)) + html[end:]
