"""The learner's path in a real browser, at 1280 and 390 px in both schemes:
the home page's one primary button (new, returning and finished learner), a
module's place and status at its top, the end panel's result and next step,
the completion messages, and all of it by keyboard alone and axe-clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.a11y import axe_violations
from support.progress import complete_record, quiz_checked, record, seed, served_course

VIEWPORTS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}
LAYOUTS = [pytest.param(width, scheme, id=f"{width}-{scheme}") for width in VIEWPORTS for scheme in ("light", "dark")]
AT = 1_700_000_000_000


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The progress test course (support/progress.py): alpha (2 questions, pass
    mark 50%), beta (no questions), gamma (1 question, 1 reading)."""
    with served_course(tmp_path_factory.mktemp("path") / "course") as url:
        yield url


@pytest.fixture
def learner(browser, open_page):
    """A fresh browser page at a given width and scheme (and motion preference)."""

    def _open(width: str = "1280", scheme: str = "light", motion: str = "no-preference"):
        context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme, reduced_motion=motion)
        return open_page(context=context).page

    return _open


def ready(page, url: str) -> None:
    page.goto(url)
    page.locator("html[data-lms-ready]").wait_for(state="attached")


def primary(page):
    return page.locator("[data-lms-start] a[data-lms-next]")


def above_the_fold(page, locator) -> None:
    box = locator.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"], box


def returning() -> dict:
    return record(visited={"alpha": AT}, last={"module": "alpha", "anchor": "second-steps", "at": AT})


@pytest.mark.parametrize("width, scheme", LAYOUTS)
def test_a_new_learner_is_offered_one_button_to_start(course, learner, width, scheme):
    page = learner(width, scheme)
    ready(page, course)
    button = primary(page)
    expect(button).to_have_text("Start the course")
    assert button.get_attribute("href").endswith("/modules/01-alpha/")
    above_the_fold(page, button)
    # The time promise comes from the modules' durations (30 + 20 + 15 minutes).
    expect(page.locator(".lms-start__promise")).to_have_text("About 1 hour in 3 modules")
    assert page.locator(".md-content .md-button--primary").count() == 1


# What a learner with a record is offered: the record, the button, where it goes,
# and module 1's card (badge, progress in words, its link).
WITH_RECORD = {
    "returning": (
        lambda: returning(),
        "Resume: Alpha basics, Second steps",
        "/modules/01-alpha/#second-steps",
        ("◐ In progress", "0 of 2 questions answered (0%)", "Continue module 1: Alpha basics"),
    ),
    "finished": (
        lambda: complete_record(),
        "Get your certificate",
        "/certificate/",
        ("✓ Complete", "2 of 2 questions answered (100%)", "Review module 1: Alpha basics"),
    ),
}


@pytest.mark.parametrize("kind", list(WITH_RECORD))
@pytest.mark.parametrize("width, scheme", LAYOUTS)
def test_a_learner_with_a_record_is_offered_their_next_step(course, learner, width, scheme, kind):
    made, label, target, (status, progress, link) = WITH_RECORD[kind]
    page = learner(width, scheme)
    seed(page, course, made())
    ready(page, course)
    button = primary(page)
    expect(button).to_have_text(label)
    above_the_fold(page, button)
    assert button.get_attribute("href").endswith(target)
    card = page.locator(".lms-card[data-lms-module=alpha]")
    expect(card.locator("[data-lms-badge]")).to_have_text(status)
    expect(card.locator("[data-lms-card-progress-text]")).to_have_text(progress)
    expect(card.locator("a[data-lms-card-link]")).to_have_text(link)
    assert axe_violations(page) == []
    button.click()
    page.wait_for_url("**" + target)


def test_a_learner_with_progress_in_a_finished_module_continues_with_the_next(course, learner):
    page = learner()
    done = {"alpha": {"done": True, "at": AT}}
    seed(page, course, record(visited={"alpha": AT}, completed=done, last={"module": "alpha", "anchor": "", "at": AT}))
    ready(page, course)
    expect(primary(page)).to_have_text("Continue with module 2: Beta practice")
    assert primary(page).get_attribute("href").endswith("/modules/02-beta/")


def test_without_javascript_the_button_starts_the_course(course, open_page):
    page = open_page(course, javascript=False).page
    expect(primary(page)).to_have_text("Start the course")
    assert primary(page).get_attribute("href") == "modules/01-alpha/"  # as built: no script rewrote it
    expect(page.locator(".md-sidebar--primary").get_by_role("link", name="2. Beta practice")).to_be_attached()
    page.goto(course + "modules/02-beta/")
    expect(page.locator(".lms-module-meta")).to_have_text("Module 2 of 3 · 20 min")


@pytest.mark.parametrize("width, scheme", LAYOUTS)
def test_a_module_says_where_it_stands_and_where_to_go_next(course, learner, width, scheme):
    page = learner(width, scheme)
    ready(page, course + "modules/01-alpha/")
    # A new learner's first visit (progress/start.js), then a returning one (progress/panel.js).
    expect(page.locator(".lms-module-meta")).to_have_text("Module 1 of 3 · 30 min · In progress")
    expect(page.locator("article h1")).to_have_text("1. Alpha basics")
    panel = page.locator("[data-lms-progress-foot]")
    expect(panel.locator("[data-lms-end-result]")).to_have_text(
        "Knowledge check: 0 of 2 questions right first time (0%). Pass mark: 50%."
    )
    next_step = panel.get_by_role("link", name="Continue to module 2")
    assert next_step.get_attribute("href").endswith("/modules/02-beta/")
    assert page.locator(".md-content .md-button--primary").count() == 1
    # The panel comes before the reading list (gamma has one).
    ready(page, course + "modules/03-gamma/")
    expect(page.locator(".lms-module-meta")).to_have_text("Module 3 of 3 · 15 min · In progress")
    order = page.evaluate(
        "() => { const p = document.querySelector('[data-lms-progress-foot]'); const r = document.getElementById('reading-list');"
        " return !!(p.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING); }"
    )
    assert order, "the end panel comes before the reading list"
    panel.scroll_into_view_if_needed()
    expect(panel.locator("[data-lms-end-left]")).to_have_text(
        "Left to do: 1 question unanswered, 1 reading not ticked as read."
    )
    last = panel.get_by_role("link", name="Get your certificate")
    assert last.get_attribute("href").endswith("/certificate/")
    above_or_below = panel.bounding_box()
    assert above_or_below and above_or_below["width"] <= VIEWPORTS[width]["width"]
    assert axe_violations(page) == []


def answer_at_the_end(page, url: str, quiz_id: str):
    """Open a module, read down to its end panel, answer ``quiz_id`` right;
    returns the panel and its status region."""
    ready(page, url)
    panel = page.locator("[data-lms-progress-foot]")
    panel.scroll_into_view_if_needed()
    quiz_checked(page, quiz_id, correct=True)
    return panel, panel.get_by_role("status")


def test_answers_update_the_panel_and_completion_is_announced(course, learner):
    page = learner()
    panel, status = answer_at_the_end(page, course + "modules/01-alpha/", "alpha-q1")
    expect(panel.locator("[data-lms-end-left]")).to_have_text("Left to do: 1 question unanswered.")
    quiz_checked(page, "alpha-q2", correct=False)
    expect(panel.locator("[data-lms-end-left]")).to_have_text("Left to do: 1 question to answer correctly.")
    quiz_checked(page, "alpha-q2", correct=True)  # right at a later try: 1 of 2 first time meets 50%
    expect(status).to_have_text("✓ Module 1 complete.")
    expect(status).to_be_visible()
    assert status.get_attribute("tabindex") == "-1"
    expect(panel.locator("[data-lms-end-result]")).to_have_text(
        "✓ Passed. Knowledge check: 1 of 2 questions right first time (50%). Pass mark: 50%."
    )
    expect(panel.locator("[data-lms-end-left]")).to_have_text("Nothing left to do in this module.")
    expect(page.locator(".lms-module-meta")).to_have_text("Module 1 of 3 · 30 min · Complete")
    # Said once: another answer changes nothing of the message.
    quiz_checked(page, "alpha-q1", correct=False)
    expect(status).to_have_text("✓ Module 1 complete.")


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_finishing_the_course_leads_to_the_certificate(course, learner, motion):
    page = learner(motion=motion)
    done = {m: {"done": True, "at": AT} for m in ("alpha", "beta")}
    seed(page, course, record(visited={"alpha": AT, "beta": AT}, completed=done))
    panel, status = answer_at_the_end(page, course + "modules/03-gamma/", "gamma-q1")
    expect(status).to_have_text("✓ Module 3 complete, and with it the whole course. Your certificate is ready.")
    animations = status.evaluate("s => s.getAnimations().length")
    assert animations == (0 if motion == "reduce" else 1)
    panel.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url("**/certificate/")


def test_the_last_module_completed_anywhere_offers_the_certificate(course, learner):
    page = learner()
    done = {m: {"done": True, "at": AT} for m in ("alpha", "gamma")}
    seed(page, course, record(visited={"alpha": AT, "gamma": AT}, completed=done))
    ready(page, course + "modules/02-beta/")
    panel = page.locator("[data-lms-progress-foot]")
    expect(panel.get_by_role("link", name="Continue to module 3")).to_be_visible()
    panel.get_by_role("button", name="Mark this module complete").click()
    expect(panel.get_by_role("status")).to_contain_text("whole course")
    expect(panel.locator("a[data-lms-end-next]")).to_have_text("Get your certificate")


def tab_to(page, accessible: str, limit: int = 300) -> None:
    """Press Tab until the focused element's text is ``accessible``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.textContent?.trim()") == accessible:
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {accessible!r}"
            return
    raise AssertionError(f"{accessible!r} was never reached by Tab")


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_the_whole_path_works_by_keyboard(course, learner, width):
    page = learner(width)
    ready(page, course)
    tab_to(page, "Start the course")
    page.keyboard.press("Enter")
    page.wait_for_url("**/modules/01-alpha/")
    page.goto(course + "modules/02-beta/")
    page.locator("[data-lms-mark-complete]:not([hidden])").wait_for()
    tab_to(page, "Mark this module complete")
    page.keyboard.press("Enter")
    expect(page.locator("[data-lms-progress-foot]").get_by_role("status")).to_have_text("✓ Module 2 complete.")
    tab_to(page, "Continue to module 3", limit=5)
    page.keyboard.press("Enter")
    page.wait_for_url("**/modules/03-gamma/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_and_module_pages_pass_axe_for_new_and_returning_learners(course, learner, scheme):
    page = learner("1280", scheme)
    ready(page, course)
    assert axe_violations(page) == [], "home, new learner"
    ready(page, course + "modules/02-beta/")
    page.locator("[data-lms-mark-complete]:not([hidden])").wait_for()
    assert axe_violations(page) == [], "module, new learner"
    seed(page, course, returning())
    ready(page, course)
    expect(primary(page)).to_have_text("Resume: Alpha basics, Second steps")
    assert axe_violations(page) == [], "home, returning learner"
