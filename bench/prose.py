"""Deterministic, realistic-looking prose for the synthetic course.

Sentences are drawn with a seeded ``random.Random`` from a small bank about
the course's subject and cast, so every run of the generator writes exactly
the same files and the Markdown parser sees ordinary prose, not lorem ipsum.
"""

from __future__ import annotations

import random

CAST = ("Jordan", "Claire", "Priya", "Marcus", "Aisha", "Tom", "Elena", "Sam")

TOPICS = (
    "coaching",
    "mentoring",
    "motivation",
    "feedback",
    "recognition",
    "resilience",
    "hiring",
    "forecasting",
    "onboarding",
    "delegation",
    "one-to-ones",
    "territories",
    "pipeline",
    "goals",
    "trust",
    "conflict",
    "listening",
    "rejection",
    "habits",
    "meetings",
)

SENTENCES = (
    "{a} has been managing the team for a month and still answers every customer email personally.",
    "When {b} misses a target, the first question is what changed, not who is to blame.",
    "A good one-to-one starts with the rep's agenda, not the manager's spreadsheet.",
    "Most new managers were promoted for selling, so they reach for the deal instead of the person.",
    "{a} asks {b} to describe the last lost deal in their own words before offering any advice.",
    "Feedback works best when it is specific, timely and about the task rather than the person.",
    "Recognition that names the behaviour teaches the whole team what good looks like.",
    "Public league tables motivate the top three and quietly discourage everyone else.",
    "Short, regular coaching conversations beat a long annual review for changing habits.",
    "{b} keeps a simple log of calls, meetings and outcomes so that patterns become visible.",
    "A forecast is a conversation about evidence, not a promise made under pressure.",
    "Rejection is part of the job, and resilient reps treat it as information rather than a verdict.",
    "{a} agrees one small experiment with {b} for the coming week and a date to review it.",
    "The manager's calendar shows the team what the manager really values.",
    "Hiring for curiosity and coachability tends to outlast hiring for a polished interview.",
    "When the whole team hears the same standard, fairness stops depending on who shouts loudest.",
    "{b} prefers to learn by doing, so {a} sets up a joint call and debriefs it the same afternoon.",
    "A question such as 'What would you try next time?' keeps the thinking with the rep.",
    "Pressure from above does not have to flow straight down to the team.",
    "Writing the goal down, with a number and a date, makes it easier to notice progress.",
)

VERBS = ("Explain", "Distinguish", "Plan", "Apply", "Choose", "Describe", "Compare", "Summarise")


class Prose:
    """All text of one module, drawn from a generator seeded by its number."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def sentence(self) -> str:
        a, b = self.random.sample(CAST, 2)
        return self.random.choice(SENTENCES).format(a=a, b=b)

    def paragraph(self, sentences: int = 5, extra: str = "") -> str:
        text = " ".join(self.sentence() for _ in range(sentences))
        return f"{text} {extra}".rstrip()

    def phrase(self, words: int = 6) -> str:
        """A short, capitalised phrase without punctuation, for titles and choices."""
        chosen = self.sentence().rstrip(".").replace(",", "").replace("'", "").split()[:words]
        return " ".join(chosen)

    def objective(self) -> str:
        return f"{self.random.choice(VERBS)} how {self.phrase(7).lower()}"

    def pick(self, items):
        return self.random.choice(items)
