"""Progress, quiz answers and reading ticks stay consistent (the progress
feature's reset and import): "Reset all progress" deletes every key of the
course and the page shows it at once; an exported file carries the answers
and ticks, and importing it in a fresh browser shows them on their pages.

The test course is the progress course (support/progress.py) with the
dashboard's controls also on the gamma module page, so that one page has a
quiz, a reading and the reset and import controls."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.progress import (
    GAMMA_BODY,
    PREFIX,
    ServedSite,
    answer,
    build_course,
    come_near,
    ready_quiz,
    record,
    seed,
    wait_stored,
)
from support.server import StaticServer
from support.sites import ROOT

DASHBOARD = (ROOT / "docs" / "dashboard.md").read_text(encoding="utf-8")
CONTROLS = DASHBOARD[DASHBOARD.index('<div class="lms-dashboard"') :]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("progress-sync") / "course"
    with StaticServer(root / "site") as server:
        build_course(ServedSite(root, server.url), gamma_body=GAMMA_BODY + "\n## Your progress here\n\n" + CONTROLS)
        yield server.url


form = ready_quiz


def reading_box(page):
    come_near(page, "[data-lms-reading='smith-2020']")
    return page.locator("[data-lms-reading='smith-2020'] input[data-lms-reading-toggle][data-lms-reading-ready]")


def our_keys(page) -> dict:
    return page.evaluate(
        "p => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k.slice(p.length), JSON.parse(localStorage.getItem(k))]))",
        PREFIX,
    )


def assert_unanswered(page, quiz_id: str) -> None:
    quiz = form(page, quiz_id)
    expect(quiz).not_to_have_attribute("data-lms-state", re.compile(".*"))
    expect(quiz.get_by_role("button", name="Check answer")).to_be_visible()
    expect(quiz.locator("input:checked")).to_have_count(0)
    expect(quiz.locator("input:disabled")).to_have_count(0)
    expect(quiz.locator(".lms-quiz__result")).to_have_text("")


def reset_all(page) -> None:
    page.get_by_role("button", name="Reset all progress…").click()
    page.get_by_role("dialog", name="Delete all your progress?").get_by_role(
        "button", name="Yes, delete all my progress"
    ).click()
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_have_text(
        "✓ All progress in this browser was deleted."
    )


def test_reset_clears_answers_and_ticks_on_this_page_and_after_navigation(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    answer(page, "alpha-q1")
    wait_stored(page, "r.quizzes['alpha-q1']")
    page.goto(course + "modules/03-gamma/")
    answer(page, "gamma-q1")
    reading_box(page).check()
    wait_stored(page, "r.readings['smith-2020']?.read && r.quizzes['gamma-q1']")
    assert {"quiz:alpha-q1", "quiz:gamma-q1", "readings", "progress"} <= set(our_keys(page))
    page.evaluate(
        "() => { window.__resets = []; document.addEventListener('lms:progress-reset', (e) => window.__resets.push(e.detail)); }"
    )

    reset_all(page)
    # This page shows the reset state at once, without a reload.
    assert_unanswered(page, "gamma-q1")
    expect(reading_box(page)).not_to_be_checked()
    expect(page.locator("[data-lms-reading-count='gamma']")).to_have_text("0 of 1 read")
    expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "0 of 1 right first time. Pass mark 100%: not met yet."
    )
    assert page.evaluate("window.__resets") == [{}]
    # Every key of the course is gone; only a fresh record (its new epoch wins over other tabs) is written.
    keys = our_keys(page)
    assert set(keys) == {"progress"}
    assert keys["progress"]["quizzes"] == {} and keys["progress"]["readings"] == {} and keys["progress"]["epoch"] > 0

    # After instant navigation the other page's quiz is unanswered too.
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-sidebar--primary").get_by_role("link", name=re.compile("Alpha basics")).click()
    page.wait_for_url("**/modules/01-alpha/")
    form(page, "alpha-q1").wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert_unanswered(page, "alpha-q1")
    page.reload()
    assert_unanswered(page, "alpha-q1")


def export_file(page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress (JSON file)").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def import_file(page, path: Path, mode: str) -> str:
    page.get_by_label("Progress file to import").set_input_files(str(path))
    page.get_by_label(re.compile(f"^{mode}")).check()
    status = page.locator("[data-lms-dashboard] > [role=status]")
    page.get_by_role("button", name="Import progress").click()
    expect(status).to_contain_text("Progress imported")
    return status.inner_text()


def learner_with_answers(open_page, course, tmp_path) -> Path:
    page = open_page(course + "modules/01-alpha/").page
    answer(page, "alpha-q1", right=True)
    answer(page, "alpha-q2", right=False)
    page.goto(course + "modules/03-gamma/")
    reading_box(page).check()
    wait_stored(page, "r.readings['smith-2020']?.read && r.quizzes['alpha-q2']")
    page.goto(course + "dashboard/")
    return export_file(page, tmp_path)


@pytest.mark.parametrize("mode", ["Merge", "Replace"])
def test_import_in_a_fresh_browser_shows_the_answers_and_ticks(course, open_page, tmp_path, mode):
    exported = learner_with_answers(open_page, course, tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert (
        data["record"]["quizzes"]["alpha-q1"]["correct"] is True
        and len(data["record"]["quizzes"]["alpha-q1"]["choices"]) == 1
    )
    assert data["record"]["readings"]["smith-2020"]["read"] is True

    fresh = open_page(course + "dashboard/").page  # a new context: empty storage
    import_file(fresh, exported, mode)
    fresh.goto(course + "modules/01-alpha/")
    expect(form(fresh, "alpha-q1")).to_have_attribute("data-lms-state", "right")
    expect(form(fresh, "alpha-q1").locator("li[data-lms-correct] input")).to_be_checked()
    expect(form(fresh, "alpha-q2")).to_have_attribute("data-lms-state", "wrong")
    expect(form(fresh, "alpha-q2").locator("li:not([data-lms-correct]) input")).to_be_checked()
    expect(fresh.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "1 of 2 right first time. Pass mark 50%: met. To complete this module, answer every question correctly: 1 of 2 so far."
    )
    fresh.goto(course + "modules/03-gamma/")
    expect(reading_box(fresh)).to_be_checked()
    expect(fresh.locator("[data-lms-reading-count='gamma']")).to_have_text("✓ 1 of 1 read")
    assert_unanswered(fresh, "gamma-q1")


def test_import_updates_this_page_and_replace_drops_what_the_file_lacks(course, open_page, tmp_path):
    exported = learner_with_answers(open_page, course, tmp_path)
    page = open_page(course + "modules/03-gamma/").page  # another browser, with its own answer here
    answer(page, "gamma-q1")
    wait_stored(page, "r.quizzes['gamma-q1']")
    page.evaluate(
        "() => { window.__imports = []; document.addEventListener('lms:progress-imported', (e) => window.__imports.push(e.detail)); }"
    )
    import_file(page, exported, "Merge")
    # Shown at once on this page: the file's reading tick; this browser's own answer stays.
    expect(reading_box(page)).to_be_checked()
    expect(form(page, "gamma-q1")).to_have_attribute("data-lms-state", "right")
    assert set(our_keys(page)) >= {"quiz:alpha-q1", "quiz:alpha-q2", "quiz:gamma-q1", "readings"}

    import_file(page, exported, "Replace")
    assert_unanswered(page, "gamma-q1")  # the file has no answer to this quiz
    expect(reading_box(page)).to_be_checked()
    keys = our_keys(page)
    assert "quiz:gamma-q1" not in keys and "gamma-q1" not in keys["progress"]["quizzes"]
    assert page.evaluate("window.__imports") == [{"mode": "merge"}, {"mode": "replace"}]


def test_export_adds_answers_and_ticks_kept_before_results_held_choices(course, open_page, tmp_path):
    """A record written before quiz results kept their choices, plus the quiz
    and reading scripts' own keys: the export carries what they know."""
    page = open_page().page
    old = record(quizzes={"alpha-q1": {"correct": True, "at": 1_700_000_000_000}})
    seed(page, course, old)
    page.evaluate("([p]) => { localStorage.setItem(p + 'readings', '[\"smith-2020\"]'); }", [PREFIX])
    page.goto(course + "modules/01-alpha/")
    answer(page, "alpha-q2", right=False)  # a new result, with its choices
    wait_stored(page, "r.quizzes['alpha-q2']?.choices")
    page.evaluate(
        "([p]) => localStorage.setItem(p + 'quiz:alpha-q1', JSON.stringify({choices: ['0badc0de']}))", [PREFIX]
    )
    page.goto(course + "dashboard/")
    data = json.loads(export_file(page, tmp_path).read_text(encoding="utf-8"))["record"]
    # The v1 result is taken as the first try (record.js: fromV1).
    assert data["quizzes"]["alpha-q1"] == {
        "correct": True,
        "at": 1_700_000_000_000,
        "choices": ["0badc0de"],
        "first": True,
    }
    assert data["quizzes"]["alpha-q2"]["correct"] is False and len(data["quizzes"]["alpha-q2"]["choices"]) == 1
    assert data["readings"]["smith-2020"]["read"] is True


BAD_CHOICES = [[], ["XYZ"], ["0badc0de"] * 51, "0badc0de", [1]]


@pytest.mark.parametrize("choices", BAD_CHOICES, ids=["none", "not-hex", "too-many", "not-a-list", "number"])
def test_a_file_with_bad_choices_is_refused_whole(course, open_page, tmp_path, choices):
    page = open_page(course + "dashboard/").page
    bad = record(quizzes={"alpha-q1": {"correct": True, "at": 1, "choices": choices}})
    file = tmp_path / "progress.json"
    file.write_text(
        json.dumps({"format": "lms-progress", "course": "From Sales Manager to Sales Leader", "record": bad}),
        encoding="utf-8",
    )
    page.get_by_label("Progress file to import").set_input_files(str(file))
    page.get_by_role("button", name="Import progress").click()
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_contain_text(
        '⚠ Import failed: That progress file is damaged, so nothing was imported: quizzes entry "alpha-q1" is not valid.'
    )
    assert not any(key.startswith("quiz:") for key in our_keys(page))
