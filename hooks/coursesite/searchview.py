"""The page as Material's search indexer must read it: without the parts
that are not to be searched.

Search must not find a quiz's answers: its choices with their feedback, and
its "Show answer" box (``quiz/render.py``), are marked
``data-search-exclude``, as are a module's reading entries, which repeat the
reading-list page's (``readings/render.py``). Material's indexer honours that
mark only for elements with no element of the same name inside: it matches
the end of an excluded element by tag name, so feedback holding a list (a
``<ul>`` in the choices' ``<ul>``) or a note (a ``<details>`` in the answer
box) ends the exclusion early and the build fails ("'<li>' is not in list")
or indexes the rest. So the hook hands the indexer each page with those parts
cut out, and puts them back after it: the index is what Material makes of the
page when it works, and the page is written unchanged.

Where each part ends: a quiz's choices list is the last child of its
``<fieldset>``, its answer box the last child of its ``<form>``; author text in
a quiz cannot close either, because the quiz extension turns raw HTML in it
into plain text. A reading entry holds paragraphs only, so it ends at the
first ``</div>``, as it does for Material's parser, which ends an excluded
element at the first closing tag of the same name.
"""

from __future__ import annotations

import re

from .quiz.render import NOT_SEARCHED

MARK = "<!--lms-not-searched-->"  # a comment: the indexer ignores it
_NOT_SEARCHED = re.compile(
    rf'<ul class="lms-quiz__choices" {NOT_SEARCHED}="">.*?(?=</fieldset>)'
    rf'|<details class="lms-quiz__answer" {NOT_SEARCHED}="">.*?(?=</form>)'
    rf'|<div class="lms-reading" [^>]*\b{NOT_SEARCHED}=""[^>]*>.*?</div>',
    re.S,
)


def without_unsearched(html: str) -> tuple[str, list[str]]:
    """``html`` with its unsearched parts replaced by ``MARK``, and those parts in order."""
    if NOT_SEARCHED not in html:
        return html, []
    parts: list[str] = []

    def cut(match: re.Match[str]) -> str:
        parts.append(match[0])
        return MARK

    return _NOT_SEARCHED.sub(cut, html), parts


def with_unsearched(html: str, parts: list[str]) -> str | None:
    """Put ``parts`` back in place of the marks; None when the marks do not match them."""
    pieces = html.split(MARK)
    if len(pieces) != len(parts) + 1:
        return None
    out = [pieces[0]]
    for part, piece in zip(parts, pieces[1:], strict=True):
        out += (part, piece)
    return "".join(out)
