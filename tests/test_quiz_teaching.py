"""Knowledge checks that teach, in real Chromium, keyboard only, at 1280 px and
390 px in both schemes: a wrong answer shows the feedback on the choice made,
never the answer, until "Show answer" is pressed; focus lands on the result,
whose live region says the feedback and explanation; the first try is the
score; "Choose all that apply" is said once; each control sits on its label's
first line; the chosen answer stays readable; the current module's badge shows
in the mobile drawer; and the sidebar shows nothing through its title."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from support.a11y import axe_violations
from support.keyboard import tab_to
from support.layout import misaligned_choices
from support.sites import SiteFactory, module_page

BODY = """\
[Skip to the questions](#check-your-understanding)

## Check your understanding

/// quiz | Your best rep has missed target two months running. What is your first move?
    id: teach-first-move
    objective: [1, 2]

- [ ] Put them on a thirty-day improvement plan with weekly reviews, written targets and a date to decide
    > Too early: it tells the rep the numbers matter more than they do.
- [x] Ask them, one to one, what has changed
    > Listening first gives you the facts.

Leaders start with the person behind the number.
///

/// quiz | Which of these make praise specific? Choose all that apply.
    id: teach-career
    objective: 3
    multiple: true

- [x] Naming what the rep did
    > The rep knows what to repeat.
- [ ] Saying it in the quarterly review
    > Too late to connect with the work.
- [x] Saying what it changed for the customer
    > It shows why it mattered.

Specific praise says what was done and why it mattered.
///
"""

SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}
CASES = [pytest.param(size, scheme, id=f"{size}-{scheme}") for size in SIZES for scheme in ("light", "dark")]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    site = SiteFactory(tmp_path_factory.mktemp("teaching") / "course")
    site.module("01-teach.md", module_page("teach", title="Teaching checks", body=BODY, pass_mark=50))
    with site.served("--strict") as url:
        yield url


def _open(browser, open_page, site_url, size, scheme):
    # Reduced motion: the module's end panel fades its news in, and axe must not catch it mid-fade.
    context = browser.new_context(color_scheme=scheme, viewport=SIZES[size], reduced_motion="reduce")
    page = open_page(site_url + "modules/01-teach/", context=context).page
    page.wait_for_selector("form[data-lms-quiz][data-lms-ready]")
    return page


def _expect_focus(page, element_id: str) -> None:
    """Focus on ``element_id``, waiting for the checking code if it is still on its way."""
    page.wait_for_function("(id) => document.activeElement?.id === id", arg=element_id, timeout=5000)


def _press_on(page, target: str, *keys: str) -> None:
    """Tab to ``target``, then press ``keys`` there."""
    tab_to(page, target)
    for key in keys:
        page.keyboard.press(key)


def _said(page, quiz_id: str) -> str:
    """What the live region holds (a screen reader announces all of it)."""
    return page.evaluate(f"document.querySelector('#lms-quiz-{quiz_id}-result').textContent")


def _axe(page) -> list[str]:
    """axe once nothing is animating and no glossary tooltip is left open on the page
    (glossary/tip.js opens one as focus passes a term)."""
    page.wait_for_function(
        "document.getAnimations().every((a) => a.playState !== 'running')"
        " && ![...document.querySelectorAll('.lms-tip')].some((t) => t.checkVisibility())"
    )
    return axe_violations(page)


def _contrast(page, selector: str) -> float:
    """Contrast of an element's text against the background it is drawn on."""
    return page.evaluate(
        """(selector) => {
            const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const node = document.querySelector(selector);
            let back = node;
            while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
            const [fg, bg] = [lum(rgb(getComputedStyle(node).color)), lum(rgb(getComputedStyle(back ?? document.body).backgroundColor))];
            return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        }""",
        selector,
    )


@pytest.mark.parametrize("size, scheme", CASES)
def test_a_knowledge_check_teaches_by_keyboard(browser, open_page, site_url, size, scheme):
    page = _open(browser, open_page, site_url, size, scheme)
    form = page.locator("#lms-quiz-teach-first-move")
    # Said once: the question's own "Choose all that apply." gives way to the instruction.
    career = page.locator("#lms-quiz-teach-career")
    assert career.inner_text().lower().count("all that apply") == 1
    expect(career.locator("legend")).to_have_text("Which of these make praise specific?")
    assert misaligned_choices(page, ".lms-quiz__choices li") == [], "each control sits on its label's first line"
    if size == "390":
        lines = page.evaluate(
            "(() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('#lms-quiz-teach-first-move li label')); return r.getClientRects().length; })()"
        )
        assert lines > 1, "the long choice wraps on a phone, so the first line is what counts"

    # A wrong first try: the feedback on it, never the answer.
    page.get_by_role("link", name="Skip to the questions").focus()
    tab_to(page, "lms-quiz-teach-first-move-1")
    page.keyboard.press("Space")
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")
    _expect_focus(page, "lms-quiz-teach-first-move-result")
    said = _said(page, "teach-first-move")
    assert said.startswith("Incorrect.") and "Too early" in said
    assert "Leaders start" not in said and "Correct answer" not in said
    expect(form.locator(".lms-quiz__answer")).to_be_hidden()
    expect(form.locator("#lms-quiz-teach-first-move-2-feedback")).to_be_hidden()
    expect(form.locator("#lms-quiz-teach-first-move-1-feedback")).to_have_text(
        re.compile("^Incorrect choice. Too early")
    )
    # The chosen answer stays readable, its status in words beside it.
    assert _contrast(page, "#lms-quiz-teach-first-move li[data-lms-picked] label") >= 4.5
    assert _axe(page) == []

    # "Show answer", pressed: the right choice, its feedback, the explanation, announced.
    tab_to(page, "Show answer")
    page.keyboard.press("Enter")
    _expect_focus(page, "lms-quiz-teach-first-move-result")
    expect(form.locator(".lms-quiz__solution")).to_have_text("Correct answer: Ask them, one to one, what has changed")
    expect(form.locator(".lms-quiz__explanation")).to_be_visible()
    expect(form.locator("#lms-quiz-teach-first-move-2-feedback")).to_be_visible()
    said = _said(page, "teach-first-move")
    assert (
        "Correct answer: Ask them" in said and "Explanation: Leaders start with the person behind the number." in said
    )

    # Another try, right: focus on the result (Enter there clears nothing), explanation announced.
    _press_on(page, "Try again", "Enter")
    _expect_focus(page, "lms-quiz-teach-first-move-1")
    page.keyboard.press("ArrowDown")
    _press_on(page, "Check answer", "Enter")
    _expect_focus(page, "lms-quiz-teach-first-move-result")
    page.keyboard.press("Enter")
    expect(form).to_have_attribute("data-lms-state", "right")
    said = _said(page, "teach-first-move")
    assert said.startswith("Correct!") and "Listening first" in said
    assert "Explanation: Leaders start with the person behind the number." in said

    # Right at the first try on the other: the first tries are the score.
    _press_on(page, "lms-quiz-teach-career-1", "Space")
    _press_on(page, "lms-quiz-teach-career-3", "Space")
    _press_on(page, "Check answer", "Enter")
    expect(career).to_have_attribute("data-lms-state", "right")
    expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "1 of 2 right first time. Pass mark 50%: met."
    )
    assert _axe(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_current_modules_badge_shows_in_the_mobile_drawer(browser, open_page, site_url, scheme):
    page = _open(browser, open_page, site_url, "390", scheme)
    page.get_by_role("link", name="Skip to the questions").focus()
    tab_to(page, "lms-quiz-teach-first-move-1")
    page.keyboard.press("ArrowDown")  # chooses the next answer
    tab_to(page, "Check answer")
    page.keyboard.press("Enter")  # the first answer loads progress, which draws the badges
    page.locator("a.md-nav__link [data-lms-badge]").first.wait_for(state="attached")
    page.evaluate("document.querySelector('#__drawer').click()")  # the header's menu button
    current = page.locator('.md-nav--primary label.md-nav__link[for="__toc"]')
    expect(current).to_be_visible()
    expect(current.locator("[data-lms-badge]")).to_be_visible()
    expect(current.locator("[data-lms-badge]")).to_have_text("◐ In progress")
    # The drawer itself (the whole page, drawer open, is axe-checked mid-animation otherwise).
    drawer = Axe().run(page, context=".md-sidebar--primary").response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in drawer] == []


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_nothing_shows_through_the_sidebar_title_while_tabbing(browser, open_page, built_course, course_url, scheme):
    """Keyboard travel through the real course's sidebar, on a short screen that
    makes it scroll: no link is ever drawn under the sidebar's title; axe is clean."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 360})
    first = json.loads((built_course / "assets/lms/course.json").read_text(encoding="utf-8"))["modules"][0]
    page = open_page(course_url + first["url"], context=context).page
    page.locator("html[data-lms-ready]").wait_for(state="attached")
    under = """() => {
        const title = document.querySelector('.md-sidebar--primary .md-nav__title').getBoundingClientRect();
        const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap').getBoundingClientRect();
        return [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')].filter((link) => {
            const box = link.getBoundingClientRect();
            const shown = box.height > 0 && box.bottom > wrap.top && box.top < wrap.bottom;
            return shown && box.top < title.bottom - 1 && box.bottom > title.top + 1;
        }).map((link) => link.textContent.trim());
    }"""
    stops = 0
    for _ in range(80):
        page.keyboard.press("Tab")
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            if stops:
                break
            continue
        stops += 1
        assert page.evaluate(under) == [], f"under the title after {stops} stops"
    assert stops > 10, "the whole sidebar was travelled"
    page.keyboard.press("Shift+Tab")  # back into the sidebar, its end scrolled into view
    assert page.evaluate(under) == []
    assert axe_violations(page) == []
