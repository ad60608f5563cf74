"""The page as Material's search indexer needs to read it: quizzes without
the parts it leaves out of the index anyway.

Material's search plugin feeds every page through Python's ``HTMLParser``
and visits every tag, including those under ``data-search-exclude`` that it
then drops. A quiz is mostly such tags (its choices with their feedback, and
the "Show answer" box: see ``render.NOT_SEARCHED``), so on a page with five
quizzes the indexer spent about as long on markup it discards as on the rest
of the page (0.35 s of CPU against 0.18 s for the same 200 pages with plain
lists: bench/buildprofile.py on bench_quiz.py's courses). The hook hands the
indexer the page with those two parts of each quiz cut out, and puts them
back after it: the index is the same, the parser reads less.

Both parts are the last child of their parent, which only our renderer
writes: the choices list ends where the ``<fieldset>`` does, the answer box
where the ``<form>`` does. Author text inside a quiz cannot close either
element, because the extension turns raw HTML in quiz text into plain text.
"""

from __future__ import annotations

import re

from .render import NOT_SEARCHED

MARK = "<!--lms-quiz-not-searched-->"  # a comment: the indexer ignores it
_NOT_SEARCHED = re.compile(
    rf'<ul class="lms-quiz__choices" {NOT_SEARCHED}="">.*?(?=</fieldset>)'
    rf'|<details class="lms-quiz__answer" {NOT_SEARCHED}="">.*?(?=</form>)',
    re.S,
)


def without_unsearched(html: str) -> tuple[str, list[str]]:
    """``html`` with the unsearched parts of each quiz replaced by ``MARK``, and those parts in order."""
    if 'class="lms-quiz"' not in html:
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
    for part, piece in zip(parts, pieces[1:]):
        out += (part, piece)
    return "".join(out)
