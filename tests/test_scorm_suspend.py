"""The compact suspend-data format (hooks/coursesite/scorm/suspend.py and its
browser copy docs/assets/lms/scorm/suspend.js): round trips, robustness to
whatever an LMS hands back, edits of the course, the same text from Python
and JavaScript, and the 4,096-character limit of SCORM 1.2 for the largest
possible record, of this repository's course and of a full ten-module one."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursesite.course_loader import load_course
from coursesite.scorm.outline import ModuleOutline, Outline, QuizOutline, course_outline
from coursesite.scorm.suspend import (
    SCORM12_LIMIT,
    Answer,
    Graded,
    LearnerRecord,
    decode,
    encode,
    pack,
    worst_case_length,
    worst_case_record,
)
from support.sites import ROOT

SUSPEND_JS = ROOT / "docs" / "assets" / "lms" / "scorm" / "suspend.js"


def make_outline(modules: int = 3, quizzes: int = 4, choices: int = 4, readings: int = 7) -> Outline:
    def quiz(m: int, q: int) -> QuizOutline:
        keys = [f"{m:02x}{q:02x}{c:04x}" for c in range(choices)]
        return QuizOutline(f"m{m}-q{q}", keys, keys[:1], False, f"Question {q}?")

    return Outline(
        "Course",
        80,
        [
            ModuleOutline(f"module-{m}", f"modules/{m:02}.html", [quiz(m, q) for q in range(quizzes)])
            for m in range(modules)
        ],
        [f"reading-{r:03}" for r in range(readings)],
    )


OUTLINE = make_outline()


@st.composite
def records(draw, outline: Outline = OUTLINE) -> LearnerRecord:
    record = LearnerRecord()
    record.visited = {m.id for m in outline.modules if draw(st.booleans())}
    record.readings = {r for r in outline.readings if draw(st.booleans())}
    for module in outline.modules:
        for quiz in module.quizzes:
            chosen = [key for key in quiz.choices if draw(st.booleans())]
            if chosen:
                record.answers[quiz.id] = Answer(draw(st.booleans()), chosen, draw(st.booleans()))
    return record


def assert_round_trip(outline: Outline, record: LearnerRecord) -> str:
    """The record written for ``outline`` reads back the same, within the worst case's length; returns the text."""
    text = encode(outline, record)
    assert decode(outline, text) == record
    assert len(text) <= worst_case_length(outline)
    return text


def assert_javascript_agrees(outline: Outline, recs: list[LearnerRecord]) -> None:
    """The browser code writes each record as Python does, and reads it back the same."""
    for record, js in zip(recs, run_js(outline, recs), strict=True):
        assert js["text"] == encode(outline, record)
        assert js["back"] == as_json(record)


@given(records())
@settings(max_examples=200, deadline=None)
def test_every_record_survives_a_round_trip(record):
    text = assert_round_trip(OUTLINE, record)
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_anything_the_lms_hands_back_decodes_without_error(text):
    record = decode(OUTLINE, text)
    assert isinstance(record, LearnerRecord)
    quiz_ids = {q.id for m in OUTLINE.modules for q in m.quizzes}
    assert set(record.answers) <= quiz_ids and record.readings <= set(OUTLINE.readings)


def test_an_empty_record_is_a_few_characters():
    assert encode(OUTLINE, LearnerRecord()).count(".") == 1 + len(OUTLINE.modules)
    assert decode(OUTLINE, "") == LearnerRecord()
    assert decode(OUTLINE, "3.anything") == LearnerRecord()  # a future format is not misread


def test_format_1_is_still_read_its_answers_first_try_taken_as_their_result():
    """Suspend data written before the first-try bit: every bit after
    "answered" was "correct" then the choices; nothing is lost."""
    record = LearnerRecord({"module-0"}, {"reading-002"}, {"m0-q1": Answer(False, ["00010001"])})
    quiz = OUTLINE.modules[0].quizzes[1]
    bits = [True, False, True, False] + [key in ["00010001"] for key in quiz.choices]  # visited, q0 no, q1 wrong
    sections = ["1", OUTLINE.readings_fingerprint + pack([False, False, True])]
    sections.append(OUTLINE.modules[0].fingerprint + pack(bits))
    resumed = decode(OUTLINE, ".".join(sections))
    assert resumed == record and resumed.answers["m0-q1"].first is False
    assert encode(OUTLINE, record).startswith("2.")


def test_the_worst_case_formula_matches_the_longest_record():
    for outline in (OUTLINE, make_outline(10, 30, 6, 80), make_outline(1, 0, 0, 0)):
        assert len(encode(outline, worst_case_record(outline))) == worst_case_length(outline)


def test_an_edited_module_loses_only_its_own_answers():
    record = LearnerRecord(
        {"module-0", "module-2"},
        {"reading-001"},
        {
            "m0-q1": Answer(True, ["00010000"]),
            "m1-q0": Answer(False, ["01000001"]),
            "m2-q3": Answer(True, ["02030000"]),
        },
    )
    text = encode(OUTLINE, record)
    changed = replace(OUTLINE.modules[1], quizzes=OUTLINE.modules[1].quizzes[:2])  # a quiz removed: new fingerprint
    edited = replace(OUTLINE, modules=[OUTLINE.modules[0], changed, OUTLINE.modules[2]])
    resumed = decode(edited, text)
    assert resumed.answers == {k: v for k, v in record.answers.items() if not k.startswith("m1-")}
    assert resumed.visited == record.visited and resumed.readings == record.readings


def test_a_module_moved_or_inserted_keeps_its_answers():
    record = LearnerRecord({"module-2"}, set(), {"m2-q3": Answer(True, ["02030000"])})
    text = encode(OUTLINE, record)
    inserted = ModuleOutline("new-module", "modules/new.html", [])
    reordered = replace(OUTLINE, modules=[inserted, OUTLINE.modules[2], OUTLINE.modules[0], OUTLINE.modules[1]])
    assert decode(reordered, text) == record


def test_a_full_ten_module_course_fits_scorm_12_with_room_to_spare():
    # Ten modules of 30 quizzes with 8 choices each, 200 readings: far beyond this course.
    big = make_outline(modules=10, quizzes=30, choices=8, readings=200)
    assert worst_case_length(big) <= 1000 < SCORM12_LIMIT


def test_this_course_fits_scorm_12_in_the_worst_case():
    outline = course_outline(load_course(ROOT / "mkdocs.yml"))
    worst = worst_case_length(outline)
    assert outline.quiz_count > 0
    assert len(encode(outline, worst_case_record(outline))) == worst <= SCORM12_LIMIT, (
        f"{outline.quiz_count} quizzes in {len(outline.modules)} modules, {len(outline.readings)} readings: "
        f"worst-case suspend data {worst} characters"
    )


# --- the browser's copy gives the same text ---------------------------------

NODE_SCRIPT = """
import { readFileSync } from "node:fs";
const { encode, decode } = await import(process.argv[1]);
const { outline, records } = JSON.parse(readFileSync(0, "utf8"));
const toJs = (r) => ({ visited: new Set(r.visited), readings: new Set(r.readings),
  answers: new Map(Object.entries(r.answers)), graded: new Map(Object.entries(r.graded)) });
const fromJs = (r) => ({ visited: [...r.visited].sort(), readings: [...r.readings].sort(),
  answers: Object.fromEntries([...r.answers].sort()), graded: Object.fromEntries([...r.graded].sort()) });
const out = records.map((r) => { const text = encode(outline, toJs(r)); return { text, back: fromJs(decode(outline, text)) }; });
process.stdout.write(JSON.stringify(out));
"""


def as_json(record: LearnerRecord) -> dict:
    return {
        "visited": sorted(record.visited),
        "readings": sorted(record.readings),
        "answers": {
            k: {"correct": v.correct, "first": v.first, "choices": v.choices} for k, v in sorted(record.answers.items())
        },
        "graded": {k: dataclasses.asdict(v) for k, v in sorted(record.graded.items())},
    }


def run_js(outline: Outline, recs: list[LearnerRecord]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: install Node.js 18 or newer to test the browser code")
    payload = json.dumps({"outline": outline.as_data("1.2"), "records": [as_json(r) for r in recs]})
    result = subprocess.run(
        [node, "--input-type=module", "-e", NODE_SCRIPT, SUSPEND_JS.as_uri()],
        input=payload,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@given(st.lists(records(), min_size=1, max_size=20))
@settings(max_examples=5, deadline=None)
def test_python_and_javascript_write_and_read_the_same_text(recs):
    assert_javascript_agrees(OUTLINE, recs)


def test_javascript_writes_the_worst_case_of_this_course_within_the_limit():
    outline = course_outline(load_course(ROOT / "mkdocs.yml"))
    [js] = run_js(outline, [worst_case_record(outline)])
    assert len(js["text"]) == worst_case_length(outline) <= SCORM12_LIMIT


# --- graded assessments: the recorded attempt and the attempts used ---------

GRADED_OUTLINE = Outline(
    "Course",
    80,
    [
        *make_outline(modules=2).modules,
        ModuleOutline("exam", "modules/exam.html", [], {"attempts": 3, "passMark": 80, "record": "best"}),
    ],
    [f"reading-{r:03}" for r in range(7)],
)


@st.composite
def graded_records(draw) -> LearnerRecord:
    record = draw(records(GRADED_OUTLINE))
    if draw(st.booleans()):
        used = draw(st.integers(1, 20))
        number = draw(st.integers(1, used))
        record.graded["exam"] = Graded(draw(st.integers(0, 100)), draw(st.booleans()), number, used)
    return record


@given(graded_records())
@settings(max_examples=200, deadline=None)
def test_a_graded_result_survives_a_round_trip(record):
    assert_round_trip(GRADED_OUTLINE, record)


@given(st.lists(graded_records(), min_size=1, max_size=20))
@settings(max_examples=5, deadline=None)
def test_python_and_javascript_agree_on_graded_results(recs):
    assert_javascript_agrees(GRADED_OUTLINE, recs)


def test_this_course_with_every_attempt_used_fits_scorm_12():
    """The worst case of the whole course: every module visited, every reading read,
    every knowledge check answered, every graded attempt used."""
    outline = course_outline(load_course(ROOT / "mkdocs.yml"))
    graded = [m for m in outline.modules if m.assessment]
    assert graded, "the course's final assessment is graded"
    worst = worst_case_record(outline)
    assert all(worst.graded[m.id].used >= m.assessment["attempts"] for m in graded)
    text = encode(outline, worst)
    print(f"worst-case suspend data with every attempt used: {len(text)} of {SCORM12_LIMIT} characters")
    assert len(text) == worst_case_length(outline) <= SCORM12_LIMIT
