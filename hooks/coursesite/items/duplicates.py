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

SIMILAR = 0.6  # share of the two questions' distinct words they have in common
MIN_WORDS = 5  # shorter stems say too little to call two of them copies


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


def _same_text(a: Quiz, b: Quiz) -> bool:
    return " ".join(w.words(w.stem_text(a.question))) == " ".join(w.words(w.stem_text(b.question)))


def _pairs(places: list[Place], signatures: list[frozenset[str]]) -> list[tuple[int, int, float]]:
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, signature in enumerate(signatures):
        for word in signature:
            by_word[word].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in by_word.values():
        for position, first in enumerate(holders):
            for second in holders[position + 1 :]:
                shared[first, second] += 1
    found = []
    for (first, second), common in sorted(shared.items()):
        union = len(signatures[first] | signatures[second])
        if min(len(signatures[first]), len(signatures[second])) >= MIN_WORDS and common / union >= SIMILAR:
            found.append((first, second, common / union))
    return found


def _finding(earlier: Place, later: Place, similarity: float) -> Finding | None:
    rule = (
        "pool-copy"
        if earlier.page.graded != later.page.graded and _same_text(earlier.quiz, later.quiz)
        else "near-duplicate"
    )
    if rule in earlier.quiz.allow or rule in later.quiz.allow:
        return None
    if rule == "pool-copy":
        message = f"the same question is in a knowledge check and a graded pool: {earlier.where} and {later.where}"
    else:
        message = f"nearly the same question ({100 * similarity:.0f}% of words shared) as {earlier.where}"
    return Finding(rule, later.quiz.line, message)


def duplicate_findings(pages: list[ItemPage]) -> list[tuple[ItemPage, Finding]]:
    """Each pair once, reported at the later question and naming the earlier."""
    places = [Place(page, quiz) for page in pages for quiz in page.quizzes]
    signatures = [_signature(place.quiz) for place in places]
    found = []
    for first, second, similarity in _pairs(places, signatures):
        finding = _finding(places[first], places[second], similarity)
        if finding is not None:
            found.append((places[second].page, finding))
    return found
