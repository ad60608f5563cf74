"""Storage faults must leave the course working, log no console error (the
``open_page`` fixture fails the test on any) and keep what can be kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.progress import (
    KEY,
    answer,
    complete_record,
    dashboard_row,
    nav_badge,
    pass_alpha,
    quiz_checked,
    ready_quiz,
    record,
    seed,
    served_course,
    stored,
    wait_stored,
)

UNSAVED = "Your progress could not be saved in this browser"
DENY = "() => { throw new DOMException('The operation is insecure.', 'SecurityError'); }"
STORAGE_DISABLED = (
    f"for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, {{ get: {DENY} }});"
)
STORAGE_THROWS = f"for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) Storage.prototype[m] = {DENY};"
STORAGE_FULL = (
    "const setItem = Storage.prototype.setItem;"
    "Storage.prototype.setItem = function (k, v) { if (this === localStorage) throw new DOMException('full', 'QuotaExceededError'); return setItem.call(this, k, v); };"
)

# Full while this tab's sessionStorage says so: storage that fills up, then has room again.
STORAGE_FULL_AT_TIMES = (
    "const setItem = Storage.prototype.setItem;"
    "Storage.prototype.setItem = function (k, v) { if (this === localStorage && sessionStorage.getItem('full')) throw new DOMException('full', 'QuotaExceededError'); return setItem.call(this, k, v); };"
)
NEWER = "Progress from a newer version of this course was found in this browser."


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    with served_course(tmp_path_factory.mktemp("progress-faults") / "course") as url:
        yield url


@pytest.mark.parametrize("fault", [STORAGE_DISABLED, STORAGE_THROWS], ids=["disabled", "throwing"])
def test_without_storage_progress_lives_in_the_tab(course, browser, open_page, fault):
    context = browser.new_context()
    context.add_init_script(fault)
    page = open_page(course + "modules/01-alpha/", context=context).page
    quiz_checked(page, "alpha-q1")
    quiz_checked(page, "alpha-q2")
    expect(nav_badge(page, "Alpha basics")).to_have_text("✓ Complete")
    expect(page.locator("[data-lms-progress-foot] [role=status]")).to_contain_text(UNSAVED)
    # Instant navigation keeps the tab's memory: the dashboard still knows.
    page.locator(".md-sidebar--primary").get_by_role("link", name="Your progress").click()
    page.wait_for_url("**/dashboard/")
    expect(dashboard_row(page, "Alpha basics")).to_contain_text("✓ Complete")
    expect(page.locator(".lms-warning")).to_contain_text(UNSAVED)
    page.get_by_role("button", name="Mark complete: Beta practice").click()
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_contain_text(UNSAVED)
    expect(dashboard_row(page, "Beta practice")).to_contain_text("✓ Complete")


def test_full_storage_keeps_the_saved_record_and_the_new_progress(course, browser, open_page, tmp_path):
    context = browser.new_context()
    page = open_page(context=context).page
    saved = record(
        completed={"alpha": {"done": True, "at": 1_700_000_000_000}},
        quizzes={"alpha-q1": {"correct": True, "at": 1_700_000_000_000}},
    )
    seed(page, course, saved)
    context.add_init_script(STORAGE_FULL)
    page.goto(course + "modules/02-beta/")
    page.get_by_role("button", name="Mark this module complete").click()
    expect(page.locator("[data-lms-progress-foot] [role=status]")).to_contain_text(UNSAVED)
    assert stored(page) == saved  # nothing already saved was lost or damaged
    page.locator(".md-sidebar--primary").get_by_role("link", name="Your progress").click()
    expect(dashboard_row(page, "Alpha basics")).to_contain_text("✓ Complete")
    expect(dashboard_row(page, "Beta practice")).to_contain_text("✓ Complete")
    with page.expect_download() as download:  # the way to keep it: export works
        page.get_by_role("button", name="Export progress (JSON file)").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert set(exported["record"]["completed"]) == {"alpha", "beta"}


def test_corrupt_json_is_replaced_by_a_valid_record(course, open_page):
    page = open_page().page
    seed(page, course, '{"v": 1, "quizzes": {')
    page.goto(course + "modules/01-alpha/")
    quiz_checked(page, "alpha-q1")
    quiz_checked(page, "alpha-q2")
    wait_stored(page, "r.v === 2 && r.completed.alpha?.done")
    expect(nav_badge(page, "Alpha basics")).to_have_text("✓ Complete")


def test_a_damaged_record_keeps_its_valid_entries(course, open_page):
    page = open_page().page
    damaged = record(
        completed={"beta": {"done": True, "at": 5}, "Bad Id!": {"done": True, "at": 5}},
        quizzes={"alpha-q1": {"correct": "yes", "at": 5}, "gamma-q1": {"correct": True, "at": 5}},
        extra="not in the schema",
    )
    seed(page, course, damaged)
    page.reload()  # the home page reads it, repairs it and writes the repair back
    wait_stored(page, "!('extra' in r)")
    kept = stored(page)
    assert set(kept["completed"]) == {"beta", "gamma"}  # gamma: its one quiz is passed
    assert set(kept["quizzes"]) == {"gamma-q1"}
    expect(page.locator("[data-lms-home]")).to_contain_text("2 of 3 modules complete")


def test_a_v0_record_is_migrated(course, open_page):
    page = open_page().page
    v0 = {
        "visited": ["alpha"],
        "completed": ["beta"],
        "quizzes": {"alpha-q1": True, "alpha-q2": False},
        "read": ["smith-2020"],
        "lastPage": "alpha",
    }
    seed(page, course, v0)
    page.reload()
    wait_stored(page, "r.v === 2")
    migrated = stored(page)
    # alpha: 1 of 2 right first time meets its 50% pass mark, but alpha-q2 is yet to be answered correctly
    assert set(migrated["completed"]) == {"beta"}
    assert migrated["quizzes"]["alpha-q2"] == {
        "correct": False,
        "at": migrated["quizzes"]["alpha-q2"]["at"],
        "first": False,
    }
    assert migrated["readings"]["smith-2020"]["read"] is True
    assert migrated["last"]["module"] == "alpha"
    expect(page.locator("[data-lms-home]")).to_contain_text("1 of 3 modules complete")
    expect(page.get_by_role("link", name=re.compile("^Resume: Alpha basics"))).to_be_visible()


def test_other_sites_keys_are_neither_read_nor_touched(course, open_page):
    page = open_page().page
    others = {
        "lms:v1:/another-course/:progress": json.dumps(complete_record()),
        "lms:v0:/:progress": json.dumps(complete_record()),
        "progress": json.dumps(complete_record()),
        "lms:v1:/:quiz:gamma-q1": json.dumps({"choices": ["12345678"]}),
    }
    for key, value in others.items():
        seed(page, course, value, key=key)
    page.goto(course + "modules/01-alpha/")
    expect(page.locator("[data-lms-progress-foot]")).to_be_attached()
    assert nav_badge(page, "Beta practice").count() == 0
    pass_alpha(page)
    assert set(stored(page)["completed"]) == {"alpha"}
    for key, value in others.items():
        assert page.evaluate("k => localStorage.getItem(k)", key) == value


def test_two_tabs_writing_keep_each_others_progress(course, browser, open_page):
    context = browser.new_context()
    first = open_page(course + "modules/02-beta/", context=context).page
    second = open_page(course + "modules/03-gamma/", context=context).page  # loaded before the first tab writes
    first.get_by_role("button", name="Mark this module complete").click()
    quiz_checked(second, "gamma-q1")
    quiz_checked(first, "alpha-q1")
    quiz_checked(first, "alpha-q2")
    wait_stored(second, "r.completed.beta?.done && r.completed.gamma?.done && r.completed.alpha?.done")
    # Each tab shows what the other did, without a reload (storage events).
    expect(nav_badge(second, "Beta practice")).to_have_text("✓ Complete")
    expect(nav_badge(first, "Gamma review")).to_have_text("✓ Complete")


def test_a_reset_in_one_tab_is_not_undone_by_another(course, browser, open_page):
    context = browser.new_context()
    first = open_page(course + "modules/01-alpha/", context=context).page
    pass_alpha(first)
    second = open_page(course + "dashboard/", context=context).page
    expect(second.locator("[data-lms-dashboard-body]")).to_contain_text("1 of 3 modules complete")
    second.get_by_role("button", name="Reset all progress…").click()
    second.get_by_role("button", name="Yes, delete all my progress").click()
    wait_stored(second, "r.epoch > 0 && !r.completed.alpha")
    first.get_by_role("link", name="Beta practice").first.click()
    first.get_by_role("button", name="Mark this module complete").click()
    wait_stored(first, "r.completed.beta?.done")
    assert set(stored(first)["completed"]) == {"beta"}
    assert stored(first)["quizzes"] == {}
    expect(second.locator("[data-lms-dashboard-body]")).to_contain_text("1 of 3 modules complete")
    expect(dashboard_row(second, "Alpha basics")).to_contain_text("Not started")


def go(page, title: str) -> None:
    """Instant navigation to another page: the tab keeps its memory."""
    page.locator(".md-sidebar--primary").get_by_role("link", name=title).first.click()


def assert_answered_right(page, quiz_id: str) -> None:
    form = ready_quiz(page, quiz_id)
    expect(form).to_have_attribute("data-lms-state", "right")
    expect(form.locator("li[data-lms-correct] input")).to_be_checked()


def test_answers_storage_refused_come_back_from_the_progress_record(course, browser, open_page):
    context = browser.new_context()
    context.add_init_script(STORAGE_FULL_AT_TIMES)
    page = open_page(course + "modules/01-alpha/", context=context).page
    page.evaluate("sessionStorage.setItem('full', '1')")
    answer(page, "alpha-q1")  # neither the quiz's answer nor the record could be saved
    expect(page.locator("[data-lms-progress-foot] [role=status]")).to_contain_text(UNSAVED)
    go(page, "Beta practice")
    go(page, "Alpha basics")
    assert_answered_right(page, "alpha-q1")  # from the record in this tab's memory
    page.evaluate("sessionStorage.removeItem('full')")  # room again: the next change saves the record
    go(page, "Beta practice")
    page.get_by_role("button", name="Mark this module complete").click()
    wait_stored(page, "r.completed.beta?.done && r.quizzes['alpha-q1']?.choices")
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':quiz:'))") == []
    page.goto(course + "modules/01-alpha/")
    assert_answered_right(page, "alpha-q1")  # from the stored record
    expect(ready_quiz(page, "alpha-q2")).not_to_have_attribute("data-lms-state", "right")


def test_without_storage_answers_come_back_on_return_to_the_module(course, browser, open_page):
    context = browser.new_context()
    context.add_init_script(STORAGE_DISABLED)
    page = open_page(course + "modules/01-alpha/", context=context).page
    answer(page, "alpha-q2")
    go(page, "Gamma review")
    go(page, "Alpha basics")
    assert_answered_right(page, "alpha-q2")
    ready_quiz(page, "alpha-q2").get_by_role("button", name="Try again").click()
    go(page, "Gamma review")
    go(page, "Alpha basics")  # "Try again" cleared it: the record forgot the choices
    expect(ready_quiz(page, "alpha-q2")).not_to_have_attribute("data-lms-state", "right")


NEWER_RECORD = json.dumps({"v": 3, "epoch": 5, "learner": {"done": ["alpha"]}, "quizzes": [1, 2]})


def test_a_record_from_a_newer_version_is_kept_and_the_learner_told(course, open_page):
    page = open_page().page
    seed(page, course, NEWER_RECORD)
    page.reload()
    expect(page.locator("[data-lms-status]")).to_contain_text(NEWER)
    page.goto(course + "modules/02-beta/")
    status = page.locator("[data-lms-progress-foot] [role=status]")
    expect(status).to_contain_text(NEWER)
    page.get_by_role("button", name="Mark this module complete").click()
    expect(status).to_contain_text("✓ Module 2 complete. " + NEWER)
    expect(nav_badge(page, "Beta practice")).to_have_text("✓ Complete")  # this tab still shows what was done here
    go(page, "Alpha basics")
    answer(page, "alpha-q1")
    go(page, "Your progress")
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_contain_text(NEWER)
    expect(page.locator(".lms-warning")).to_contain_text(NEWER)
    page.get_by_role("button", name="Reset all progress…").click()
    page.get_by_role("button", name="Yes, delete all my progress").click()
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_contain_text(
        "✓ The progress this page can read was deleted."
    )
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == NEWER_RECORD  # never written over, nor deleted
    page.reload()
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_contain_text(NEWER)
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == NEWER_RECORD
