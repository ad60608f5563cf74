"""What the LMS is told (docs/assets/lms/scorm/mapping.js), for the cases the
browser tests do not reach: session time formats, a course without quizzes,
a recorded "passed" that is never taken back, partial scores. Runs the
browser module itself under Node (plain ES module, no DOM needed)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from support.sites import ROOT

MAPPING_JS = ROOT / "docs" / "assets" / "lms" / "scorm" / "mapping.js"

SCRIPT = """
const m = await import(process.argv[1]);
const cases = JSON.parse(process.argv[2]);
const record = (r) => ({ visited: new Set(r.visited ?? []), readings: new Set(),
  answers: new Map(Object.entries(r.answers ?? {})) });
const out = cases.map(([fn, ...args]) => {
  if (fn === "sessionTime") return m.sessionTime(...args);
  const [outline, r, page, held] = args;
  return Object.fromEntries(m.cmiValues(outline, record(r), page, held));
});
process.stdout.write(JSON.stringify(out));
"""


def run(*cases) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: install Node.js 18 or newer to test the browser code")
    result = subprocess.run(
        [node, "--input-type=module", "-e", SCRIPT, MAPPING_JS.as_uri(), json.dumps(cases)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def outline(version: str, quizzes: int = 3, pass_mark: int = 80) -> dict:
    def quiz(n: int) -> dict:
        return {
            "id": f"q{n}",
            "choices": ["aaaaaaaa", "bbbbbbbb"],
            "correct": ["aaaaaaaa"],
            "labels": ["a-aaaaaaaa", "b-bbbbbbbb"],
            "text": "Q?",
        }

    return {
        "version": version,
        "passMark": pass_mark,
        "readings": {"fp": "AA", "ids": []},
        "modules": [
            {"id": "one", "fp": "AA", "quizzes": [quiz(n) for n in range(quizzes)]},
            {"id": "two", "fp": "AB", "quizzes": []},
        ],
    }


def answered(*correct: bool) -> dict:
    return {
        "answers": {
            f"q{n}": {"correct": ok, "choices": ["aaaaaaaa" if ok else "bbbbbbbb"]} for n, ok in enumerate(correct)
        }
    }


def test_session_time_in_each_versions_format():
    ms = ((1 * 60 + 2) * 60 + 3.45) * 1000
    assert run(
        ["sessionTime", "1.2", ms],
        ["sessionTime", "2004", ms],
        ["sessionTime", "1.2", 0],
        ["sessionTime", "1.2", 123 * 3600 * 1000],
    ) == [
        "01:02:03.45",
        "PT1H2M3.45S",
        "00:00:00.00",
        "123:00:00.00",
    ]


def test_partial_answers_are_incomplete_with_a_partial_score():
    v12, v2004 = run(
        ["cmi", outline("1.2"), answered(True), "modules/one.html", {}],
        ["cmi", outline("2004"), answered(True, False), "", {}],
    )
    assert v12["cmi.core.lesson_status"] == "incomplete" and v12["cmi.core.score.raw"] == "33.33"
    assert v12["cmi.core.lesson_location"] == "modules/one.html"
    assert (v2004["cmi.completion_status"], v2004["cmi.success_status"]) == ("incomplete", "unknown")
    assert (v2004["cmi.score.raw"], v2004["cmi.score.scaled"], v2004["cmi.progress_measure"]) == (
        "33.33",
        "0.3333",
        "0.6667",
    )


def test_the_pass_mark_is_met_exactly():
    [at_mark] = run(["cmi", outline("1.2", quizzes=5, pass_mark=80), answered(True, True, True, True, False), "", {}])
    assert at_mark["cmi.core.lesson_status"] == "passed" and at_mark["cmi.core.score.raw"] == "80"


def test_no_score_before_any_answer():
    [fresh] = run(["cmi", outline("1.2"), {}, "", {}])
    assert fresh["cmi.core.lesson_status"] == "incomplete" and "cmi.core.score.raw" not in fresh


def test_a_recorded_pass_is_never_taken_back():
    held12 = {"cmi.core.lesson_status": "passed"}
    held2004 = {"cmi.completion_status": "completed", "cmi.success_status": "passed"}
    v12, v2004 = run(
        ["cmi", outline("1.2"), answered(False), "", held12], ["cmi", outline("2004"), answered(False), "", held2004]
    )
    assert v12["cmi.core.lesson_status"] == "passed"
    assert (v2004["cmi.completion_status"], v2004["cmi.success_status"]) == ("completed", "passed")


def test_a_course_without_quizzes_is_completed_once_every_module_is_visited():
    half, whole = run(
        ["cmi", outline("1.2", quizzes=0), {"visited": ["one"]}, "", {}],
        ["cmi", outline("2004", quizzes=0), {"visited": ["one", "two"]}, "", {}],
    )
    assert half["cmi.core.lesson_status"] == "incomplete"
    assert (whole["cmi.completion_status"], whole["cmi.success_status"]) == ("completed", "unknown")
    assert "cmi.score.raw" not in whole
