"""Spaced review in a real browser, with Playwright's clock: completing a
module puts its knowledge-check questions in the schedule; a day later the
home and progress pages say how many are due; the Review page runs the
session by keyboard (answer, check, feedback, next) and moves each question
between boxes, without touching the knowledge-check scores; axe finds nothing
on the Review page in either scheme."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from support.a11y import axe_violations, set_scheme
from support.progress import ALPHA_BODY, answer, quiz, served_site, stored, wait_stored
from support.sites import module_page

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY_MS = 86_400_000
NAV = [
    {"Home": "index.md"},
    {"Course": ["modules/01-alpha.md"]},
    {"Your progress": "dashboard.md"},
    {"Review": "review.md"},
]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    modules = {"01-alpha.md": module_page("alpha", title="Alpha basics", pass_mark=50, body=ALPHA_BODY)}
    pages = ("index.md", "dashboard.md", "review.md")
    with served_site(tmp_path_factory.mktemp("review") / "course", NAV, modules, pages) as url:
        yield url


def learner_with_due_questions(browser, open_page, course, scheme="light"):
    """A learner who completed Alpha at T0 (both questions right first time), a day later."""
    context = browser.new_context(color_scheme=scheme)
    context.clock.install(time=T0)
    page = open_page(course + "modules/01-alpha/", context=context).page
    answer(page, "alpha-q1")
    answer(page, "alpha-q2")
    wait_stored(page, "r.review?.['alpha-q2']?.box === 1")
    entry = stored(page)["review"]["alpha-q1"]
    assert entry["box"] == 1 and entry["due"] - entry["at"] == DAY_MS
    page.goto(course)
    page.locator("html[data-lms-ready]").wait_for(state="attached")
    expect(page.locator("[data-lms-review-due]")).to_be_hidden()  # nothing due on the day
    page.clock.set_system_time(T0 + timedelta(days=1, minutes=1))
    return page


def test_completing_a_module_schedules_its_questions_and_home_says_when_due(course, browser, open_page):
    page = learner_with_due_questions(browser, open_page, course)
    page.reload()
    line = page.locator("[data-lms-review-due]")
    expect(line).to_be_visible()
    expect(line).to_contain_text("2 questions are due for review.")
    page.goto(course + "dashboard/")
    expect(page.locator("[data-lms-review-due]")).to_contain_text("2 questions are due for review.")
    page.get_by_role("link", name="Start a review").click()
    page.wait_for_url("**/review/")
    expect(page.locator("[data-lms-review-status]")).to_have_text(
        "2 questions are due. This session has 2, mixed across modules."
    )


def test_a_review_session_by_keyboard_moves_questions_between_boxes(course, browser, open_page):
    page = learner_with_due_questions(browser, open_page, course)
    before = stored(page)["quizzes"]
    page.goto(course + "review/")
    heading = page.locator(".lms-review__heading")
    expect(heading).to_have_text("Question 1 of 2, from Alpha basics")
    form = page.locator("form[data-lms-review-quiz]")
    first = form.get_attribute("data-lms-review-quiz")
    expect(form.locator(".lms-quiz__answer")).to_be_hidden()
    form.locator("input").first.focus()  # "The wrong one"
    page.keyboard.press("ArrowDown")  # "The right one"
    page.keyboard.press("Enter")
    expect(form.locator(".lms-quiz__result")).to_have_text("Correct! This question comes back in 3 days.")
    expect(form.locator(".lms-quiz__feedback--right")).to_be_visible()
    expect(form.locator(".lms-quiz__answer")).to_be_visible()
    expect(page.get_by_role("button", name="Next question")).to_be_focused()
    page.keyboard.press("Enter")
    expect(heading).to_have_text("Question 2 of 2, from Alpha basics")
    expect(heading).to_be_focused()
    form = page.locator("form[data-lms-review-quiz]")
    second = form.get_attribute("data-lms-review-quiz")
    form.get_by_label("The wrong one").check()
    form.get_by_role("button", name="Check answer").click()
    expect(form.locator(".lms-quiz__result")).to_have_text(
        "Not quite: see the feedback and the answer below. This question comes back tomorrow."
    )
    page.get_by_role("button", name="Finish the review").click()
    expect(heading).to_contain_text("Review complete: 1 of 2 right.")
    wait_stored(page, f"r.review['{first}'].box === 2")
    review, now = stored(page)["review"], int((T0 + timedelta(days=1, minutes=1)).timestamp() * 1000)
    assert review[first]["due"] - review[first]["at"] == 3 * DAY_MS and review[first]["at"] >= now
    assert review[second]["box"] == 1 and review[second]["due"] - review[second]["at"] == DAY_MS
    assert stored(page)["quizzes"] == before  # reviewing never changes a knowledge-check score
    page.reload()
    expect(page.locator("[data-lms-review-status]")).to_contain_text(
        "Nothing is due for review now. The next question is due on"
    )


@pytest.fixture(scope="module")
def two_modules(tmp_path_factory):
    nav = [{"Home": "index.md"}, {"Course": ["modules/01-alpha.md", "modules/02-gamma.md"]}, {"Review": "review.md"}]
    modules = {
        "01-alpha.md": module_page("alpha", title="Alpha basics", pass_mark=50, body=ALPHA_BODY),
        "02-gamma.md": module_page(
            "gamma", title="Gamma review", pass_mark=50, body="Gamma.\n" + quiz("gamma-q1", "[1, 2, 3]")
        ),
    }
    with served_site(tmp_path_factory.mktemp("review2") / "course", nav, modules, ("index.md", "review.md")) as url:
        yield url


def test_a_session_from_two_modules_fetches_each_modules_questions_once(two_modules, browser, open_page):
    context = browser.new_context()
    context.clock.install(time=T0)
    page = open_page(two_modules + "modules/01-alpha/", context=context).page
    answer(page, "alpha-q1")
    answer(page, "alpha-q2")
    page.goto(two_modules + "modules/02-gamma/")
    answer(page, "gamma-q1")
    wait_stored(page, "r.review?.['gamma-q1']?.box === 1 && r.review?.['alpha-q2']?.box === 1")
    page.clock.set_system_time(T0 + timedelta(days=1, minutes=1))
    fetched = []
    page.on("request", lambda request: "/questions/" in request.url and fetched.append(request.url.split("/")[-1]))
    page.goto(two_modules + "review/")
    expect(page.locator("[data-lms-review-status]")).to_have_text(
        "3 questions are due. This session has 3, mixed across modules."
    )
    assert sorted(fetched) == ["alpha.json", "gamma.json"]
    heading, sources = page.locator(".lms-review__heading"), []
    for number in (1, 2, 3):
        expect(heading).to_contain_text(f"Question {number} of 3, from ")
        sources.append(heading.inner_text().split(", from ")[1])
        form = page.locator("form[data-lms-review-quiz]")
        form.get_by_label("The right one").check()
        form.get_by_role("button", name="Check answer").click()
        page.get_by_role("button", name="Finish the review" if number == 3 else "Next question").click()
    assert sorted(sources) == ["Alpha basics", "Alpha basics", "Gamma review"]
    expect(heading).to_contain_text("Review complete: 3 of 3 right.")


def test_nothing_to_review_for_a_new_learner(course, open_page):
    page = open_page(course + "review/").page
    expect(page.locator("[data-lms-review-status]")).to_have_text(
        "Nothing to review yet: once you complete a module, its knowledge-check questions come back here a day later."
    )


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_review_page_passes_axe(course, browser, open_page, scheme):
    page = learner_with_due_questions(browser, open_page, course)
    page.goto(course + "review/")
    set_scheme(page, scheme)
    form = page.locator("form[data-lms-review-quiz]")
    form.get_by_label("The right one").check()
    form.get_by_role("button", name="Check answer").click()
    expect(page.get_by_role("button", name="Next question")).to_be_visible()
    assert axe_violations(page) == []
