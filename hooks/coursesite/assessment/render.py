"""A graded question as server-rendered HTML: the question and its choices,
read-only (a disabled fieldset) until the assessment's script opens an
attempt, and nothing that gives the answer away.

The review (which choices are right, each choice's feedback, the
explanation) is rendered too, inside an ``<lms-review>`` element, so that the
page's own Markdown, link rewriting and sanitising apply to it as to any quiz
text; ``page.py`` then cuts it out of the page and writes it to the review
file fetched after submission. Author text cannot close that element early:
raw HTML in quiz text is turned back into text (``quiz/extension.py``).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

from ..quiz.model import Quiz
from ..quiz.render import BLOCK_SYNTAX, NOT_SEARCHED, Chunk


def _sub(parent: Element, tag: str, attrs: dict[str, str], text: str | None = None) -> Element:
    element = SubElement(parent, tag, attrs)
    element.text = text
    return element


def _markdown_into(element: Element, text: str, chunk: Chunk) -> None:
    if BLOCK_SYNTAX.search(text):
        chunk(element, text)
    else:
        element.text = text


def _review(form: Element, quiz: Quiz, chunk: Chunk) -> None:
    review = _sub(form, "lms-review", {"data-lms-for": quiz.id})
    for choice in quiz.choices:
        item = _sub(review, "lms-choice", {"data-key": choice.key, "data-correct": "1" if choice.correct else "0"})
        _markdown_into(item, choice.feedback, chunk)
    if quiz.explanation:
        _markdown_into(_sub(review, "lms-explanation", {}), quiz.explanation, chunk)


def render_graded(quiz: Quiz, chunk: Chunk) -> Element:
    base = f"lms-question-{quiz.id}"
    attrs = {"class": "lms-quiz lms-quiz--graded", "id": base, "data-lms-question": quiz.id, "autocomplete": "off"}
    for flag, name in ((quiz.multiple, "data-lms-multiple"), (quiz.keep_order, "data-lms-keep-order")):
        if flag:
            attrs[name] = ""
    if quiz.module:
        attrs["data-lms-tests"] = quiz.module
    form = Element("form", attrs)
    fieldset = _sub(form, "fieldset", {"aria-describedby": f"{base}-instruction", "disabled": "disabled"})
    _sub(fieldset, "legend", {}, quiz.question)
    instruction = "Choose all the answers that apply." if quiz.multiple else "Choose one answer."
    _sub(
        fieldset,
        "p",
        {"class": "lms-quiz__instruction", "id": f"{base}-instruction", NOT_SEARCHED: ""},
        AtomicString(instruction),
    )
    if quiz.hint:
        hint = _sub(fieldset, "details", {"class": "lms-quiz__hint", NOT_SEARCHED: ""})
        _sub(hint, "summary", {}, AtomicString("Hint")).tail = quiz.hint
    choices = _sub(fieldset, "ul", {"class": "lms-quiz__choices", NOT_SEARCHED: ""})
    for number, choice in enumerate(quiz.choices, start=1):
        item = _sub(choices, "li", {})
        kind = "checkbox" if quiz.multiple else "radio"
        _sub(item, "input", {"type": kind, "id": f"{base}-{number}", "name": base, "value": choice.key})
        _sub(item, "label", {"for": f"{base}-{number}"}, choice.text)
    _review(form, quiz, chunk)
    return form
