"""The same question, or nearly the same, in two places of the course.

A near-copy tests the same thing twice (a learner who remembers the first
answer passes the second without thinking); a knowledge-check question
copied into a graded pool gives its answer away before the assessment.
Candidate pairs come from an index of the stems' words, so a large course
is not compared pair by pair.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..quiz.model import Quiz
from . import words as w
from .finding import Finding
from .pools import ItemPage

# Two questions are near-copies when they share at least 6 key words (the
# stem's and the correct option's) and these make 60% of the shorter one's:
# a rewrite for the final assessment keeps the scenario and the answer but
# changes the wording around them. Calibrated on the course's own
# module/final pairs and on tests/fixtures/items/good.md (no pair there).
SIMILAR = 0.6
MIN_SHARED = 6
COMMON_HOLDERS = 40  # a word in more questions than this (or 2% of them) finds no copies


@dataclass(frozen=True)
class Place:
    page: ItemPage
    quiz: Quiz

    @property
    def where(self) -> str:
        return f"{self.page.path}:{self.quiz.line}"


def _signature(quiz: Quiz) -> frozenset[str]:
    """The stem's content words and the correct option's: two stems that
    differ only in names or numbering still match."""
    text = w.stem_text(quiz.question) + " " + " ".join(w.plain(c.text) for c in quiz.correct_choices)
    return frozenset(w.content_roots(text))


def _pairs(places: list[Place], signatures: list[frozenset[str]]) -> list[tuple[int, int, float]]:
    """Near-copies, found through the words few questions share: a word most
    questions use ("team", "rep") would pair every question with every other,
    which a course of thousands of questions would notice."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, signature in enumerate(signatures):
        for word in signature:
            by_word[word].append(index)
    common = max(COMMON_HOLDERS, len(places) // 50)
    candidates: set[tuple[int, int]] = set()
    for holders in by_word.values():
        if len(holders) <= common:
            candidates.update((a, b) for position, a in enumerate(holders) for b in holders[position + 1 :])
    found = []
    for first, second in sorted(candidates):
        shared = len(signatures[first] & signatures[second])
        smaller = min(len(signatures[first]), len(signatures[second]))
        if shared >= MIN_SHARED and shared / smaller >= SIMILAR:
            found.append((first, second, shared / smaller))
    return found


def _finding(earlier: Place, later: Place, similarity: float, same_text: bool) -> Finding | None:
    rule = "pool-copy" if same_text and earlier.page.graded != later.page.graded else "near-duplicate"
    if rule in earlier.quiz.allow or rule in later.quiz.allow:
        return None
    if rule == "pool-copy":
        message = f"the same question is in a knowledge check and a graded pool: {earlier.where} and {later.where}"
    elif same_text:
        message = f"the same question text as {earlier.where}"
    else:
        message = f"nearly the same question as {earlier.where} ({100 * similarity:.0f}% of its key words)"
    return Finding(rule, later.quiz.line, message)


def _same_stems(places: list[Place]) -> list[tuple[int, int]]:
    """Pairs with the same question text, however short: each later one with the first."""
    first: dict[str, int] = {}
    pairs = []
    for index, place in enumerate(places):
        text = " ".join(w.words(w.stem_text(place.quiz.question)))
        if text in first:
            pairs.append((first[text], index))
        first.setdefault(text, index)
    return pairs


def duplicate_findings(pages: list[ItemPage]) -> list[tuple[ItemPage, Finding]]:
    """Each pair once, reported at the later question and naming the earlier."""
    places = [Place(page, quiz) for page in pages for quiz in page.quizzes]
    signatures = [_signature(place.quiz) for place in places]
    same = set(_same_stems(places))
    pairs = {(first, second): similarity for first, second, similarity in _pairs(places, signatures)}
    found = []
    for first, second in sorted(same | pairs.keys()):
        finding = _finding(places[first], places[second], pairs.get((first, second), 1.0), (first, second) in same)
        if finding is not None:
            found.append((places[second].page, finding))
    return found
