"""A quiz as server-rendered HTML (ElementTree) that works without JavaScript.

A form with a fieldset whose legend is the question, native radio buttons or
checkboxes with labels, and a "Show answer" disclosure holding the correct
answer and the explanation. quiz.js and quiz/check.js enhance it: they add the
"Check answer" and "Try again" buttons (useless without them), reveal feedback,
announce the result in the live region (present from the start), and keep answers.

Author text is set as element text, so the page's own inline patterns render
its Markdown and MkDocs rewrites and validates its links; the extension then
turns any raw HTML in it back into plain text (see ``extension.py``).

The markup is kept lean on purpose: every element is paid for again by the
theme, the search indexer and the site checks on every build.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

from ..problems import Problem
from .model import Choice, Quiz

Chunk = Callable[[Element, str], None]  # parses block Markdown into a parent element
# Text that needs the block parser; anything else is one paragraph of inline Markdown.
BLOCK_SYNTAX = re.compile(r"\n|^\s*(?:[#>*+\-=_|!?:\[`~]|\d+[.)]|\s{4})")
# Material's search indexes a quiz by its question only: choices with their
# feedback, the hint and the answer would let a search give the answer away.
NOT_SEARCHED = "data-search-exclude"
# A question that ends by saying "Choose all that apply." (the instruction below
# the legend says it for every multiple-answer question): said once, not twice.
ALL_THAT_APPLY = re.compile(r"\s*\(?\s*(?:choose|select|tick|pick) all that apply\.?\s*\)?\s*$", re.IGNORECASE)


def _sub(parent: Element, tag: str, attrs: dict[str, str], text: str | None = None) -> Element:
    element = SubElement(parent, tag, attrs)
    element.text = text
    return element


def _fixed(parent: Element, tag: str, text: str, attrs: dict[str, str] | None = None) -> Element:
    """Interface text: never parsed as Markdown."""
    return _sub(parent, tag, attrs or {}, AtomicString(text))


def _markdown(parent: Element, text: str, chunk: Chunk, attrs: dict[str, str]) -> None:
    """Block Markdown with ``attrs``: one paragraph when the text is one plain
    paragraph (the usual case, and no block parser), else a div of blocks."""
    if BLOCK_SYNTAX.search(text):
        chunk(_sub(parent, "div", attrs), text)
    else:
        _sub(parent, "p", attrs, text)


def _feedback(item: Element, base: str, choice: Choice, chunk: Chunk) -> None:
    """The verdict in words (an icon comes from CSS; never colour alone) and
    the author's feedback, hidden until checked: one paragraph when the
    feedback is one (the usual case), else a block starting with the verdict."""
    right = "right" if choice.correct else "wrong"
    attrs = {"class": f"lms-quiz__feedback lms-quiz__feedback--{right}", "id": f"{base}-feedback", "hidden": "hidden"}
    verdict = "Correct choice." if choice.correct else "Incorrect choice."
    if not choice.feedback:
        _fixed(item, "p", verdict, attrs)
    elif BLOCK_SYNTAX.search(choice.feedback):
        block = _sub(item, "div", attrs)
        _fixed(block, "p", verdict)
        chunk(block, choice.feedback)
    else:
        _sub(item, "p", attrs, f"{verdict} {choice.feedback}")


def _choice(parent: Element, quiz: Quiz, number: int, choice: Choice, chunk: Chunk) -> None:
    base = f"lms-quiz-{quiz.id}-{number}"
    item = _sub(parent, "li", {"data-lms-correct": ""} if choice.correct else {})
    _sub(
        item,
        "input",
        {
            "type": "checkbox" if quiz.multiple else "radio",
            "id": base,
            "name": f"lms-quiz-{quiz.id}",
            "value": choice.key,
        },
    )
    _sub(item, "label", {"for": base}, choice.text)
    _feedback(item, base, choice, chunk)


def _answer(form: Element, quiz: Quiz, chunk: Chunk) -> None:
    details = _sub(form, "details", {"class": "lms-quiz__answer", NOT_SEARCHED: ""})
    _fixed(details, "summary", "Show answer")
    correct = quiz.correct_choices
    if len(correct) == 1:
        _sub(details, "p", {"class": "lms-quiz__solution"}, "Correct answer: " + correct[0].text)
    else:
        _fixed(details, "p", "Correct answers:", {"class": "lms-quiz__solution"})
        answers = _sub(details, "ul", {"class": "lms-quiz__solutions"})
        for choice in correct:
            _sub(answers, "li", {}, choice.text)
    if quiz.explanation:
        _markdown(details, quiz.explanation, chunk, {"class": "lms-quiz__explanation"})


def render_quiz(quiz: Quiz, chunk: Chunk) -> Element:
    base = f"lms-quiz-{quiz.id}"
    form = Element("form", {"class": "lms-quiz", "id": base, "data-lms-quiz": quiz.id, "autocomplete": "off"})
    if quiz.multiple:
        form.set("data-lms-multiple", "")
    if quiz.shuffle:
        form.set("data-lms-shuffle", "")
    fieldset = _sub(form, "fieldset", {"aria-describedby": f"{base}-instruction"})
    question = ALL_THAT_APPLY.sub("", quiz.question) if quiz.multiple else quiz.question
    _sub(fieldset, "legend", {}, question or quiz.question)
    instruction = "Choose all that apply." if quiz.multiple else "Choose one answer."
    _fixed(
        fieldset, "p", instruction, {"class": "lms-quiz__instruction", "id": f"{base}-instruction", NOT_SEARCHED: ""}
    )
    if quiz.hint:
        hint = _sub(fieldset, "details", {"class": "lms-quiz__hint", NOT_SEARCHED: ""})
        _fixed(hint, "summary", "Hint").tail = quiz.hint
    choices = _sub(fieldset, "ul", {"class": "lms-quiz__choices", NOT_SEARCHED: ""})
    for number, choice in enumerate(quiz.choices, start=1):
        _choice(choices, quiz, number, choice, chunk)
    _sub(form, "p", {"class": "lms-quiz__result", "id": f"{base}-result", "role": "status"})
    _answer(form, quiz, chunk)
    return form


def render_error(problems: list[Problem]) -> Element:
    """A visible box in place of a quiz that cannot be shown, never plain text."""
    box = Element("div", {"class": "admonition failure lms-quiz-invalid", "role": "alert"})
    _fixed(box, "p", "This quiz cannot be shown", {"class": "admonition-title"})
    items = _sub(box, "ul", {})
    for problem in sorted(problems, key=lambda p: p.line):
        _fixed(items, "li", f"line {problem.line}: {problem.message}" if problem.line else problem.message)
    return box
