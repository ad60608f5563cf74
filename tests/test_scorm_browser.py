"""The SCORM packages in a real LMS runtime, end to end, in headless Chromium.

scorm-again (npm, pinned in tests/scorm_harness/package.json, installed by
the test setup) plays the LMS: tests/scorm_harness/harness.html puts its
Scorm12API / Scorm2004API on window and frames the package's launch page.
A learner launches, visits modules, answers every quiz, marks a reading
and leaves; the test reads what the LMS recorded, relaunches with that data
in a fresh browser and finds the learner where they left, with their answers.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from coursesite.scorm.suspend import SCORM12_LIMIT, decode, worst_case_length
from scorm_harness import lms
from scorm_harness.packaged_course import QUIZZES, answers, write_course

MODULE_PAGES = {
    "intro": "modules/01-intro.html",
    "practice": "modules/02-practice.html",
    "final-assessment": "modules/03-final.html",
}
PACKAGES = lms.PACKAGES
NAMES = {
    "1.2": {"init": "LMSInitialize", "get": "LMSGetValue", "commit": "LMSCommit", "finish": "LMSFinish"},
    "2004": {"init": "Initialize", "get": "GetValue", "commit": "Commit", "finish": "Terminate"},
}


@pytest.fixture(scope="module")
def lms_site(tmp_path_factory):
    """Both packages of the test course, unpacked beside the harness, served on 127.0.0.1."""
    base = tmp_path_factory.mktemp("scorm-lms")
    site = write_course(base / "course")
    with lms.served_packages(site.root / "mkdocs.yml", base) as (url, _root, outline):
        yield url, outline


@pytest.fixture
def launch(browser, open_page, lms_site):
    """``launch(version, saved=None, mode="lms", clock=False)``: a fresh browser
    (empty storage) on the harness; ``saved`` is the LMS's data of an earlier
    attempt; ``clock``: Playwright's clock, so the test can move time on."""
    url, _outline = lms_site

    def _launch(version: str, saved: dict | None = None, mode: str = "lms", clock: bool = False):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        if clock:
            context.clock.install()
        if saved is not None:
            context.add_init_script(f"window.__lmsSaved = {json.dumps(saved)};")
        watched = open_page(context=context)
        watched.warnings = []
        watched.page.on("console", lambda m: m.type == "warning" and watched.warnings.append(m.text))
        watched.page.goto(lms.harness_url(url, PACKAGES[version], version, mode))
        return watched

    return _launch


def course(page):
    return page.frame_locator("#sco").frame_locator("#lms-scorm-frame")


def course_frame(page):
    """The frame showing the course page (inside the launch page, inside the LMS)."""
    return page.main_frame.child_frames[0].child_frames[0]


def open_module(page, module_id: str):
    course(page).locator(f'a[href$="{MODULE_PAGES[module_id].split("/")[1]}"]').first.click()
    expect(course(page).locator(f'.lms-module-header[data-lms-module="{module_id}"]')).to_be_visible()


def answer(page, quiz_id: str, choices: list[str]):
    form = course(page).locator(f'form[data-lms-quiz="{quiz_id}"]')
    for text in choices:
        form.get_by_label(text, exact=True).check()
    form.get_by_role("button", name="Check answer").click()
    expect(form).to_have_attribute("data-lms-state", re.compile("right|wrong"))


def take_course(page, picks: dict[str, list[str]], *, read: bool = True):
    expect(course(page).locator("h1")).to_contain_text("Welcome")
    for module_id, quizzes in QUIZZES.items():
        open_module(page, module_id)
        for quiz_id, *_rest in quizzes:
            answer(page, quiz_id, picks[quiz_id])
        if read and module_id == "intro":
            course(page).get_by_label("Mark as read: Mentoring at Work").check()


def leave(page, how: str = "navigate") -> tuple[dict, list[dict]]:
    page.evaluate(f"leave({json.dumps(how)})")
    page.wait_for_function("lmsFinished()")
    return page.evaluate("lmsState()")["cmi"], page.evaluate("lmsCalls")


def assert_one_clean_session(calls: list[dict], version: str):
    names = NAMES[version]
    assert [c["name"] for c in calls].count(names["init"]) == 1
    assert [c["name"] for c in calls].count(names["finish"]) == 1
    assert calls[-1]["name"] == names["finish"] and calls[-2]["name"] == names["commit"]
    failed = [c for c in calls if c["name"] != names["get"] and c["result"] != "true"]
    assert failed == [], failed  # every SetValue and Commit accepted by the LMS


def recorded(cmi: dict, version: str) -> dict:
    """The values a trainer sees, under one set of names for both versions."""
    if version == "1.2":
        core = cmi["core"]
        return {
            "status": core["lesson_status"],
            "score": core["score"],
            "location": core["lesson_location"],
            "time": core["session_time"],
            "exit": core["exit"],
            "suspend": cmi["suspend_data"],
        }
    return {
        "status": (cmi["completion_status"], cmi["success_status"]),
        "score": cmi["score"],
        "location": cmi["location"],
        "time": cmi["session_time"],
        "exit": cmi["exit"],
        "suspend": cmi["suspend_data"],
    }


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_learner_passes_leaves_and_resumes_with_their_answers(launch, lms_site, version):
    _url, outline = lms_site
    first = launch(version)
    take_course(first.page, answers(correct=True))
    # A reload inside the course is a page change too: the one session goes on.
    course_frame(first.page).evaluate("location.reload()")
    expect(course(first.page).locator('.lms-module-header[data-lms-module="final-assessment"]')).to_be_visible()
    cmi, calls = leave(first.page)
    assert_one_clean_session(calls, version)

    got = recorded(cmi, version)
    assert got["status"] == ("passed" if version == "1.2" else ("completed", "passed"))
    assert (got["score"]["raw"], got["score"]["min"], got["score"]["max"]) == ("100", "0", "100")
    assert got["location"] == "modules/03-final.html"
    assert got["exit"] == "suspend"
    time_format = r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$" if version == "1.2" else r"^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$"
    assert re.match(time_format, got["time"]), got["time"]
    record = decode(outline, got["suspend"])
    assert record.visited == set(MODULE_PAGES) and record.readings == {"kram-1985"}
    assert sorted(record.answers) == sorted(q[0] for quizzes in QUIZZES.values() for q in quizzes)
    assert all(a.correct for a in record.answers.values())
    assert len(got["suspend"]) <= worst_case_length(outline) <= SCORM12_LIMIT
    if version == "2004":
        assert cmi["score"]["scaled"] == "1" and cmi["progress_measure"] == "1"
        interactions = {i["id"]: i for i in cmi["interactions"].values()}
        assert set(interactions) == set(record.answers)
        habits = interactions["practice-habits"]
        quiz = next(q for q in outline.modules[1].quizzes if q.id == "practice-habits")
        assert habits["type"] == "choice" and habits["result"] == "correct"
        right = [label for label, key in zip(quiz.labels, quiz.choices, strict=True) if key in quiz.correct]
        assert right[0] == f"regular-one-to-ones-{quiz.correct[0]}"  # readable in the LMS's reports
        assert sorted(habits["learner_response"].split("[,]")) == sorted(right)
        assert habits["correct_responses"]["0"]["pattern"] == "[,]".join(right)
        assert habits["description"] == "Which habits help a rep grow?"

    # Relaunch in a fresh browser (nothing in its storage): the LMS's data alone restores the learner.
    second = launch(version, saved={"cmi": cmi})
    expect(course(second.page).locator('.lms-module-header[data-lms-module="final-assessment"]')).to_be_visible()
    assert course_frame(second.page).url.endswith("/modules/03-final.html")
    for quiz_id, *_rest in QUIZZES["final-assessment"]:
        expect(course(second.page).locator(f'form[data-lms-quiz="{quiz_id}"]')).to_have_attribute(
            "data-lms-state", "right"
        )
    assert course_frame(second.page).evaluate("scrollY") == 0  # restoring answers does not scroll the page away
    open_module(second.page, "practice")
    form = course(second.page).locator('form[data-lms-quiz="practice-habits"]')
    expect(form).to_have_attribute("data-lms-state", "right")
    for text in answers(correct=True)["practice-habits"]:
        expect(form.get_by_label(text, exact=True)).to_be_checked()
    open_module(second.page, "intro")
    expect(course(second.page).get_by_label("Mark as read: Mentoring at Work")).to_be_checked()
    expect(
        course(second.page).get_by_label("Mark as read: Drive: The Surprising Truth About What Motivates Us")
    ).not_to_be_checked()
    cmi2, calls2 = leave(second.page)
    assert_one_clean_session(calls2, version)
    again = recorded(cmi2, version)
    assert again["status"] == got["status"] and again["score"]["raw"] == "100"
    assert decode(outline, again["suspend"]) == record
    assert again["location"] == "modules/01-intro.html"


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_failing_quiz_set_gives_failed(launch, version):
    learner = launch(version)
    take_course(learner.page, answers(correct=False), read=False)
    cmi, calls = leave(learner.page, "remove")  # the LMS removes the course's frame
    assert_one_clean_session(calls, version)
    got = recorded(cmi, version)
    assert got["status"] == ("failed" if version == "1.2" else ("completed", "failed"))
    assert got["score"]["raw"] == "0"
    if version == "2004":
        assert {i["result"] for i in cmi["interactions"].values()} == {"incorrect"}


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_an_unfinished_course_is_incomplete_with_a_partial_score(launch, version):
    learner = launch(version)
    expect(course(learner.page).locator("h1")).to_contain_text("Welcome")
    open_module(learner.page, "intro")
    answer(learner.page, "intro-first-move", ["Ask what changed"])
    cmi, _calls = leave(learner.page)
    got = recorded(cmi, version)
    assert got["status"] == ("incomplete" if version == "1.2" else ("incomplete", "unknown"))
    assert got["score"]["raw"] == "20"  # 1 of the course's 5 questions
    assert got["location"] == "modules/01-intro.html"


def test_lms_errors_are_logged_as_warnings_and_never_break_the_page(launch):
    learner = launch("1.2", mode="broken")  # every call fails, GetValue throws
    open_module(learner.page, "intro")
    answer(learner.page, "intro-first-move", ["Ask what changed"])
    expect(course(learner.page).locator('form[data-lms-quiz="intro-first-move"] .lms-quiz__result')).to_contain_text(
        "Correct"
    )
    learner.page.evaluate("leave()")
    learner.page.wait_for_function("lmsFinished()")
    assert any(
        w.startswith("[course SCORM] LMSSetValue(") and "failed: 101 General exception" in w for w in learner.warnings
    ), learner.warnings
    assert any("LMSGetValue(" in w and "threw" in w for w in learner.warnings), learner.warnings
    # open_page fails the test on any console error or uncaught exception


@pytest.mark.parametrize("mode", ["set-throws", "set-false"])
def test_an_lms_that_cannot_store_is_tried_a_few_times_then_left_alone(launch, mode):
    learner = launch("2004", mode=mode, clock=True)
    take_course(learner.page, answers(correct=True))
    for _ in range(10):  # ten minutes more in the course, every retry's wait included
        learner.page.clock.run_for(60_000)
    open_module(learner.page, "intro")  # the learner goes on, and the course with them
    course(learner.page).locator('form[data-lms-quiz="intro-first-move"]').get_by_role(
        "button", name="Try again"
    ).click()
    answer(learner.page, "intro-first-move", ["Ask what changed"])
    _cmi, calls = leave(learner.page)
    sets = [c for c in calls if c["name"] == "SetValue"]
    assert len(sets) == 5, len(sets)  # retried, waiting longer each time, then left alone (session.js: MAX_FAILURES)
    assert [c["name"] for c in calls].count("Terminate") == 1
    assert len(learner.warnings) == 1, learner.warnings
    assert (
        learner.warnings[0].startswith("[course SCORM] SetValue(")
        and "stop after 5 failures in a row" in learner.warnings[0]
    )


def test_outside_an_lms_the_package_is_the_normal_site(open_page, lms_site):
    url, _outline = lms_site
    visitor = open_page(f"{url}p12/scorm-launch.html")
    visitor.page.wait_for_url("**/p12/index.html")
    expect(visitor.page.locator("h1")).to_contain_text("Welcome")
    visitor.page.locator('a[href$="01-intro.html"]').first.click()
    form = visitor.page.locator('form[data-lms-quiz="intro-true-false"]')
    form.get_by_label("True", exact=True).check()
    form.get_by_role("button", name="Check answer").click()
    expect(form).to_have_attribute("data-lms-state", "right")


def test_a_package_page_sets_up_every_quiz_before_it_says_ready(browser, open_page, lms_site):
    """The launch page restores answers when a page says `lms:page-ready`, so a
    package loads every feature's code at once: on a screen too small to show
    any quiz, the published site would load it only as the learner scrolls near."""
    url, _outline = lms_site
    visitor = open_page(context=browser.new_context(viewport={"width": 360, "height": 200}))
    visitor.page.goto(f"{url}p2004/{MODULE_PAGES['intro']}")
    visitor.page.locator("html[data-lms-ready]").wait_for(state="attached")
    forms = visitor.page.locator("form[data-lms-quiz]")
    assert forms.count() > 0
    assert forms.first.bounding_box()["y"] > 2 * 200, "the first quiz is further than a screen below the view"
    assert visitor.page.locator("form[data-lms-quiz]:not([data-lms-ready])").count() == 0
    assert visitor.page.locator('meta[name="lms-load"][content="now"]').count() == 1


def test_the_api_is_found_through_the_opener_when_the_lms_opens_a_window(launch):
    lms_window = launch("2004", mode="popup")
    context = lms_window.page.context
    popup = next((p for p in context.pages if p != lms_window.page), None) or context.wait_for_event("page")
    popup.wait_for_url("**/p2004/scorm-launch.html")
    expect(popup.frame_locator("#lms-scorm-frame").locator("h1")).to_contain_text("Welcome")
    lms_window.page.wait_for_function("lmsCalls.some((c) => c.name === 'Initialize' && c.result === 'true')")
    popup.frame_locator("#lms-scorm-frame").locator('a[href$="01-intro.html"]').first.click()
    lms_window.page.wait_for_function(
        "lmsCalls.some((c) => c.args[0] === 'cmi.location' && c.args[1] === 'modules/01-intro.html')"
    )
    popup.close(run_before_unload=True)
    lms_window.page.wait_for_function("lmsFinished()")


def test_a_saved_place_that_no_longer_exists_starts_at_the_course_home(launch):
    learner = launch(
        "1.2", saved={"cmi": {"core": {"lesson_location": "modules/removed-module.html"}, "suspend_data": "garbage"}}
    )
    expect(course(learner.page).locator("h1")).to_contain_text("Welcome")
    assert course_frame(learner.page).url.endswith("/index.html")
