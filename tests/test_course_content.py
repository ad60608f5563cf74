"""Structural requirements of the course itself (the complete course),
so that a later edit cannot quietly drop them: teaching length, scenario,
practice, reflection, knowledge check, readings, objectives traced to
questions, facilitator notes, glossary contributions, honest durations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursesite.course_loader import load_course
from coursesite.quiz.parse import parse_page
from support.sites import ROOT

COURSE = load_course(ROOT / "mkdocs.yml")
MODULES = COURSE.modules
TEACHING = [m for m in MODULES if m.id != "final-assessment"]
FINAL = COURSE.module("final-assessment")
CITE = re.compile(r"\{\{\s*cite\([^)]*\)\s*\}\}")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")  # noqa: RUF001 -- the course's prose uses typographic apostrophes


def body_lines(module) -> list[str]:
    source = COURSE.pages[module.src_uri]
    return source.text.splitlines()[source.body_first_line - 1 :]


def quizzes(module):
    return parse_page(COURSE.pages[module.src_uri].text, module.path).quizzes


def facilitator_notes(module) -> str:
    lines = body_lines(module)
    start = next(i for i, line in enumerate(lines) if line.startswith('??? facilitator "Facilitator notes"'))
    end = next(
        (j for j in range(start + 1, len(lines)) if lines[j].strip() and not lines[j].startswith(" ")), len(lines)
    )
    return "\n".join(lines[start:end])


def teaching_words(module) -> int:
    """Words a learner reads: no front matter, quizzes, facilitator notes or citation macros."""
    page = parse_page(COURSE.pages[module.src_uri].text, module.path)
    lines = COURSE.pages[module.src_uri].text.splitlines()
    skip = {i for block in page.blocks for i in range(block.start, block.end)}
    first = COURSE.pages[module.src_uri].body_first_line - 1
    text = "\n".join(line for i, line in enumerate(lines) if i >= first and i not in skip)
    text = text.split('??? facilitator "Facilitator notes"')[0]
    return len(WORD.findall(CITE.sub("", text)))


def test_the_course_has_every_module_in_order():
    assert [m.id for m in MODULES] == [
        "manager-or-leader",
        "mentoring",
        "coaching-conversations",
        "motivation",
        "positive-reinforcement",
        "resilience",
        "leading-without-fear",
        "hiring",
        "leadership-plan",
        "final-assessment",
    ]


@pytest.mark.parametrize("module", TEACHING, ids=lambda m: m.id)
def test_teaching_module_structure(module):
    words = teaching_words(module)
    assert 1500 <= words <= 3000, f"{module.path}: {words} words of teaching"
    text = "\n".join(body_lines(module))
    assert '!!! abstract "Scenario' in text, "a running scenario opens the module"
    assert '!!! example "Practice' in text, "at least one practice activity or role-play"
    assert '!!! question "Reflect"' in text, "reflection prompts"
    assert len(quizzes(module)) >= 6


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.id)
def test_every_question_explains_itself(module):
    for quiz in quizzes(module):
        assert quiz.explanation.strip(), f"{quiz.id}: explanation"
        assert all(choice.feedback.strip() for choice in quiz.choices), f"{quiz.id}: feedback on every choice"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.id)
def test_every_objective_is_checked_by_a_question(module):
    traced = {n for quiz in quizzes(module) for n in quiz.objectives}
    assert 3 <= len(module.objectives) <= 5
    assert traced >= set(range(1, len(module.objectives) + 1)), f"{module.path}: untraced objectives"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.id)
def test_readings_and_facilitator_notes(module):
    assert len(module.readings) >= 4
    notes = facilitator_notes(module)
    assert re.search(r"\|\s*0:00", notes), "a timed session plan table"
    assert "Discussion questions" in notes
    assert "role-play" in notes.lower()


@pytest.mark.parametrize("module", TEACHING, ids=lambda m: m.id)
def test_glossary_contribution(module):
    assert (ROOT / "docs" / "_data" / "glossary" / f"{module.id}.yml").is_file()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.id)
def test_duration_is_honest(module):
    """Reading at 150-250 words a minute plus 1-3 minutes a question, plus up to
    75 minutes of activities: a duration outside that is not honest."""
    words, questions = teaching_words(module), len(quizzes(module))
    shortest = words / 250 + questions * 1
    longest = words / 150 + questions * 3 + 75
    assert shortest <= module.duration <= longest, (
        f"{module.path}: {module.duration} min for {words} words and {questions} questions"
    )


def test_final_assessment_draws_on_every_module():
    assert FINAL is not None and FINAL.pass_mark == 80
    assert len(quizzes(FINAL)) >= 20
    text = COURSE.pages[FINAL.src_uri].text
    for module in TEACHING:
        assert Path(module.src_uri).name in text, f"the final assessment refers learners back to {module.id}"
