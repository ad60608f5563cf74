"""A scored task in a SCORM package, in a real LMS runtime (scorm-again, as in
test_scorm_browser.py): the LMS gets a completed interaction, type
long-fill-in (2004) or fill-in (1.2), with the response cut to what the
standard holds and the self-score as its result; typing alone reports nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_scorm_browser import assert_one_clean_session, course, launch, leave, lms_site, open_module  # noqa: F401

LIMIT = {"1.2": 255, "2004": 4000}


def interactions(cmi: dict) -> list[dict]:
    return [i for i in cmi["interactions"].values() if isinstance(i, dict) and i.get("id") == "practice-one-to-one"]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_scored_task_is_a_completed_interaction_with_the_self_score(launch, version):  # noqa: F811
    learner = launch(version)
    expect(course(learner.page).locator("h1")).to_contain_text("Welcome")
    open_module(learner.page, "practice")
    task = course(learner.page).locator("form[data-lms-task='practice-one-to-one'][data-lms-ready]")
    long_text = "Ask what has changed. " + "Then listen and let the rep talk é. " * 200  # over both limits
    task.get_by_label("Your response").fill(long_text)
    expect(task.get_by_text("Your response is saved in this browser as you type.")).to_be_visible()
    task.locator("fieldset", has_text="Questions").get_by_label("Strong").check()
    task.locator("fieldset", has_text="Focus").get_by_label("Developing").check()
    task.get_by_role("button", name="Save my self-score").click()
    expect(task.locator("[role=status]")).to_contain_text("Self-score saved: 1 of 2 criteria at the top level")
    cmi, calls = leave(learner.page)
    assert_one_clean_session(calls, version)
    [reported] = interactions(cmi)
    response = reported["learner_response" if version == "2004" else "student_response"]
    assert reported["type"] == ("long-fill-in" if version == "2004" else "fill-in")
    assert response == long_text[: LIMIT[version]]
    assert float(reported["result"]) == 0.5  # one criterion of two at the top level
    if version == "2004":
        assert reported["description"] == "Plan a one to one"


def test_typing_without_scoring_reports_nothing(launch):  # noqa: F811
    learner = launch("2004")
    expect(course(learner.page).locator("h1")).to_contain_text("Welcome")
    open_module(learner.page, "practice")
    task = course(learner.page).locator("form[data-lms-task='practice-one-to-one'][data-lms-ready]")
    task.get_by_label("Your response").fill("A first draft.")
    expect(task.get_by_text("Your response is saved in this browser as you type.")).to_be_visible()
    learner.page.wait_for_timeout(800)  # past the typing delay: the draft was announced
    cmi, _calls = leave(learner.page)
    assert interactions(cmi) == []
