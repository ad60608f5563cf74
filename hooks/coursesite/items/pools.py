"""The pages and graded pools whose questions are judged together, and the
score each test-wise strategy would get on them against chance.

A graded pool is a module page whose front matter has ``assessment:`` (the
course's final assessment also counts before it has one, by its id). A cue
strategy answers without knowing the subject, e.g. "pick the longest
option"; when it beats chance, the questions teach learners to game them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..course_loader import Course
from ..quiz.model import Quiz
from ..quiz.source_check import is_module_page, page_quizzes
from . import words as w

FINAL_ASSESSMENT_ID = "final-assessment"


@dataclass
class ItemPage:
    path: str  # as reported, docs/modules/...
    graded: bool  # a graded pool, not a knowledge check
    quizzes: list[Quiz]

    @property
    def kind(self) -> str:
        return "graded pool" if self.graded else "knowledge check"


def _is_graded(course: Course, src_uri: str) -> bool:
    meta = course.pages[src_uri].meta
    module = meta.get("module") if isinstance(meta, dict) else None
    if not isinstance(module, dict):
        return False
    return "assessment" in module or module.get("id") == FINAL_ASSESSMENT_ID


def item_pages(course: Course) -> list[ItemPage]:
    """Module pages with faultless quizzes, in nav order (then by path)."""
    order = {m.src_uri: i for i, m in enumerate(course.modules)}
    found = []
    for src_uri, page in page_quizzes(course).items():
        quizzes = [b.quiz for b in page.blocks if b.ok and b.quiz is not None]
        if quizzes and is_module_page(src_uri):
            found.append(
                (order.get(src_uri, len(order)), page.path, ItemPage(page.path, _is_graded(course, src_uri), quizzes))
            )
    return [item for _, _, item in sorted(found, key=lambda entry: entry[:2])]


def is_true_false(quiz: Quiz) -> bool:
    return len(quiz.choices) == 2 and quiz.kind == "true/false"  # the length first: every rule asks


def is_single(quiz: Quiz) -> bool:
    """A question with one correct option among several, true/false aside."""
    return not quiz.multiple and not is_true_false(quiz) and len(quiz.correct_choices) == 1


def lengths(quiz: Quiz) -> list[int]:
    return [len(w.plain(c.text)) for c in quiz.choices]


def key_index(quiz: Quiz) -> int:
    return next(i for i, c in enumerate(quiz.choices) if c.correct)


def length_rank(quiz: Quiz) -> int:
    """1 when the correct option is the longest, 2 the second-longest...; ties share the better rank."""
    sizes = lengths(quiz)
    return 1 + sum(1 for size in sizes if size > sizes[key_index(quiz)])


def _by_length(rank: int, shortest: bool = False) -> Callable[[Quiz], list[int]]:
    def pick(quiz: Quiz) -> list[int]:
        sizes = lengths(quiz)
        distinct = sorted(set(sizes), reverse=not shortest)
        wanted = distinct[min(rank, len(distinct)) - 1]
        return [i for i, size in enumerate(sizes) if size == wanted]

    return pick


def _without(vocabulary: frozenset[str], keep: bool) -> Callable[[Quiz], list[int]]:
    """The options with (keep) or without the vocabulary's words; all options when that leaves none or all."""

    def pick(quiz: Quiz) -> list[int]:
        chosen = [i for i, c in enumerate(quiz.choices) if w.has_any(w.plain(c.text), vocabulary) == keep]
        return chosen if 0 < len(chosen) < len(quiz.choices) else list(range(len(quiz.choices)))

    return pick


def _middle(quiz: Quiz) -> list[int]:
    count = len(quiz.choices)
    return list(range(1, count - 1)) if count > 2 else list(range(count))


def _stem_words(quiz: Quiz) -> list[int]:
    stem = w.content_roots(w.stem_text(quiz.question))
    overlap = [len(stem & w.content_roots(w.plain(c.text))) for c in quiz.choices]
    return [i for i, size in enumerate(overlap) if size == max(overlap)]


def _overclaim_is_false(quiz: Quiz) -> list[int]:
    """True/false: an absolute statement is false, a hedged one true, else either."""
    stem = w.stem_text(quiz.question)
    wanted = "false" if w.has_any(stem, w.OVERCLAIM) else "true" if w.has_any(stem, w.QUALIFIED) else None
    chosen = [i for i, c in enumerate(quiz.choices) if w.normalise_choice(c.text) == wanted]
    return chosen or list(range(len(quiz.choices)))


@dataclass(frozen=True)
class Strategy:
    name: str
    pick: Callable[[Quiz], list[int]]  # the options it would choose between at random
    true_false: bool = False  # applies to true/false questions, not single-answer ones
    uses_position: bool = False  # meaningless where options are shuffled


STRATEGIES = (
    Strategy("pick the longest", _by_length(1)),
    Strategy("pick the second-longest", _by_length(2)),
    Strategy("pick the shortest", _by_length(1, shortest=True)),
    Strategy("avoid absolute words", _without(w.ABSOLUTE, keep=False)),
    Strategy("pick a hedged option", _without(w.VAGUE, keep=True)),
    Strategy("pick the first", lambda q: [0], uses_position=True),
    Strategy("pick a middle position", _middle, uses_position=True),
    Strategy("pick the last", lambda q: [len(q.choices) - 1], uses_position=True),
    Strategy("pick the one echoing the stem", _stem_words),
    Strategy("overclaim is false", _overclaim_is_false, true_false=True),
)


@dataclass(frozen=True)
class Score:
    strategy: str
    questions: int
    score: float  # expected share right, 0-1
    chance: float  # share right by blind guessing, 0-1
    p_value: float  # how likely blind guessing does at least as well

    @property
    def over_chance(self) -> float:
        """Percentage points above chance."""
        return 100 * (self.score - self.chance)


def applies(strategy: Strategy, quiz: Quiz) -> bool:
    if strategy.uses_position and quiz.shuffle:
        return False
    return is_true_false(quiz) if strategy.true_false else is_single(quiz)


def tail_probability(chances: list[float], hits: float) -> float:
    """P(at least ``hits`` right) when question i is right with chance ``chances[i]`` (Poisson binomial)."""
    needed = max(0, math.ceil(hits - 1e-9))
    spread = [1.0]
    for p in chances:
        spread = [a * (1 - p) + b * p for a, b in zip([*spread, 0.0], [0.0, *spread], strict=False)]
    return sum(spread[needed:])


def score(strategy: Strategy, quizzes: list[Quiz]) -> Score | None:
    used = [q for q in quizzes if applies(strategy, q)]
    if not used:
        return None
    expected, chances = 0.0, []
    for quiz in used:
        picked = strategy.pick(quiz)
        expected += sum(1 for i in picked if quiz.choices[i].correct) / len(picked)
        chances.append(len(quiz.correct_choices) / len(quiz.choices))
    count = len(used)
    return Score(strategy.name, count, expected / count, sum(chances) / count, tail_probability(chances, expected))


def scores(quizzes: list[Quiz]) -> list[Score]:
    return [s for strategy in STRATEGIES if (s := score(strategy, quizzes)) is not None]
