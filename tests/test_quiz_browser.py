"""Quizzes in real headless Chromium: keyboard only, the live region, focus
rings in both schemes, feedback, the page summary, saved answers across
reloads and instant navigation, reset, no JavaScript, broken storage,
hostile text, and axe-core in both schemes before and after answering."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support.a11y import axe_violations
from support.keyboard import focused, tab_to
from support.sites import SiteFactory, module_page

QUIZZES = """\
[Skip to the other page](02-other.md)

/// quiz | Which is the *first* move?
    id: quizzes-first-move
    objective: 1
    hint: Think about the person.

- [ ] Plan
    > Too early.
- [x] Ask
    > Listening first.
- [ ] Reassign
    > Hides problems.

Leaders start with the person.
///

/// quiz | Which are career functions?
    id: quizzes-career
    objective: 2
    multiple: true

- [x] Sponsorship
    > Opens doors.
- [ ] Counselling
    > A psychosocial function.
- [x] Exposure
    > Being seen.

Kram named two families of functions.
///

/// quiz | True or false: praise works best when it is vague.
    id: quizzes-true-false
    objective: 3
    shuffle: true

- [ ] True
    > Vague praise teaches nothing.
- [x] False
    > Specific praise tells people what to repeat.
///

After the quizzes.
"""

HOSTILE = """\
# Hostile

/// quiz | Is <script>window.pwned = 1</script> safe?
    id: hostile-text
    hint: <img src=x onerror="window.pwned = 2">

- [ ] Yes </script><script>window.pwned = 3</script>
    > <b onmouseover="window.pwned = 4">hover me</b>
- [x] No
    > <svg onload="window.pwned = 5"></svg> onerror= stays text.
///
"""

QUIZ_IDS = ["quizzes-first-move", "quizzes-career", "quizzes-true-false"]


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    site = SiteFactory(tmp_path_factory.mktemp("quizzes") / "course")
    site.write("docs/index.md", "# Home\n")
    site.write("docs/hostile.md", HOSTILE, dedent=False)
    site.module("01-quizzes.md", module_page("quizzes", title="Quizzes", body=QUIZZES, pass_mark=60))
    site.module("02-other.md", module_page("other", title="Other", body="[Back to the quizzes](01-quizzes.md)\n"))
    nav = [{"Home": "index.md"}, {"Course": list(site.nav)}, {"Hostile": "hostile.md"}]
    with site.served("--strict", nav=nav) as url:
        yield url


def _open(open_page, quiz_site, scheme="light", **kwargs):
    watched = open_page(quiz_site + "modules/01-quizzes/", color_scheme=scheme, **kwargs)
    page = watched.page
    if kwargs.get("javascript", True):
        page.wait_for_selector("form[data-lms-quiz][data-lms-ready]")
    return page


def _record_events(page) -> None:
    page.evaluate("""() => {
        window.__events = [];
        for (const name of ["lms:quiz-checked", "lms:quiz-reset"])
            document.addEventListener(name, (e) => window.__events.push({name, ...e.detail}));
    }""")


def _answer(page, quiz_id: str, *labels: str) -> None:
    form = page.locator(f"#lms-quiz-{quiz_id}")
    for label in labels:
        form.get_by_label(label, exact=True).check()
    form.get_by_role("button", name="Check answer").click()


def _result(page, quiz_id: str):
    return page.locator(f"#lms-quiz-{quiz_id}-result")


def _expect_message(page, quiz_id: str, message: str) -> None:
    """The result message as shown; the live region says more after it (quiz/check.js)."""
    expect(_result(page, quiz_id)).to_have_text(re.compile("^" + re.escape(message) + "( |$)"))


def test_answer_by_keyboard_only_and_hear_the_result(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    assert page.locator(".lms-quiz input:checked").count() == 0, "no choice is ever pre-selected"
    page.get_by_role("link", name="Skip to the other page").focus()
    page.keyboard.press("Tab")
    assert focused(page) == "Hint"
    page.keyboard.press("Tab")
    assert focused(page) == "lms-quiz-quizzes-first-move-1"
    assert not page.locator("#lms-quiz-quizzes-first-move-1").is_checked(), "focus alone never chooses"
    page.keyboard.press("ArrowDown")
    assert (
        focused(page) == "lms-quiz-quizzes-first-move-2" and page.locator("#lms-quiz-quizzes-first-move-2").is_checked()
    )
    page.keyboard.press("Tab")
    assert focused(page) == "Check answer"
    page.keyboard.press("Enter")
    live = _result(page, "quizzes-first-move")
    assert live.get_attribute("role") == "status"
    _expect_message(page, "quizzes-first-move", "Correct! The explanation is below.")
    assert focused(page) == "lms-quiz-quizzes-first-move-result", "focus on the result, never on Try again"
    page.keyboard.press("Enter")  # Enter on the message clears nothing
    assert page.locator("#lms-quiz-quizzes-first-move").get_attribute("data-lms-state") == "right"
    # A multiple-choice quiz: Space ticks checkboxes, Enter checks.
    tab_to(page, "lms-quiz-quizzes-career-1")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page) == "lms-quiz-quizzes-career-3"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    _expect_message(page, "quizzes-career", "Correct! The explanation is below.")


@pytest.mark.parametrize("scheme, palette", [("light", "default"), ("dark", "slate")])
def test_focus_ring_is_visible_on_radios_and_checkboxes(open_page, quiz_site, scheme, palette):
    page = _open(open_page, quiz_site, scheme)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == palette
    page.get_by_role("link", name="Skip to the other page").focus()
    for target in ("lms-quiz-quizzes-first-move-1", "lms-quiz-quizzes-career-1"):
        tab_to(page, target)
        style = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; })()"
        )
        assert style[0] == "solid" and style[1] >= 2, (target, style)
        assert style[2] not in ("transparent", "rgba(0, 0, 0, 0)"), (target, style)


def test_feedback_and_explanation_appear_after_checking_and_try_again_resets(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    form = page.locator("#lms-quiz-quizzes-first-move")
    assert (
        not form.locator(".lms-quiz__answer").is_visible()
        and not form.locator(".lms-quiz__feedback").first.is_visible()
    )
    _answer(page, "quizzes-first-move", "Plan")
    _expect_message(page, "quizzes-first-move", "Incorrect. Read the feedback, then try again or show the answer.")
    chosen = form.locator("#lms-quiz-quizzes-first-move-1-feedback")
    expect(chosen).to_be_visible()
    expect(chosen).to_have_text("Incorrect choice. Too early.")
    expect(chosen).to_contain_text("Too early.")
    assert not form.locator("#lms-quiz-quizzes-first-move-2-feedback").is_visible(), "only chosen choices get feedback"
    assert (
        form.locator("#lms-quiz-quizzes-first-move-1").get_attribute("aria-describedby")
        == "lms-quiz-quizzes-first-move-1-feedback"
    )
    # A wrong answer never shows the answer by itself: "Show answer" does, when pressed.
    expect(form.locator(".lms-quiz__answer")).to_be_hidden()
    assert not form.locator("#lms-quiz-quizzes-first-move-2-feedback").is_visible()
    form.get_by_role("button", name="Show answer").click()
    expect(form.locator(".lms-quiz__explanation")).to_have_text("Leaders start with the person.")
    expect(form.locator(".lms-quiz__solution")).to_have_text("Correct answer: Ask")
    expect(form.locator("#lms-quiz-quizzes-first-move-2-feedback")).to_have_text("Correct choice. Listening first.")
    expect(form.get_by_role("button", name="Show answer")).to_be_hidden()
    # Right and wrong are told by text and icon, not colour alone.
    assert page.evaluate(
        "getComputedStyle(document.querySelector('#lms-quiz-quizzes-first-move-1-feedback'), '::before').content"
    ).startswith('"✗')
    form.get_by_role("button", name="Try again").click()
    expect(_result(page, "quizzes-first-move")).to_have_text("")
    assert form.locator("input:checked").count() == 0 and form.locator("input:disabled").count() == 0
    assert not chosen.is_visible() and not form.locator(".lms-quiz__answer").is_visible()
    assert focused(page) == "lms-quiz-quizzes-first-move-1"
    _answer(page, "quizzes-career", "Sponsorship", "Counselling")
    _expect_message(
        page,
        "quizzes-career",
        "Not quite: you chose 1 of 2 correct answers, and 1 incorrect. Read the feedback, then try again or show the answer.",
    )


def test_checking_with_nothing_chosen_gives_an_inline_message_and_clears_nothing(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    _answer(page, "quizzes-career")
    error = page.locator("#lms-quiz-quizzes-career-error")
    expect(error).to_be_visible()
    expect(error).to_have_text("Choose an answer before checking.")
    described = page.locator("#lms-quiz-quizzes-career fieldset").get_attribute("aria-describedby").split()
    assert "lms-quiz-quizzes-career-error" in described and "lms-quiz-quizzes-career-instruction" in described
    assert focused(page) == "lms-quiz-quizzes-career-1"
    expect(_result(page, "quizzes-career")).to_have_text("")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('lms:') && k.includes('quiz:'))") == []
    _answer(page, "quizzes-career", "Sponsorship", "Exposure")
    expect(error).to_be_hidden()


def test_each_check_dispatches_an_event_and_updates_the_page_summary(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    summary = page.locator("[data-lms-quiz-summary] [role=status]")
    # A new learner sees the built text until there is a result to count.
    expect(summary).to_have_text("This page has 3 questions. The pass mark is 60%.")
    _record_events(page)
    _answer(page, "quizzes-first-move", "Ask")
    _answer(page, "quizzes-career", "Counselling")
    expect(summary).to_have_text("1 of 3 right first time. Pass mark 60%: not met yet.")
    _answer(page, "quizzes-true-false", "False")
    expect(summary).to_have_text(
        "2 of 3 right first time. Pass mark 60%: met. To complete this module, answer every question correctly: 2 of 3 so far."
    )
    assert page.locator("[data-lms-quiz-summary]").get_attribute("data-lms-passed") == "true"
    events = page.evaluate("window.__events")
    common = {"name": "lms:quiz-checked", "page": "/modules/01-quizzes/", "module": "quizzes", "retry": False}
    assert events == [
        {**common, "quizId": "quizzes-first-move", "correct": True, "first": True},
        {**common, "quizId": "quizzes-career", "correct": False, "first": False},
        {**common, "quizId": "quizzes-true-false", "correct": True, "first": True},
    ]


def _assert_restored(page) -> None:
    _expect_message(page, "quizzes-first-move", "Correct! The explanation is below.")
    assert page.locator("#lms-quiz-quizzes-first-move-2").is_checked()
    assert page.locator("#lms-quiz-quizzes-true-false input:checked + label").inner_text() == "False"
    expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "2 of 3 right first time. Pass mark 60%: met."
    )


def test_answers_survive_reload_and_instant_navigation_without_duplicate_listeners(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    _answer(page, "quizzes-first-move", "Ask")
    _answer(page, "quizzes-true-false", "False")
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('lms:')).sort()")
    assert [k for k in keys if ":quiz:" in k] == [
        "lms:v1:/:quiz:quizzes-first-move",
        "lms:v1:/:quiz:quizzes-true-false",
    ]
    page.reload()
    page.wait_for_selector("form[data-lms-ready]")
    _assert_restored(page)
    page.evaluate("window.__sameDocument = true")
    for _ in range(2):  # there and back twice: listeners must not pile up
        page.get_by_role("link", name="Skip to the other page").click()
        page.wait_for_url(re.compile(r"/modules/02-other/$"))
        page.get_by_role("link", name="Back to the quizzes").click()
        page.wait_for_url(re.compile(r"/modules/01-quizzes/$"))
        page.wait_for_selector("form[data-lms-ready]")
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation kept the document"
    _assert_restored(page)
    _record_events(page)
    _answer(page, "quizzes-career", "Sponsorship", "Exposure")
    _expect_message(page, "quizzes-career", "Correct! The explanation is below.")
    assert len(page.evaluate("window.__events")) == 1


def test_reset_this_page_clears_every_answer(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    _answer(page, "quizzes-first-move", "Ask")
    _answer(page, "quizzes-career", "Sponsorship")
    _record_events(page)
    page.get_by_role("button", name="Reset this page").click()
    expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "Answers on this page cleared. 1 of 3 right first time. Pass mark 60%: not met yet."
    )
    assert page.locator(".lms-quiz input:checked").count() == 0 and page.locator("form[data-lms-state]").count() == 0
    assert page.evaluate("window.__events") == [
        {"name": "lms:quiz-reset", "quizIds": QUIZ_IDS, "page": "/modules/01-quizzes/", "module": "quizzes"}
    ]
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':quiz:'))") == []
    page.reload()
    page.wait_for_selector("form[data-lms-ready]")
    assert page.locator(".lms-quiz input:checked").count() == 0


def test_without_javascript_the_answer_is_a_disclosure(open_page, quiz_site):
    page = _open(open_page, quiz_site, javascript=False)
    form = page.locator("#lms-quiz-quizzes-first-move")
    assert form.locator("fieldset legend").inner_text() == "Which is the first move?"
    assert form.get_by_role("radio").count() == 3
    assert not form.get_by_role("button", name="Check answer").is_visible()
    answer = form.locator(".lms-quiz__answer")
    expect(answer.locator("summary")).to_have_text("Show answer")
    assert not answer.locator(".lms-quiz__explanation").is_visible()
    answer.locator("summary").click()
    expect(answer.locator(".lms-quiz__solution")).to_have_text("Correct answer: Ask")
    expect(answer.locator(".lms-quiz__explanation")).to_be_visible()
    form.get_by_label("Plan", exact=True).check()  # native radios work as they are
    expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "This page has 3 questions. The pass mark is 60%."
    )
    assert not page.get_by_role("button", name="Reset this page").is_visible()


STORAGE_THROWS = """
for (const name of ["getItem", "setItem", "removeItem"]) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith("lms:")) throw new DOMException("refused", name === "setItem" ? "QuotaExceededError" : "SecurityError");
    return original.call(this, key, ...rest);
  };
}
"""


def test_storage_that_throws_never_breaks_a_quiz(open_page, browser, quiz_site):
    context = browser.new_context()
    context.add_init_script(STORAGE_THROWS)
    watched = open_page(quiz_site + "modules/01-quizzes/", context=context)
    page = watched.page
    page.wait_for_selector("form[data-lms-ready]")
    _answer(page, "quizzes-first-move", "Ask")
    _expect_message(page, "quizzes-first-move", "Correct! The explanation is below.")
    page.get_by_role("button", name="Reset this page").click()
    page.reload()
    page.wait_for_selector("form[data-lms-ready]")
    _answer(page, "quizzes-true-false", "True")
    _expect_message(page, "quizzes-true-false", "Incorrect. Read the feedback, then try again or show the answer.")


@pytest.mark.parametrize(
    "stored",
    ["{not json", "[1, 2, 3]", '{"choices": ["<script>"]}', '{"choices": ["0badc0de"]}', '{"choices": []}', "null"],
)
def test_corrupt_or_foreign_saved_answers_are_ignored(open_page, quiz_site, stored):
    page = _open(open_page, quiz_site)
    page.evaluate(
        f"(value) => {{ for (const id of {QUIZ_IDS!r}) localStorage.setItem('lms:v1:/:quiz:' + id, value); }}", stored
    )
    page.reload()
    page.wait_for_selector("form[data-lms-ready]")
    assert page.locator(".lms-quiz input:checked").count() == 0 and page.locator("form[data-lms-state]").count() == 0
    _answer(page, "quizzes-first-move", "Ask")
    _expect_message(page, "quizzes-first-move", "Correct! The explanation is below.")


def test_a_saved_answer_follows_its_choice_through_shuffling(open_page, quiz_site):
    page = _open(open_page, quiz_site)
    _answer(page, "quizzes-true-false", "False")
    for _ in range(4):
        page.reload()
        page.wait_for_selector("form[data-lms-ready]")
        assert page.locator("#lms-quiz-quizzes-true-false input:checked + label").inner_text() == "False"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_before_and_after_answering(open_page, quiz_site, scheme):
    page = _open(open_page, quiz_site, scheme)
    assert axe_violations(page) == []
    page.locator(".lms-quiz__hint summary").click()
    _answer(page, "quizzes-first-move", "Plan")
    _answer(page, "quizzes-career", "Sponsorship", "Exposure")
    _answer(page, "quizzes-true-false")  # nothing chosen: the inline message shows
    expect(page.locator("#lms-quiz-quizzes-true-false-error")).to_be_visible()
    assert axe_violations(page) == []


def test_hostile_text_never_runs(open_page, quiz_site):
    page = open_page(quiz_site + "hostile/").page
    page.wait_for_selector("form[data-lms-ready]")
    form = page.locator("#lms-quiz-hostile-text")
    expect(form.locator("legend")).to_have_text("Is <script>window.pwned = 1</script> safe?")
    form.locator(".lms-quiz__hint summary").click()
    expect(form.locator(".lms-quiz__hint")).to_have_text('Hint<img src=x onerror="window.pwned = 2">')
    _answer(page, "hostile-text", "Yes </script><script>window.pwned = 3</script>")
    feedback = form.locator("#lms-quiz-hostile-text-1-feedback")
    expect(feedback).to_contain_text('<b onmouseover="window.pwned = 4">hover me</b>')
    feedback.hover()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert (
        page.locator("#lms-quiz-hostile-text script, #lms-quiz-hostile-text img, #lms-quiz-hostile-text svg").count()
        == 0
    )


CHECKER = "**/assets/lms/quiz/check.js"


def _fetched(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_the_checking_code_comes_with_the_first_touch_of_a_quiz(open_page, quiz_site):
    """Page weight: a learner who reads past a quiz downloads only its set-up part
    (quiz.js); the checker (quiz/check.js) is fetched as they first touch a
    quiz, before they can press "Check answer", and checking then works."""
    page = open_page().page
    fetched = _fetched(page)
    page.goto(quiz_site + "modules/01-quizzes/")
    page.wait_for_selector("form[data-lms-quiz][data-lms-ready]")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/lms/quiz.js") for url in fetched)
    assert not any(url.endswith("/quiz/check.js") for url in fetched), "nothing touched yet"
    form = page.locator("#lms-quiz-quizzes-first-move")
    expect(form.get_by_role("button", name="Check answer")).to_be_visible()
    expect(form.locator(".lms-quiz__answer")).to_be_hidden()
    with page.expect_request(CHECKER):
        form.get_by_label("Ask", exact=True).focus()
    _answer(page, "quizzes-first-move", "Ask")
    _expect_message(page, "quizzes-first-move", "Correct! The explanation is below.")
    assert focused(page) == "lms-quiz-quizzes-first-move-result"


def test_a_page_with_a_saved_answer_is_ready_only_once_the_answer_shows(open_page, quiz_site):
    watched = open_page()
    page = watched.page
    # What a script waiting for the quiz (SCORM's restore.js, a test) sees when it
    # is marked ready, and when the page is announced ready.
    page.add_init_script("""
        new MutationObserver((changes) => {
            for (const { target } of changes) if (target.id === "lms-quiz-quizzes-first-move" && target.hasAttribute("data-lms-ready"))
                window.__atMark ??= target.dataset.lmsState ?? null;
        }).observe(document, { subtree: true, attributeFilter: ["data-lms-ready"] });
        document.addEventListener("lms:page-ready", () => {
            const form = document.querySelector("#lms-quiz-quizzes-first-move");
            window.__atReady = { ready: form.hasAttribute("data-lms-ready"), state: form.dataset.lmsState ?? null };
        });""")
    page.goto(quiz_site + "modules/01-quizzes/")
    page.wait_for_selector("form[data-lms-ready]")
    _answer(page, "quizzes-first-move", "Ask")
    _expect_message(page, "quizzes-first-move", "Correct! The explanation is below.")
    fetched = _fetched(page)
    page.reload()
    page.wait_for_function("window.__atReady !== undefined")
    assert page.evaluate("window.__atReady") == {"ready": True, "state": "right"}
    assert page.evaluate("window.__atMark") == "right"
    assert any(url.endswith("/quiz/check.js") for url in fetched), "a saved answer needs the checker at once"
    expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
        "1 of 3 right first time. Pass mark 60%: not met yet."
    )


def test_if_the_checking_code_cannot_load_the_quiz_falls_back_to_its_answer_disclosure(open_page, quiz_site):
    watched = open_page()
    page = watched.page
    page.route(CHECKER, lambda route: route.abort())
    page.goto(quiz_site + "modules/01-quizzes/")
    page.wait_for_selector("form[data-lms-ready]")
    form = page.locator("#lms-quiz-quizzes-first-move")
    _answer(page, "quizzes-first-move", "Ask")
    _expect_message(
        page, "quizzes-first-move", "Your answer can't be checked right now: open “Show answer” to compare."
    )
    expect(form.get_by_role("button", name="Check answer")).to_have_count(0)
    assert focused(page) == "Show answer"
    answer = form.locator(".lms-quiz__answer")
    expect(answer).to_be_visible()
    answer.locator("summary").click()
    expect(answer.locator(".lms-quiz__solution")).to_have_text("Correct answer: Ask")
    assert page.url.endswith("/modules/01-quizzes/"), "the form was never submitted to the server"
    # The only errors: the browser's own reports of the refused file.
    assert watched.console_errors and all(
        "ERR_FAILED" in error or "dynamically imported module" in error for error in watched.console_errors
    ), watched.console_errors
    watched.console_errors.clear()
