"""Two tabs of one browser answering at the same moment lose nothing: every
answer given in either tab ends in the stored record and on every open page
(progress/tracker.js: read-merge-write under a Web Lock, and a `storage`
event merge that is written back)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.progress import ServedSite, dashboard_row, nav_badge, quiz, stored, wait_stored
from support.server import StaticServer
from support.sites import ROOT, module_page

QUIZZES = 12  # per module
ROUNDS = 3
MODULES = {"left": "Left practice", "right": "Right practice"}
NAV = [
    {"Home": "index.md"},
    {"Course": ["modules/01-left.md", "modules/02-right.md"]},
    {"Your progress": "dashboard.md"},
]

# At the agreed moment, answer the quizzes one after another, a few ms apart,
# so that the two tabs' writes interleave.
ANSWER_AT = """async ({ at, ids }) => {
  await new Promise((done) => setTimeout(done, at - Date.now()));
  for (const id of ids) {
    const form = document.querySelector(`form[data-lms-quiz="${id}"]`);
    form.querySelector("li[data-lms-correct] input").click();
    form.querySelector("[data-lms-check]").click();
    await new Promise((done) => setTimeout(done, 3));
  }
}"""


def ids(module: str, rounds=range(ROUNDS)) -> list[str]:
    per_round = QUIZZES // ROUNDS
    return [f"{module}-q{n + 1}" for r in rounds for n in range(r * per_round, (r + 1) * per_round)]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("progress-tabs") / "course"
    with StaticServer(root / "site") as server:
        site = ServedSite(root, server.url)
        site.write("docs/index.md", "---\ntitle: Home\n---\n\n# Course home\n\n{{ course_home() }}\n")
        site.write("docs/dashboard.md", (ROOT / "docs" / "dashboard.md").read_text(encoding="utf-8"), dedent=False)
        for number, (module, title) in enumerate(MODULES.items(), start=1):
            body = "Practice.\n" + "".join(quiz(quiz_id, "[1, 2, 3]") for quiz_id in ids(module))
            site.module(f"0{number}-{module}.md", module_page(module, title=title, pass_mark=100, body=body))
        result = site.build("--strict", nav=NAV)
        assert result.returncode == 0, result.output
        yield server.url


def quizzes_ready(page) -> None:
    page.locator("form[data-lms-quiz]").first.scroll_into_view_if_needed()  # quiz.js loads as quizzes come near
    expect(page.locator("form[data-lms-quiz][data-lms-ready]")).to_have_count(QUIZZES)


def test_two_tabs_answering_at_once_keep_every_answer(course, browser, open_page):
    context = browser.new_context()
    tabs = {
        module: open_page(course + f"modules/0{n}-{module}/", context=context).page
        for n, module in enumerate(MODULES, start=1)
    }
    watcher = open_page(course + "dashboard/", context=context).page  # a third tab, only watching
    for page in tabs.values():
        quizzes_ready(page)
    answered: list[str] = []
    for round_ in range(ROUNDS):
        at = tabs["left"].evaluate("Date.now()") + 500
        for module, page in tabs.items():
            page.evaluate(f"(args) => {{ ({ANSWER_AT})(args); }}", {"at": at, "ids": ids(module, [round_])})
        answered += ids("left", [round_]) + ids("right", [round_])
        expected = ", ".join(f"r.quizzes[{quiz_id!r}]?.choices" for quiz_id in answered)
        wait_stored(watcher, f"[{expected}].every(Boolean)")

    record = stored(watcher)
    assert sorted(record["quizzes"]) == sorted(answered)
    assert all(entry["correct"] and len(entry["choices"]) == 1 for entry in record["quizzes"].values())
    assert set(record["completed"]) == set(MODULES)
    assert {key.split(":")[-1] for key in watcher.evaluate("Object.keys(localStorage)") if ":quiz:" in key} == set(
        answered
    )
    # Every open page shows both tabs' answers, without a reload (storage events).
    for page in (*tabs.values(), watcher):
        for title in MODULES.values():
            expect(nav_badge(page, title)).to_have_text("✓ Complete")
    for title in MODULES.values():
        expect(dashboard_row(watcher, title)).to_contain_text(f"{QUIZZES} of {QUIZZES} right first time (100%)")
    for page in tabs.values():
        expect(page.locator("[data-lms-quiz-summary] [role=status]")).to_have_text(
            f"{QUIZZES} of {QUIZZES} right first time. Pass mark 100%: met."
        )
        page.locator(".md-sidebar--primary").get_by_role("link", name="Your progress").click()
        for title in MODULES.values():
            expect(dashboard_row(page, title)).to_contain_text(f"{QUIZZES} of {QUIZZES} right first time (100%)")
