"""Tasks: the ``/// task`` block, a written response scored against a rubric.

The same conventions as ``/// quiz`` (``coursesite.quiz``): a header with the
title after a bar, indented YAML options (``id`` required, slug rules, unique
across every quiz and task of the site), the prompt in Markdown, the rubric as
a Markdown table (criteria as rows, levels as columns), and an optional model
answer after a line that says just ``Model answer:``. ``mkdocs.yml`` lists the
extension as ``coursesite.task`` under ``markdown_extensions``.
"""


def makeExtension(**kwargs):
    from .extension import TaskExtension

    return TaskExtension(**kwargs)
