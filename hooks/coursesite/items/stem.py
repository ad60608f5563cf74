"""Rules about the stem: how the question is asked, whatever its options."""

from __future__ import annotations

import re

from ..quiz.model import Quiz
from . import words as w
from .finding import Finding, texts
from .pools import is_true_false

NEGATIVE_WORD = re.compile(r"(\*\*|__|\*|_)?\b(not|except|least|cannot|\w+n['\u2019]t)\b(\*\*|__|\*|_)?", re.I)


def negative_stem(quiz: Quiz) -> Finding | None:
    question = w.last_sentence(w.MACRO.sub("", quiz.question))
    for match in NEGATIVE_WORD.finditer(question):
        emphasised = (match[1] and match[3]) or match[2].isupper()
        if not emphasised:
            return Finding("negative-stem", quiz.line, f"the question asks with '{match[2]}' without emphasis")
    return None


TRAILING = re.compile(r"[\s.…_:\-\u2013\u2014]+$")  # dashes and dots after the stem's last word
PLURAL_START = frozenset(["two", "three", "four", "several", "many", "both", "these", "those", "some", "all"])
SINGULAR_START = frozenset(["a", "an", "one", "each", "every", "this", "that"])


def _article_fits(article: str, option: str) -> bool:
    first = option.strip().lower()[:1]
    return (first in "aeiou") == (article == "an")


def _number_of(option: str) -> str | None:
    first = (w.words(option) or [""])[0]
    return "plural" if first in PLURAL_START else "singular" if first in SINGULAR_START else None


def grammar_cue(quiz: Quiz) -> Finding | None:
    if is_true_false(quiz):
        return None
    stem = TRAILING.sub("", w.stem_text(quiz.question))
    last = (w.words(stem) or [""])[-1]
    right, wrong = texts(quiz)
    fits = [_article_fits(last, t) for t in right + wrong]
    if last in ("a", "an") and all(fits[: len(right)]) and not all(fits[len(right) :]):
        return Finding(
            "grammar-cue",
            quiz.line,
            f"the stem ends with '{last}', which fits the correct option but not every distractor",
        )
    wanted = {"is": "singular", "was": "singular", "are": "plural", "were": "plural"}.get(last)
    if (
        wanted
        and all(_number_of(t) == wanted for t in right)
        and any(_number_of(t) not in (None, wanted) for t in wrong)
    ):
        return Finding(
            "grammar-cue", quiz.line, f"the stem ends with '{last}', which only the correct option agrees with"
        )
    return None


BLANK = re.compile(r"(?:\\?_){3,}|\.\.\.|…")


def fill_in_blank(quiz: Quiz) -> Finding | None:
    if BLANK.search(w.MACRO.sub("", quiz.question)):
        return Finding("fill-in-blank", quiz.line, "the stem has a gap to fill in")
    return None


IMPERATIVE = frozenset(["choose", "pick", "select", "identify", "name", "decide", "put", "order", "rank", "match"])


def unfocused_stem(quiz: Quiz) -> Finding | None:
    if is_true_false(quiz):
        return None
    stem = w.stem_text(quiz.question)
    first = (w.words(stem) or [""])[0]
    if "?" in stem or stem.rstrip().endswith(":") or BLANK.search(quiz.question) or first in IMPERATIVE:
        return None
    return Finding(
        "unfocused-stem", quiz.line, "the stem is not a question, so it cannot be answered without the options"
    )
