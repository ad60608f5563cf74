"""The page as Material's search indexer needs to read it: without the parts
it leaves out of the index anyway.

Material's search plugin feeds every page through Python's ``HTMLParser``
and visits every tag, including those under ``data-search-exclude`` that it
then drops. Two features of ours write such parts on every module page:

- a quiz is mostly made of them (its choices with their feedback, and the
  "Show answer" box: see ``quiz/render.py``): on a page with five quizzes the
  indexer spent about as long on markup it discards as on the rest of the page
  (0.35 s of CPU against 0.18 s for the same 200 pages with plain lists:
  bench/buildprofile.py on bench_quiz.py's courses);
- a module's reading entries repeat the reading-list page's, so they are left
  out of the index (``readings/render.py``); they were a quarter of what the
  indexer read of a module page (0.33 s against 0.24 s without them for the
  100-module bench course, bench/buildprofile.py).

The hook hands the indexer the page with those parts cut out, and puts them
back after it: the index is the same, the parser reads less.

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
