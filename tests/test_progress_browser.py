"""Learner progress in a real browser: completing modules, the
navigation, home and dashboard, resume, certificate, export/import, reset."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from support.progress import (
    COURSE_TITLE,
    PREFIX,
    complete_record,
    dashboard_row,
    nav_badge,
    pass_alpha,
    quiz_checked,
    record,
    seed,
    served_course,
    stored,
    wait_stored,
)

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The progress test course (support/progress.py), built once and served."""
    with served_course(tmp_path_factory.mktemp("progress") / "course") as url:
        yield url


def card_badge(page, module_id: str):
    # Once home.js has shown the learner's progress: the build renders "Not started" badges.
    return page.locator(
        f"[data-lms-home][data-lms-shown] ~ .lms-cards .lms-card[data-lms-module='{module_id}'] [data-lms-badge]"
    )


def watched_requests(open_page):
    """A page in a fresh browser, and the names of the files it requests."""
    page = open_page().page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url.rsplit("/", 1)[-1]))
    return page, requested


def settle(page, url: str) -> None:
    """Open ``url``; return once its features are set up and the network is quiet."""
    page.goto(url)
    page.locator("html[data-lms-ready]").wait_for(state="attached")
    page.wait_for_load_state("networkidle")


def pass_real_quiz(page) -> None:
    form = page.locator("form[data-lms-quiz='gamma-q1']")
    form.locator("[data-lms-correct] label").click()
    form.get_by_role("button", name="Check answer").click()


def test_passing_a_quiz_completes_the_module_everywhere(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    expect_text = page.locator("[data-lms-progress-foot]")
    assert expect_text.count() == 1
    quiz_checked(page, "alpha-q1", correct=True)
    quiz_checked(page, "alpha-q2", correct=False)
    wait_stored(page, "r.quizzes['alpha-q2']")
    assert not stored(page)["completed"], "a question not yet answered correctly"
    quiz_checked(page, "alpha-q2", correct=True)  # right at a later try: 1 of 2 first time meets 50%
    wait_stored(page, "r.completed.alpha?.done")
    # Navigation: icon and text, on this page and after instant navigation.
    assert nav_badge(page, "Alpha basics").inner_text() == "✓ Complete"
    assert nav_badge(page, "Alpha basics").locator("[aria-hidden=true]").inner_text() == "✓"
    page.evaluate("window.sameDocument = true")
    page.locator(".md-sidebar--primary").get_by_role("link", name=re.compile("Your progress")).click()
    page.wait_for_url("**/dashboard/")
    assert page.evaluate("window.sameDocument") is True  # Material's instant navigation, no reload
    assert "1 of 2 right first time (50%), pass mark 50%" in dashboard_row(page, "Alpha basics").inner_text()
    assert "✓ Complete" in dashboard_row(page, "Alpha basics").inner_text()
    assert "○ Not started" in dashboard_row(page, "Beta practice").inner_text()
    assert nav_badge(page, "Alpha basics").inner_text() == "✓ Complete"
    bar = page.locator("[data-lms-dashboard-body] progress")
    assert (bar.get_attribute("value"), bar.get_attribute("max")) == ("1", "3")
    assert "1 of 3 modules complete (33%)" in page.locator("#lms-progress-text").inner_text()
    assert "Time left: about 35 min." in page.locator("[data-lms-dashboard-body]").inner_text()
    page.get_by_role("link", name="Home").first.click()
    page.wait_for_url(course)
    assert card_badge(page, "alpha").inner_text() == "✓ Complete"
    assert card_badge(page, "beta").inner_text() == "○ Not started"
    assert "1 of 3 modules complete" in page.locator("[data-lms-home]").inner_text()


def test_a_wrong_answer_never_undoes_a_pass(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    quiz_checked(page, "alpha-q1", correct=True)
    quiz_checked(page, "alpha-q2", correct=True)
    wait_stored(page, "r.completed.alpha?.done")
    quiz_checked(page, "alpha-q1", correct=False)
    quiz_checked(page, "alpha-q2", correct=False)
    wait_stored(page, "r.quizzes['alpha-q2']")
    result = stored(page)
    assert result["quizzes"]["alpha-q1"]["correct"] is True
    assert result["completed"]["alpha"]["done"] is True


def test_real_quiz_and_reading_update_progress(course, open_page):
    """End to end with the quiz and reading-list scripts themselves."""
    page = open_page(course + "modules/03-gamma/").page
    pass_real_quiz(page)
    wait_stored(page, "r.completed.gamma?.done")
    assert stored(page)["quizzes"]["gamma-q1"]["correct"] is True
    assert nav_badge(page, "Gamma review").inner_text() == "✓ Complete"
    page.locator("[data-lms-reading='smith-2020'] input[data-lms-reading-toggle]").check()
    wait_stored(page, "r.readings['smith-2020']?.read")
    page.goto(course + "dashboard/")
    row = dashboard_row(page, "Gamma review").inner_text()
    assert "1 of 1 right first time (100%), pass mark 100%" in row and "1 of 1 read" in row


def test_module_without_quiz_is_marked_complete_by_the_learner(course, open_page):
    page = open_page(course + "modules/02-beta/").page
    button = page.get_by_role("button", name="Mark this module complete")
    assert "no knowledge check" in page.locator("[data-lms-progress-foot]").inner_text()
    button.click()
    status = page.locator("[data-lms-progress-foot] [role=status]")
    expect(status).to_have_text("✓ Module 2 complete.")
    expect(nav_badge(page, "Beta practice")).to_have_text("✓ Complete")
    page.get_by_role("button", name="Mark as not complete").click()
    expect(status).to_have_text("Module marked as not complete.")
    assert stored(page)["completed"]["beta"]["done"] is False
    # The dashboard offers the same toggle and keeps focus on it.
    page.goto(course + "dashboard/")
    page.get_by_role("button", name="Mark complete: Beta practice").click()
    assert page.evaluate("document.activeElement.dataset.lmsToggle") == "beta"
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_have_text("Beta practice: marked complete.")
    assert "✓ Complete" in dashboard_row(page, "Beta practice").inner_text()


@pytest.mark.parametrize("learner", ["new", "returning"])
def test_resume_link_returns_to_the_last_page_and_heading(course, open_page, learner):
    """The position is noted in storage (progress/start.js): for a new learner
    before any progress code loads; for a returning one, whose progress code
    loads at once, it takes the position in on the next page."""
    page = open_page(course).page
    page.locator("[data-lms-home]").wait_for()
    assert page.locator("[data-lms-resume]").count() == 0
    if learner == "returning":
        seed(page, course, record(visited={"beta": 1}))
    page.goto(course + "modules/01-alpha/")
    if learner == "returning":
        expect(nav_badge(page, "Alpha basics")).to_have_text("◐ In progress")
    page.locator("#second-steps").evaluate("h => h.scrollIntoView()")
    page.mouse.wheel(0, 100)
    wait_stored(page, "r.last?.anchor === 'second-steps'")
    page.get_by_role("link", name="Home").first.click()
    page.wait_for_url(course)
    resume = page.get_by_role("link", name="Resume: Alpha basics, Second steps")
    assert resume.get_attribute("href").endswith("/modules/01-alpha/#second-steps")
    resume.click()
    page.wait_for_url("**/modules/01-alpha/#second-steps")
    # The heading comes to the top of the window.
    page.wait_for_function(
        "() => { const top = document.getElementById('second-steps')?.getBoundingClientRect().top; return top >= 0 && top < 200; }"
    )


def test_the_certificate_says_the_same_before_and_after_the_progress_code_runs(course, open_page):
    """A new learner gets the built message (no progress code is loaded); with a
    record, progress/certificate.js writes it, in the same words."""
    page, requested = watched_requests(open_page)
    settle(page, course + "certificate/")
    built = page.locator("[data-lms-cert-gate]").inner_text()
    assert (
        built
        == "Not earned yet: you have completed 0 of 3 modules. Your certificate appears here once every module is complete. See what is left"
    )
    assert not (PROGRESS_CORE | {"certificate.js"}) & set(requested), requested
    seed(page, course, record(visited={"beta": 1}))
    settle(page, course + "certificate/")
    assert "certificate.js" in requested
    page.evaluate("() => new Promise(requestAnimationFrame)")
    assert page.locator("[data-lms-cert-gate]").inner_text() == built
    assert page.locator("[data-lms-cert-gate] noscript").count() == 0, "the progress code wrote the message"


def test_certificate_appears_only_when_earned(course, open_page):
    page = open_page(course + "certificate/").page
    expect(page.locator("[data-lms-cert-gate]")).to_contain_text("Not earned yet: you have completed 0 of 3 modules")
    assert page.locator("[data-lms-cert-form]").is_hidden()
    assert page.locator("[data-lms-cert]").is_hidden()
    seed(page, course, complete_record(name=None))
    page.goto(course + "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Grace Hopper")
    page.get_by_role("button", name="Show my certificate").click()
    cert = page.locator(".lms-certificate")
    cert.wait_for()
    text = cert.inner_text()
    for expected in (
        "Grace Hopper",
        COURSE_TITLE,
        "14 November 2023",
        "Alpha basics",
        "1 of 2 right first time (pass mark 50%)",
        "Beta practice",
        "Completed",
        "Self-issued",
    ):
        assert expected in text
    code = page.locator("[data-lms-cert-code]").inner_text()
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", code)
    page.reload()  # the name is kept; the same record gives the same code
    expect(page.locator("[data-lms-cert-name]")).to_have_text("Grace Hopper")
    page.locator("[data-lms-cert-code]").filter(has_text=code).wait_for()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_certificate_prints_on_one_page(course, open_page, paper):
    page = open_page().page
    seed(page, course, complete_record())
    page.goto(course + "certificate/")
    page.locator(".lms-certificate").wait_for()
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        "[data-lms-cert-form]",
        "[data-lms-print]",
        "h1",
        ".md-footer",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".lms-certificate").is_visible()
    pdf = page.pdf(format=paper, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_certificate_name_is_text_never_html(course, open_page):
    watched = open_page()
    page = watched.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    seed(page, course, complete_record(name=None))
    page.goto(course + "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill(XSS)
    page.get_by_role("button", name="Show my certificate").click()
    name = page.locator("[data-lms-cert-name]")
    expect(name).to_have_text(XSS)
    assert page.locator(".lms-certificate img").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []


def export_progress(page, tmp_path):
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress (JSON file)").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def import_progress(page, path, mode="Merge"):
    page.get_by_label("Progress file to import").set_input_files(str(path))
    page.get_by_label(re.compile(f"^{mode}")).check()
    status = page.locator("[data-lms-dashboard] > [role=status]")
    before = status.inner_text()
    page.get_by_role("button", name="Import progress").click()
    page.wait_for_function(
        "([node, before]) => node.textContent && node.textContent !== before", arg=[status.element_handle(), before]
    )
    return status.inner_text()


def test_export_then_import_in_a_fresh_browser(course, open_page, tmp_path):
    first = open_page(course + "modules/01-alpha/").page
    pass_alpha(first)
    first.goto(course + "dashboard/")
    exported = export_progress(first, tmp_path)
    assert re.fullmatch(r"progress-from-sales-manager-to-sales-leader-\d{4}-\d{2}-\d{2}\.json", exported.name)
    data = json.loads(exported.read_text())
    assert data["format"] == "lms-progress" and data["course"] == COURSE_TITLE
    assert data["record"]["quizzes"]["alpha-q1"]["correct"] is True

    second = open_page(course + "modules/02-beta/").page  # a new context: empty storage
    second.get_by_role("button", name="Mark this module complete").click()
    wait_stored(second, "r.completed.beta?.done")  # saved before the learner leaves the page
    second.goto(course + "dashboard/")
    message = import_progress(second, exported, "Merge")
    assert message.startswith("✓ Progress imported: it merged with the progress in this browser.")
    assert "Modules complete: 1 before, 2 now." in message and "quiz results 2 added" in message
    assert "✓ Complete" in dashboard_row(second, "Alpha basics").inner_text()
    assert "✓ Complete" in dashboard_row(second, "Beta practice").inner_text()
    assert set(stored(second)["completed"]) == {"alpha", "beta"}

    message = import_progress(second, exported, "Replace")
    assert "replaced the progress in this browser" in message and "Modules complete: 2 before, 1 now." in message
    assert "○ Not started" in dashboard_row(second, "Beta practice").inner_text()
    assert "beta" not in stored(second)["completed"]


BAD_FILES = {
    "not json": ("{not json", "it is not valid JSON"),
    "not a progress file": (json.dumps({"hello": "world"}), "not a progress file exported from this course"),
    "another course": (
        json.dumps({"format": "lms-progress", "course": XSS, "record": record()}),
        f"another course (“{XSS}”)",
    ),
    "damaged record": (
        json.dumps(
            {
                "format": "lms-progress",
                "course": COURSE_TITLE,
                "record": record(quizzes={XSS: {"correct": True, "at": 1}}, epoch=-1),
            }
        ),
        "damaged, so nothing was imported",
    ),
    "newer version": (
        json.dumps({"format": "lms-progress", "course": COURSE_TITLE, "record": {"v": 9}}),
        "version 9, which this site cannot read",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_import_rejects_a_bad_file_and_changes_nothing(course, open_page, tmp_path, case):
    content, message = BAD_FILES[case]
    page = open_page(course + "modules/01-alpha/").page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pass_alpha(page)
    page.goto(course + "dashboard/")
    before = page.evaluate("k => localStorage.getItem(k)", "lms:v1:/:progress")
    bad = tmp_path / "progress.json"
    bad.write_text(content, encoding="utf-8")
    text = import_progress(page, bad, "Replace")
    assert text.startswith("⚠ Import failed:") and message in text
    assert page.evaluate("k => localStorage.getItem(k)", "lms:v1:/:progress") == before
    assert page.locator("[data-lms-dashboard] img").count() == 0 and dialogs == []


def test_imported_name_with_markup_runs_no_script(course, open_page, tmp_path):
    page = open_page(course + "dashboard/").page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    file = tmp_path / "progress.json"
    file.write_text(json.dumps({"format": "lms-progress", "course": COURSE_TITLE, "record": complete_record(name=XSS)}))
    assert "Modules complete: 0 before, 3 now." in import_progress(page, file, "Replace")
    page.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url("**/certificate/")
    name = page.locator("[data-lms-cert-name]")
    expect(name).to_have_text(XSS)
    expect(page.get_by_label("Your name, as it should appear on the certificate")).to_have_value(XSS)
    assert page.locator("[data-lms-certificate] img").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []


def test_reset_needs_confirmation(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    pass_alpha(page)
    page.goto(course + "dashboard/")
    page.get_by_role("button", name="Reset all progress…").click()
    dialog = page.get_by_role("dialog", name="Delete all your progress?")
    assert dialog.is_visible()
    dialog.get_by_role("button", name="Cancel").click()
    status = page.locator("[data-lms-dashboard] > [role=status]")
    expect(status).to_have_text("Nothing was deleted.")
    assert stored(page)["completed"]["alpha"]["done"] is True
    page.get_by_role("button", name="Reset all progress…").click()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert stored(page)["completed"]["alpha"]["done"] is True
    page.get_by_role("button", name="Reset all progress…").click()
    dialog.get_by_role("button", name="Yes, delete all my progress").click()
    expect(status).to_have_text("✓ All progress in this browser was deleted.")
    assert stored(page)["completed"] == {} and stored(page)["quizzes"] == {}
    assert "○ Not started" in dashboard_row(page, "Alpha basics").inner_text()
    assert nav_badge(page, "Alpha basics").count() == 0


def test_pages_explain_themselves_without_javascript(course, open_page):
    page = open_page(course + "dashboard/", javascript=False).page
    assert "needs JavaScript" in page.locator("[data-lms-dashboard]").inner_text()
    assert page.get_by_role("button", name="Reset all progress…").is_hidden()
    page.goto(course + "certificate/")
    assert "needs JavaScript" in page.locator("[data-lms-cert-gate]").inner_text()
    page.goto(course + "modules/02-beta/")
    assert page.get_by_role("button", name="Mark this module complete").is_hidden()
    assert "needs JavaScript" in page.locator("[data-lms-progress-foot]").inner_text()


def axe_violations(page) -> list:
    # Colours are only final once Material's 125 ms button transitions have run.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    violations = Axe().run(page).response["violations"]
    return [(v["id"], [(n["target"], n["failureSummary"]) for n in v["nodes"]]) for v in violations]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dashboard_certificate_and_badges_pass_axe(course, open_page, scheme):
    page = open_page(color_scheme=scheme).page
    seed(page, course, {**complete_record(), "last": {"module": "alpha", "anchor": "second-steps", "at": 1}})
    for path in ("dashboard/", "certificate/", "", "modules/02-beta/"):
        page.goto(course + path)
        page.locator(
            "[data-lms-dashboard-body] table, .lms-certificate [data-lms-cert-code]:not(:empty), [data-lms-resume], .md-nav__link [data-lms-badge]"
        ).first.wait_for()
        assert axe_violations(page) == [], path
    page.goto(course + "dashboard/")
    page.get_by_role("button", name="Reset all progress…").click()
    assert axe_violations(page) == [], "reset dialog"


PROGRESS_CORE = {"tracker.js", "ui.js", "record.js", "course.json"}


def test_a_new_learner_fetches_quiz_code_as_the_quiz_comes_near_and_progress_code_on_the_first_answer(
    course, open_page
):
    """Page weight: reading the top of a long module costs a new learner none of the
    quiz or progress code; the visit is recorded all the same, the quiz's code is
    there before the learner reaches it, and progress, loaded by the first answer,
    records that answer."""
    page, requested = watched_requests(open_page)
    settle(page, course + "modules/01-alpha/")
    assert {"main.js", "start.js"} <= set(requested)
    assert not (PROGRESS_CORE | {"quiz.js"}) & set(requested), requested
    assert stored(page)["visited"]["alpha"] > 0 and stored(page)["last"]["module"] == "alpha"
    form = page.locator("form[data-lms-quiz='alpha-q1']")
    form.evaluate("f => window.scrollTo(0, f.getBoundingClientRect().top + scrollY - 1.5 * innerHeight)")
    page.locator("form[data-lms-quiz='alpha-q1'][data-lms-ready]").wait_for(state="attached")
    assert form.bounding_box()["y"] > page.viewport_size["height"], "ready before it is on screen"
    page.wait_for_load_state("networkidle")
    assert "quiz.js" in requested and not PROGRESS_CORE & set(requested), requested
    form.locator("[data-lms-correct] label").click()
    form.get_by_role("button", name="Check answer").click()
    wait_stored(page, "r.quizzes['alpha-q1']?.correct === true && r.visited.alpha")
    assert set(requested) >= PROGRESS_CORE
    expect(nav_badge(page, "Alpha basics")).to_have_text("◐ In progress")  # alpha-q2 is yet to be answered


def test_a_returning_learner_gets_progress_at_once_and_each_page_only_its_own_code(course, open_page):
    page, requested = watched_requests(open_page)
    seed(page, course, record(visited={"beta": 1}))
    requested.clear()
    settle(page, course + "modules/01-alpha/")
    expect(nav_badge(page, "Beta practice")).to_have_text("◐ In progress")
    assert set(requested) >= PROGRESS_CORE
    assert not {
        "quiz.js",
        "home.js",
        "dashboard.js",
        "transfer.js",
        "certificate.js",
        "code.js",
        "course-progress.css",
    } & set(requested)
    requested.clear()
    page.goto(course + "certificate/")
    page.wait_for_load_state("networkidle")
    assert {"certificate.js", "code.js", "course-progress.css"} <= set(requested)
    assert not {"dashboard.js", "transfer.js"} & set(requested)


def test_what_a_learner_has_stored_is_shown_on_arrival_however_far_down(course, browser, open_page):
    """Stored answers and ticks load their code at once; on a screen this small the
    quiz and the reading are out of reach, so without them nothing loads yet."""
    page = open_page(context=browser.new_context(viewport={"width": 360, "height": 200})).page
    page.goto(course + "modules/03-gamma/")
    page.locator("html[data-lms-ready]").wait_for(state="attached")
    quiz = page.locator("form[data-lms-quiz='gamma-q1']")
    reading = page.locator("[data-lms-reading='smith-2020'] input[data-lms-reading-toggle]")
    assert quiz.bounding_box()["y"] > 2 * 200 and reading.bounding_box()["y"] > 2 * 200
    assert quiz.get_attribute("data-lms-ready") is None and reading.get_attribute("data-lms-reading-ready") is None
    right = quiz.locator("[data-lms-correct] input").get_attribute("value")
    page.evaluate(
        "([p, key]) => { localStorage.setItem(p + 'quiz:gamma-q1', JSON.stringify({choices: [key]}));"
        " localStorage.setItem(p + 'readings', JSON.stringify(['smith-2020'])); }",
        [PREFIX, right],
    )
    page.reload()
    page.locator("html[data-lms-ready]").wait_for(state="attached")
    assert page.evaluate("scrollY") == 0
    assert quiz.get_attribute("data-lms-state") == "right"
    assert reading.is_checked() and reading.get_attribute("data-lms-reading-ready") == "true"


def test_a_new_learner_gets_the_built_progress_views_and_the_controls_load_on_use(course, open_page):
    """Home and progress page are server-rendered as a new learner sees them: no
    progress code is fetched until a control is used (weight, and no layout shift)."""
    page, requested = watched_requests(open_page)
    settle(page, course)
    expect(page.locator("[data-lms-home]")).to_contain_text("Course progress: 0 of 3 modules complete (0%)")
    expect(page.locator(".lms-card[data-lms-module='alpha'] [data-lms-badge]")).to_have_text("○ Not started")
    settle(page, course + "dashboard/")
    assert "○ Not started" in page.locator("[data-lms-dashboard-body] tbody tr", has_text="Beta practice").inner_text()
    assert not {"tracker.js", "course.json", "dashboard.js", "transfer.js"} & set(requested), requested
    page.get_by_role("button", name="Mark complete: Beta practice").click()
    expect(page.locator("[data-lms-dashboard] > [role=status]")).to_have_text("Beta practice: marked complete.")
    expect(dashboard_row(page, "Beta practice")).to_contain_text("✓ Complete")
    assert stored(page)["completed"]["beta"]["done"] is True
