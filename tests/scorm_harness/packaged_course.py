"""A small throwaway course for the SCORM tests: three modules with quizzes
(the last is the final assessment, pass mark 60), a reading list and a
trainer guide (which packages leave out), built with the project's real
configuration, hooks and theme."""

from __future__ import annotations

from pathlib import Path

from support.sites import SiteFactory, module_page

READINGS = """\
kram-1985:
  kind: book
  title: Mentoring at Work
  authors: ["Kram, Kathy E."]
  year: 1985
  publisher: Scott, Foresman
  isbn: "9780819168689"
  effort: 240 pages
  level: practitioner
  note: The classic study of mentoring relationships at work.
  modules: [intro]
pink-2009:
  kind: book
  title: "Drive: The Surprising Truth About What Motivates Us"
  authors: ["Pink, Daniel H."]
  year: 2009
  publisher: Riverhead Books
  url: https://www.danpink.com/books/drive/
  effort: 250 pages
  level: foundation
  note: A readable tour of research on motivation.
  modules: [intro]
"""


GUIDE = """\
---
title: Trainer guide
---

# Trainer guide

For the people who write the course: start with [the first module](../modules/01-intro.md)
and [writing quizzes](quizzes.md).
"""


def quiz(quiz_id: str, question: str, choices: list[tuple[str, bool]], *, multiple: bool = False) -> str:
    options = f"    id: {quiz_id}\n    objective: [1, 2, 3]\n" + ("    multiple: true\n" if multiple else "")
    items = "".join(f"- [{'x' if right else ' '}] {text}\n    > Because {text.lower()}.\n" for text, right in choices)
    return f"/// quiz | {question}\n{options}\n{items}\nThe explanation.\n///\n"


# quiz id -> (question, [(choice, correct)], multiple)
QUIZZES = {
    "intro": [
        (
            "intro-first-move",
            "What is your first move?",
            [("Wait and see", False), ("Ask what changed", True), ("Move the accounts", False)],
            False,
        ),
        ("intro-true-false", "Mentoring is a relationship, not a meeting.", [("True", True), ("False", False)], False),
    ],
    "practice": [
        (
            "practice-habits",
            "Which habits help a rep grow?",
            [
                ("Regular one to ones", True),
                ("Public league tables", False),
                ("Asking questions", True),
                ("Threats", False),
            ],
            True,
        ),
    ],
    "final-assessment": [
        ("final-one", "Which comes first?", [("The person", True), ("The forecast", False)], False),
        ("final-two", "What builds trust?", [("Listening", True), ("Shouting", False), ("Silence", False)], False),
    ],
}
TITLES = {"intro": "Introduction", "practice": "Practice", "final-assessment": "Final assessment"}


# A written task on the practice page (tests/test_task_scorm.py): reported once scored.
TASK = """
/// task | Plan a one to one
    id: practice-one-to-one

Write the opening of your next one to one with a rep.

| Criterion | Developing | Strong |
| --- | --- | --- |
| Questions | Mostly closed questions | Open questions that let the rep think |
| Focus | On the numbers only | On the rep and what would help |

Model answer:

Ask what has changed, then listen.
///
"""


def module_text(module_id: str, **fields) -> str:
    body = f"Some teaching for {TITLES[module_id].lower()}.\n\n" + (TASK if module_id == "practice" else "")
    body += "## Check your understanding\n\n"
    body += "\n".join(
        quiz(qid, question, choices, multiple=multiple) for qid, question, choices, multiple in QUIZZES[module_id]
    )
    readings = {"readings": ["kram-1985", "pink-2009"]} if module_id == "intro" else {}
    return module_page(module_id, title=TITLES[module_id], body=body, **readings, **fields)


def write_course(root: Path) -> SiteFactory:
    """Write the course (not built) and its mkdocs.yml; returns the factory."""
    site = SiteFactory(root)
    site.write(
        "docs/index.md",
        "---\ntitle: Welcome\n---\n\n# Welcome\n\nStart with [the introduction](modules/01-intro.md).\n",
    )
    site.write("docs/_data/readings.yml", READINGS)
    site.write("docs/readings.md", "---\ntitle: Reading list\n---\n\n# Reading list\n\n{{ reading_list() }}\n")
    site.module("01-intro.md", module_text("intro"))
    site.module("02-practice.md", module_text("practice", prerequisites=["intro"]))
    site.module("03-final.md", module_text("final-assessment", prerequisites=["practice"], pass_mark=60))
    site.write("docs/guide/index.md", GUIDE)
    site.write(
        "docs/guide/quizzes.md", "---\ntitle: Writing quizzes\n---\n\n# Writing quizzes\n\nSee [the guide](index.md).\n"
    )
    guide = {"Trainer guide": ["guide/index.md", "guide/quizzes.md"]}
    home = [{"Home": "index.md"}, {"Course": list(site.nav)}, {"Reading list": "readings.md"}, guide]
    site.write_config(home)
    return site


def answers(correct: bool) -> dict[str, list[str]]:
    """Choice texts to pick for every quiz: all right, or all wrong."""
    picks = {}
    for quizzes in QUIZZES.values():
        for qid, _question, choices, _multiple in quizzes:
            picks[qid] = [text for text, right in choices if right == correct][: None if correct else 1]
    return picks
