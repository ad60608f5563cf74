"""``course items``: its figures on a page whose cue scores are worked out
by hand, and the goal line on the repository's own course."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from coursesite import cli
from support.sites import ROOT, module_page

FIXTURE = ROOT / "tests" / "fixtures" / "items" / "known-scores.md"
CHANCE = 100 * (3 * 1 / 4 + 1 / 3) / 4  # three four-option questions and one three-option question
# By hand, for the four single-answer questions (see the fixture):
# longest: questions 1 and 2; second-longest: question 4; shortest: question 3;
# avoid absolute words: question 3 surely, the others at random (1/4, 1/4, 1/3);
# first: question 1; middle: half of question 2; last: questions 3 and 4;
# no option shares a stem word, so echoing the stem is blind guessing.
EXPECTED = {
    "pick the longest": (4, 50.0),
    "pick the second-longest": (4, 25.0),
    "pick the shortest": (4, 25.0),
    "avoid absolute words": (4, 100 * (1 / 4 + 1 / 4 + 1 + 1 / 3) / 4),
    "pick a hedged option": (4, CHANCE),
    "pick the first": (4, 25.0),
    "pick a middle position": (4, 12.5),
    "pick the last": (4, 50.0),
    "pick the one echoing the stem": (4, CHANCE),
    "overclaim is false": (2, 75.0),  # "every" gives the first away; the second is a coin toss
}


def _run(site, *args: str) -> tuple[int, str]:
    site.module("01-intro.md", module_page("intro", body=FIXTURE.read_text(encoding="utf-8")))
    site.write_config()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["--config", str(site.root / "mkdocs.yml"), "items", *args])
    return status, out.getvalue()


def test_items_figures_match_the_hand_worked_scores(site):
    status, output = _run(site, "--format", "json")
    assert status == 0
    (row,) = json.loads(output)["pages"]
    assert row["page"] == "docs/modules/01-intro.md" and row["kind"] == "knowledge check"
    assert row["questions"] == 7
    assert row["kinds"] == {"single": 4, "multiple": 1, "true/false": 2}
    assert row["positions"] == {"1": 1, "2": 1, "3": 1, "4": 1}
    assert row["length_ranks"] == {"1": 2, "2": 1, "4": 1}
    found = {s["strategy"]: s for s in row["strategies"]}
    assert set(found) == set(EXPECTED)
    for name, (questions, score) in EXPECTED.items():
        chance = 50.0 if name == "overclaim is false" else CHANCE
        assert found[name]["questions"] == questions, name
        assert found[name]["score"] == pytest.approx(score, abs=0.051), name
        assert found[name]["chance"] == pytest.approx(chance, abs=0.051), name
        assert found[name]["over_chance"] == pytest.approx(score - chance, abs=0.051), name
    assert row["goal_met"] is False


def test_items_text_report_marks_strategies_over_the_goal(site):
    status, output = _run(site)
    assert status == 0
    lines = output.splitlines()
    assert "docs/modules/01-intro.md (knowledge check): 7 questions: 4 single, 1 multiple, 2 true/false" in lines
    assert "  correct option by position: 1st 1, 2nd 1, 3rd 1, 4th 1" in lines
    assert "  correct option by length: longest 2, 2nd-longest 1, 4th-longest 1" in lines
    marked = {line.split("  ")[1].strip() for line in lines if line.endswith("  !")}
    assert marked == {"pick the longest", "avoid absolute words", "pick the last", "overclaim is false"}
    assert "Missed on 1 page(s): docs/modules/01-intro.md." in lines


def test_repository_course_report_states_the_goal_and_names_the_final_assessment():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["--config", str(ROOT / "mkdocs.yml"), "items", "--format", "json"]) == 0
    report = json.loads(out.getvalue())
    assert report["goal"].startswith("no cue strategy beats chance by more than 10 percentage points")
    kinds = {row["page"]: row["kind"] for row in report["pages"]}
    assert kinds["docs/modules/10-final-assessment.md"] == "graded pool"
    assert kinds["docs/modules/02-mentoring.md"] == "knowledge check"
    whole = report["pages"][-1]
    assert whole["page"] == "whole course" and whole["questions"] == sum(r["questions"] for r in report["pages"][:-1])
