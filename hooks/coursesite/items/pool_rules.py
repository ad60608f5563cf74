"""Rules about a page or graded pool as a whole: where the correct option
sits by length and by position, and how many questions are true/false.

A pattern is reported when the strategy that exploits it beats chance by
more than 10 percentage points and blind guessing would do as well less than
one time in twenty: on a page of eight questions, one lucky pattern is not a
flaw. Questions that ``allow:`` the rule are left out of its count.
"""

from __future__ import annotations

from . import pools
from .finding import Finding
from .pools import ItemPage, Score

MARGIN = 10.0  # percentage points over chance
SIGNIFICANCE = 0.05
TRUE_FALSE_SHARE = 0.10
LENGTH_STRATEGIES = ("pick the longest", "pick the second-longest", "pick the shortest")
POSITION_STRATEGIES = ("pick the first", "pick a middle position", "pick the last")


def _gameable(score: Score) -> bool:
    return score.over_chance > MARGIN and score.p_value < SIGNIFICANCE


def _pattern(page: ItemPage, rule: str, names: tuple[str, ...], what: str) -> Finding | None:
    quizzes = [q for q in page.quizzes if rule not in q.allow]
    strategies = [s for s in pools.STRATEGIES if s.name in names]
    found = [s for strategy in strategies if (s := pools.score(strategy, quizzes)) is not None and _gameable(s)]
    if not found:
        return None
    worst = max(found, key=lambda s: s.over_chance)
    right = round(worst.score * worst.questions)
    return Finding(
        rule,
        quizzes[0].line,
        f"on this {page.kind}, '{worst.strategy}' finds the correct {what} in {right} of {worst.questions} "
        f"single-answer questions ({100 * worst.score:.0f}% against {100 * worst.chance:.0f}% by chance)",
    )


def length_rank(page: ItemPage) -> Finding | None:
    return _pattern(page, "length-rank", LENGTH_STRATEGIES, "option")


def position_balance(page: ItemPage) -> Finding | None:
    return _pattern(page, "position-balance", POSITION_STRATEGIES, "option by its position")


def true_false_share(page: ItemPage) -> Finding | None:
    counted = [q for q in page.quizzes if pools.is_true_false(q) and "true-false-share" not in q.allow]
    if not counted or len(counted) <= TRUE_FALSE_SHARE * len(page.quizzes):
        return None
    return Finding(
        "true-false-share",
        counted[0].line,
        f"{len(counted)} of the {len(page.quizzes)} questions on this {page.kind} are true/false "
        f"(more than {100 * TRUE_FALSE_SHARE:.0f}%): a guess is right half the time",
    )


PAGE_RULES = (length_rank, position_balance, true_false_share)


def page_findings(page: ItemPage) -> list[Finding]:
    return [f for rule in PAGE_RULES if (f := rule(page)) is not None]
