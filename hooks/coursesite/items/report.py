"""``course items``: per page and graded pool, what a test-wise learner
could get without reading the course.

For each page: how many questions of each kind, where the correct option
sits (position, and rank by length), and the score of every cue strategy
against blind guessing. The goal it states: no strategy beats chance by more
than 10 percentage points on any page or on the final assessment.
"""

from __future__ import annotations

import json
from collections import Counter

from ..quiz.model import Quiz
from . import pools
from .pool_rules import MARGIN
from .pools import ItemPage

GOAL = (
    f"no cue strategy beats chance by more than {MARGIN:.0f} percentage points on any page or on the final assessment"
)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def kinds(quizzes: list[Quiz]) -> dict[str, int]:
    counts = Counter(
        "true/false" if pools.is_true_false(q) else "multiple" if q.multiple else "single" for q in quizzes
    )
    return {kind: counts.get(kind, 0) for kind in ("single", "multiple", "true/false")}


def positions(quizzes: list[Quiz]) -> dict[int, int]:
    """Correct option's position (1 = first) in unshuffled single-answer questions."""
    return dict(
        sorted(Counter(pools.key_index(q) + 1 for q in quizzes if pools.is_single(q) and not q.shuffle).items())
    )


def length_ranks(quizzes: list[Quiz]) -> dict[int, int]:
    """Correct option's rank by length (1 = longest) in single-answer questions."""
    return dict(sorted(Counter(pools.length_rank(q) for q in quizzes if pools.is_single(q)).items()))


def page_summary(name: str, kind: str, quizzes: list[Quiz]) -> dict:
    scores = pools.scores(quizzes)
    return {
        "page": name,
        "kind": kind,
        "questions": len(quizzes),
        "kinds": kinds(quizzes),
        "positions": positions(quizzes),
        "length_ranks": length_ranks(quizzes),
        "strategies": [
            {
                "strategy": s.strategy,
                "questions": s.questions,
                "score": round(100 * s.score, 1),
                "chance": round(100 * s.chance, 1),
                "over_chance": round(s.over_chance, 1),
            }
            for s in scores
        ],
        "goal_met": all(s.over_chance <= MARGIN for s in scores),
    }


def summaries(pages: list[ItemPage]) -> list[dict]:
    rows = [page_summary(p.path, p.kind, p.quizzes) for p in pages]
    if len(pages) > 1:
        rows.append(page_summary("whole course", "all pages", [q for p in pages for q in p.quizzes]))
    return rows


def _distribution(counts: dict[int, int], label) -> str:
    return ", ".join(f"{label(k)} {v}" for k, v in counts.items()) or "none"


def _page_text(row: dict) -> list[str]:
    kinds_text = ", ".join(f"{n} {kind}" for kind, n in row["kinds"].items())
    lines = [
        f"{row['page']} ({row['kind']}): {row['questions']} questions: {kinds_text}",
        f"  correct option by position: {_distribution(row['positions'], _ordinal)}",
        f"  correct option by length: {_distribution(row['length_ranks'], lambda r: 'longest' if r == 1 else _ordinal(r) + '-longest')}",
        f"  {'cue strategy':<32}{'questions':>10}{'score':>8}{'chance':>8}{'over chance':>13}",
    ]
    for s in row["strategies"]:
        flag = "  !" if s["over_chance"] > MARGIN else ""
        lines.append(
            f"  {s['strategy']:<32}{s['questions']:>10}{s['score']:>7.1f}%{s['chance']:>7.1f}%{s['over_chance']:>+12.1f}{flag}"
        )
    return lines


def to_text(rows: list[dict]) -> str:
    lines = ["Questions that cannot be gamed (docs/guide/item-writing.md)", ""]
    for row in rows:
        lines += [*_page_text(row), ""]
    missed = [r["page"] for r in rows if not r["goal_met"] and r["kind"] != "all pages"]
    lines.append(f"Goal: {GOAL}.")
    lines.append(f"Missed on {len(missed)} page(s): {', '.join(missed)}." if missed else "Met on every page.")
    lines.append("! marks a strategy more than 10 points over chance.")
    return "\n".join(lines) + "\n"


def to_json(rows: list[dict]) -> str:
    return json.dumps({"goal": GOAL, "pages": rows}, indent=2) + "\n"
