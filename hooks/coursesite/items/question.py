"""Rules about one question's options: each looks at the options (and the
hint) and returns what a test-wise learner could use, or None. The rules
about the stem are in stem.py; both run through ``question_findings``."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..quiz.model import Quiz
from . import words as w
from .finding import Finding, texts
from .pools import is_single, is_true_false
from .stem import fill_in_blank, grammar_cue, negative_stem, unfocused_stem


def length_cue(quiz: Quiz) -> Finding | None:
    if not is_single(quiz) or len(quiz.choices) < 2:
        return None
    (right,), wrong = texts(quiz)
    longest = max(len(t) for t in wrong)
    if len(right) >= 1.4 * longest and len(right) - longest >= 15:
        return Finding(
            "length-cue",
            quiz.correct_choices[0].line,
            f"the correct option is far longer than every distractor ({len(right)} characters, the longest distractor {longest})",
        )
    return None


def _term_cue(
    quiz: Quiz,
    vocabulary: frozenset[str],
    statement_words: frozenset[str],
    rule: str,
    kind: str,
    false_when_found: bool,
) -> Finding | None:
    if is_true_false(quiz):
        terms = w.found(w.stem_text(quiz.question), statement_words)
        answer_true = w.normalise_choice(quiz.correct_choices[0].text) == "true" if quiz.correct_choices else True
        if terms and answer_true != false_when_found:
            verdict = "claims too much" if false_when_found else "is qualified"
            answer = "false" if false_when_found else "true"
            return Finding(
                rule,
                quiz.line,
                f"the statement {verdict} ({', '.join(terms)}) and is {answer}: a learner can tell without knowing",
            )
        return None
    right, wrong = texts(quiz)
    in_right = sorted({t for text in right for t in w.found(text, vocabulary)})
    in_wrong = sorted({t for text in wrong for t in w.found(text, vocabulary)})
    if bool(in_right) == bool(in_wrong):
        return None
    where = "only distractors" if in_wrong else "only the correct option"
    terms = in_wrong or in_right
    line = next(c.line for c in quiz.choices if w.has_any(w.plain(c.text), vocabulary))
    return Finding(rule, line, f"{kind} words ({', '.join(terms)}) appear in {where}")


def absolute_terms(quiz: Quiz) -> Finding | None:
    return _term_cue(quiz, w.ABSOLUTE, w.OVERCLAIM, "absolute-terms", "absolute", false_when_found=True)


def vague_terms(quiz: Quiz) -> Finding | None:
    return _term_cue(quiz, w.VAGUE, w.QUALIFIED, "vague-terms", "hedging", false_when_found=False)


ALL_ABOVE = re.compile(r"\ball (?:of )?(?:the )?(?:above|of these)\b", re.I)
NONE_ABOVE = re.compile(r"\b(?:none|neither) of (?:the )?(?:above|these)\b", re.I)


def _option_matching(quiz: Quiz, pattern: re.Pattern, rule: str, what: str) -> Finding | None:
    for choice in quiz.choices:
        if pattern.search(w.plain(choice.text)):
            return Finding(rule, choice.line, f"an option is '{what}'")
    return None


def all_of_the_above(quiz: Quiz) -> Finding | None:
    return _option_matching(quiz, ALL_ABOVE, "all-of-the-above", "all of the above")


def none_of_the_above(quiz: Quiz) -> Finding | None:
    return _option_matching(quiz, NONE_ABOVE, "none-of-the-above", "none of the above")


def hint_cue(quiz: Quiz) -> Finding | None:
    if not quiz.hint or not quiz.correct_choices:
        return None
    right, wrong = texts(quiz)
    others = set().union(*(w.content_roots(t) for t in wrong)) if wrong else set()
    key = set().union(*(w.content_roots(t) for t in right))
    shared = (w.content_roots(w.plain(quiz.hint)) & key) - others
    if len(shared) >= 2 or (shared and len(shared) * 2 >= len(key)):
        return Finding(
            "hint-cue",
            quiz.line_of("hint"),
            f"the hint repeats words of the correct option ({', '.join(sorted(shared))})",
        )
    return None


def word_repeat(quiz: Quiz) -> Finding | None:
    if not is_single(quiz):
        return None
    (right,), wrong = texts(quiz)
    others = set().union(*(w.content_roots(t) for t in wrong))
    shared = (w.content_roots(w.stem_text(quiz.question)) & w.content_roots(right)) - others
    if shared:
        return Finding(
            "word-repeat",
            quiz.correct_choices[0].line,
            f"only the correct option repeats the stem's word ({', '.join(sorted(shared))})",
        )
    return None


REFERENCE = r"\(?(?:[A-Da-d]|[1-6])\)?"
COMBINED = re.compile(
    rf"^(?:(?:both|options?|answers?|choices?)\s+)?{REFERENCE}(?:\s*,\s*{REFERENCE})*\s*(?:and|&|or|nor)\s+{REFERENCE}(?:\s+only)?\s*\.?$"
    r"|\b(?:both|neither|either) (?:of )?(?:the )?(?:above|these|options)\b",
    re.I,
)


def combined_options(quiz: Quiz) -> Finding | None:
    return _option_matching(quiz, COMBINED, "combined-options", "a combination of other options")


NUMBER = re.compile(r"^(?:about |around |roughly |over |under )?[£$€]?(\d[\d,]*(?:\.\d+)?)")


def number_order(quiz: Quiz) -> Finding | None:
    values = []
    for choice in quiz.choices:
        match = NUMBER.match(w.plain(choice.text).lower())
        if not match:
            return None
        values.append(float(match[1].replace(",", "")))
    if len(values) >= 3 and values != sorted(values) and values != sorted(values, reverse=True):
        return Finding("number-order", quiz.choices[0].line, "the numeric options are not in order")
    return None


def convergence_cue(quiz: Quiz) -> Finding | None:
    if not is_single(quiz) or len(quiz.choices) < 4:
        return None
    roots = [w.content_roots(w.plain(c.text)) for c in quiz.choices]
    shared = [sum(len(r & other) for j, other in enumerate(roots) if j != i) for i, r in enumerate(roots)]
    links = [sum(1 for j, other in enumerate(roots) if j != i and r & other) for i, r in enumerate(roots)]
    key = next(i for i, c in enumerate(quiz.choices) if c.correct)
    rest = [s for i, s in enumerate(shared) if i != key]
    if links[key] >= 2 and shared[key] >= max(rest) + 2:
        return Finding(
            "convergence-cue", quiz.choices[key].line, "the correct option shares the most words with the other options"
        )
    return None


QUESTION_RULES: tuple[Callable[[Quiz], Finding | None], ...] = (
    length_cue,
    absolute_terms,
    vague_terms,
    all_of_the_above,
    none_of_the_above,
    negative_stem,
    hint_cue,
    word_repeat,
    grammar_cue,
    fill_in_blank,
    combined_options,
    number_order,
    unfocused_stem,
    convergence_cue,
)


def question_findings(quiz: Quiz) -> list[Finding]:
    return [f for rule in QUESTION_RULES if (f := rule(quiz)) is not None and f.rule not in quiz.allow]
