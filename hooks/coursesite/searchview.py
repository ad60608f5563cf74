"""The page as Material's search indexer must read it: without the parts
that are not to be searched.

Search must not find a quiz's answers: its choices with their feedback, and
its "Show answer" box (``quiz/render.py``), are marked
``data-search-exclude``, as are a module's reading entries, which repeat the
reading-list page's, and the lines of that page's entries that name where each
reading is used (``readings/render.py``). Material's indexer honours that
mark only for elements with no element of the same name inside: it matches
the end of an excluded element by tag name, so feedback holding a list (a
``<ul>`` in the choices' ``<ul>``) or a note (a ``<details>`` in the answer
box) ends the exclusion early and the build fails ("'<li>' is not in list")
or indexes the rest. So the hook hands the indexer each page with those parts
cut out, and the page its whole HTML back after it: the index is what Material
makes of the page when it works, and the page is written unchanged.

The parts are found by selectolax's parser, as every pass over a page's HTML
is (``coursesite/pagehtml.py``); the indexer reads the rest as that parser
writes it back, and the page itself keeps the HTML it was rendered with.
"""

from __future__ import annotations

from .pagehtml import parse
from .quiz.render import NOT_SEARCHED

# A quiz's choices with their feedback and its answer box; a module page's reading entries;
# the reading list's "Reading for" and "Cited in" lines.
UNSEARCHED = ", ".join(
    f"{element}[{NOT_SEARCHED}]"
    for element in ("ul.lms-quiz__choices", "details.lms-quiz__answer", "div.lms-reading", "p.lms-reading__where")
)


def without_unsearched(html: str) -> tuple[str, list[str]]:
    """``html`` without its unsearched parts, and those parts in order (none: ``html`` as it is)."""
    if NOT_SEARCHED not in html:
        return html, []
    tree = parse(html)
    nodes = tree.css(UNSEARCHED)
    if not nodes:
        return html, []
    parts = [node.html or "" for node in nodes]
    for node in nodes:
        node.decompose()
    return (tree.body.inner_html or "") if tree.body is not None else "", parts
