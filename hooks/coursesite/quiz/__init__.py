"""Quizzes: the ``/// quiz`` block (docs/guide/quizzes.md).

One parser (``parse``) serves the source check, the Markdown extension that
renders quizzes, and the facilitator's answer key. ``mkdocs.yml`` lists the
extension as ``coursesite.quiz`` under ``markdown_extensions``, so quizzes render
under any generator that reads Markdown extensions, hooks or not.
"""


def makeExtension(**kwargs):
    from .extension import QuizExtension

    return QuizExtension(**kwargs)
