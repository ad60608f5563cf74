"""What the build reads from a page's rendered HTML, with one parser.

Every pass over rendered or built pages (links, leftover quiz syntax, quiz
forms, the widgets a page carries, a SCORM package's outside references)
parses with selectolax's Lexbor parser, so each decides what is markup as a
browser does: ``data-lms-quiz`` written in a paragraph or a code example is
text, not a quiz.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

QUIZ_FORM = "form[data-lms-quiz]"
LITERAL = "pre, code, script, style, textarea, kbd, samp"  # where syntax is shown as written, on purpose


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def quiz_ids(html: str) -> list[str]:
    """The ids of the page's quiz forms, in page order."""
    return [form.attributes.get("data-lms-quiz") or "" for form in parse(html).css(QUIZ_FORM)]


def quiz_forms(html: str) -> list[tuple[str, str]]:
    """The page's quiz forms, (id, the form's HTML), in page order: for a page
    rendered by the build, whose quiz summary, Review page and progress data
    all need them, read with one parse."""
    return quiz_forms_of(parse(html))


def quiz_forms_of(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """``quiz_forms`` of a page already parsed."""
    return [(form.attributes.get("data-lms-quiz") or "", form.html or "") for form in tree.css(QUIZ_FORM)]


def learner_text(tree: LexborHTMLParser) -> str:
    """A page's article as learners read it: text only, without code, scripts
    and other literal elements (where quiz and task syntax is shown on purpose).
    Takes those elements out of ``tree``: read anything else from it first."""
    body = tree.css_first("article") or tree.body
    if body is None:
        return ""
    for node in body.css(LITERAL):
        node.decompose()
    return body.text(separator="\n")
