"""A graded assessment in an LMS (scorm-again in headless Chromium): the
submitted attempt's score and result are what the LMS records, with one
interaction per question (SCORM 2004), and the package's launch page holds
no graded question's answer."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from scorm_harness import lms
from support.assessment import write
from support.sites import SiteFactory

PACKAGES = lms.PACKAGES


@pytest.fixture(scope="module")
def graded_lms(tmp_path_factory):
    base = tmp_path_factory.mktemp("graded-lms")
    site = SiteFactory(base / "course")
    write(site)
    with lms.served_packages(site.root / "mkdocs.yml", base) as (url, root, _outline):
        yield url, root


def course(page):
    return page.frame_locator("#sco").frame_locator("#lms-scorm-frame")


def take_exam(page) -> None:
    course(page).locator('a[href$="03-exam.html"]').first.click()
    panel = course(page).locator("[data-lms-assessment]")
    panel.get_by_role("button", name="Start attempt 1 of 2").click()
    forms = course(page).locator("[data-lms-assessment-list] > li:not([hidden]) form")
    expect(forms).to_have_count(4)
    for form in forms.all():
        for label in form.locator("label").all():
            if label.text_content().startswith("Right"):
                label.click()
    panel.get_by_role("button", name="Submit attempt").click()
    expect(panel.locator("[data-lms-assessment-result]")).to_contain_text("you scored 100%")


def test_the_launch_page_holds_no_graded_answer(graded_lms):
    _url, root = graded_lms
    for package in PACKAGES.values():
        launch = (root / package / "scorm-launch.html").read_text(encoding="utf-8")
        data = json.loads(launch.split('id="lms-scorm-course">', 1)[1].split("</script>", 1)[0])
        exam = next(m for m in data["modules"] if m["id"] == "exam")
        assert exam["quizzes"] == [] and exam["assessment"] == {"attempts": 2, "passMark": 75, "record": "best"}
        assert "exam-a1" not in launch


def launch(browser, open_page, url: str, version: str, saved: dict | None = None):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if saved is not None:
        context.add_init_script(f"window.__lmsSaved = {json.dumps(saved)};")
    page = open_page(context=context).page
    page.goto(lms.harness_url(url, PACKAGES[version], version))
    return page


def leave(page) -> dict:
    page.evaluate("leave('navigate')")
    page.wait_for_function("lmsFinished()")
    return page.evaluate("lmsState()")["cmi"]


def test_the_recorded_attempt_survives_a_new_lms_session(browser, open_page, graded_lms):
    """SCORM 1.2: the suspend data keeps the recorded attempt and the attempts used,
    so a later session, in a browser with nothing stored, reports the same score
    and counts the attempt already used."""
    url, _root = graded_lms
    first = launch(browser, open_page, url, "1.2")
    take_exam(first)
    cmi = leave(first)
    second = launch(browser, open_page, url, "1.2", saved={"cmi": cmi})
    expect(course(second).locator("h1").first).to_be_visible()
    # The attempt limit holds in this browser too, which has none of the attempts stored.
    course(second).locator('a[href$="03-exam.html"]').first.click()
    panel = course(second).locator("[data-lms-assessment]")
    expect(panel.locator("[data-lms-assessment-status]")).to_contain_text("Your recorded result: Attempt 1 of 2, 100%")
    expect(panel.get_by_role("button", name="Start attempt 2 of 2")).to_be_visible()
    again = leave(second)
    assert again["core"]["score"]["raw"] == "100"
    assert again["suspend_data"] == cmi["suspend_data"]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_submitted_attempt_is_the_score_the_lms_records(browser, open_page, graded_lms, version):
    url, _root = graded_lms
    page = launch(browser, open_page, url, version)
    take_exam(page)
    cmi = leave(page)
    if version == "1.2":
        assert cmi["core"]["score"]["raw"] == "100" and cmi["core"]["score"]["max"] == "100"
        assert cmi["core"]["lesson_status"] == "incomplete"  # the strict assessment is still to take
        return
    assert cmi["score"]["raw"] == "100" and cmi["score"]["scaled"] == "1" and cmi["score"]["min"] == "0"
    assert (cmi["completion_status"], cmi["success_status"]) == ("incomplete", "unknown")
    interactions = list(cmi["interactions"].values())
    assert len(interactions) == 4
    assert all(i["id"].startswith("exam-attempt-1-exam-") and i["result"] == "correct" for i in interactions)
    assert all(i["type"] == "choice" and i["learner_response"] for i in interactions)
