"""Tasks in a real browser: the learner writes by keyboard, the response is
kept as they type, they score it against the rubric and only then see the
model answer; full storage loses nothing while the tab is open; the portfolio
lists, downloads and prints every response (each task on one printed page);
axe finds nothing on the task and portfolio pages in either scheme."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.a11y import axe_violations, set_scheme
from support.layout import misaligned_choices
from support.progress import PREFIX, served_site, stored, wait_stored
from support.sites import module_page
from test_progress_browser import export_progress, import_progress
from test_progress_faults import STORAGE_FULL

RUBRIC = "| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Questions | Mostly closed questions | Open questions that let the rep think |\n| Focus | On the numbers only | On the rep and what would help |\n"


def task(task_id: str, title: str) -> str:
    return (
        f"/// task | {title}\n    id: {task_id}\n\nWrite the opening of your next one to one.\n\n{RUBRIC}\n"
        "Model answer:\n\nAsk what has changed, then listen.\n///\n"
    )


TASKS = {
    "plan-one-to-one": "Plan a one to one",
    "write-recognition": "Write a recognition",
    "plan-ride-along": "Plan a ride-along",
}
NAV = [
    {"Home": "index.md"},
    {"Course": ["modules/01-alpha.md", "modules/02-beta.md"]},
    {"Your progress": "dashboard.md"},
    {"Your portfolio": "portfolio.md"},
]
TASK_KEY = PREFIX + "task:plan-one-to-one"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    alpha = "Alpha opens here.\n\n" + "\n".join(task(i, t) for i, t in list(TASKS.items())[:2])
    modules = {
        "01-alpha.md": module_page("alpha", title="Alpha basics", body=alpha),
        "02-beta.md": module_page(
            "beta", title="Beta practice", body=task("plan-ride-along", TASKS["plan-ride-along"])
        ),
    }
    pages = ("index.md", "dashboard.md", "portfolio.md")
    with served_site(tmp_path_factory.mktemp("tasks") / "course", NAV, modules, pages) as url:
        yield url


def ready_task(page, task_id: str = "plan-one-to-one"):
    page.locator(f"form[data-lms-task='{task_id}']").scroll_into_view_if_needed()
    form = page.locator(f"form[data-lms-task='{task_id}'][data-lms-ready]")
    form.wait_for()
    return form


def stored_task(page, key: str = TASK_KEY):
    return stored(page, key)


def test_write_score_and_see_the_model_answer_by_keyboard(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    form = ready_task(page)
    model = form.locator("details[data-lms-task-model]")
    expect(model).to_be_hidden()  # the learner judges their own work first
    form.get_by_label("Your response").focus()
    page.keyboard.type("Ask Sam what has changed since last month.")
    page.wait_for_function(f"() => JSON.parse(localStorage.getItem('{TASK_KEY}') || 'null')?.text?.endsWith('month.')")
    assert stored_task(page)["scores"] == {}
    page.keyboard.press("Tab")  # the first criterion's radio group
    page.keyboard.press("ArrowDown")  # arrows choose within a group: "Strong"
    expect(form.locator("fieldset", has_text="Questions").get_by_label("Strong")).to_be_checked()
    page.keyboard.press("Enter")  # submits the form: one criterion is still unscored
    expect(form.locator("[role=status]")).to_have_text("Choose a level for every criterion. Not scored yet: Focus.")
    expect(form.locator("fieldset", has_text="Focus").get_by_label("Developing")).to_be_focused()
    expect(model).to_be_hidden()
    page.keyboard.press("Space")  # "Developing"
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Save my self-score")).to_be_focused()
    page.keyboard.press("Enter")
    expect(form.locator("[role=status]")).to_have_text(
        "Self-score saved: 1 of 2 criteria at the top level. Compare your response with the model answer below."
    )
    expect(model).to_be_visible()
    expect(model).to_have_attribute("open", "")
    wait_stored(
        page, "r.tasks?.['plan-one-to-one']?.scores && Object.keys(r.tasks['plan-one-to-one'].scores).length === 2"
    )
    entry = stored(page)["tasks"]["plan-one-to-one"]
    assert entry["text"] == "Ask Sam what has changed since last month." and entry == stored_task(page)
    page.reload()
    form = ready_task(page)
    expect(form.get_by_label("Your response")).to_have_value("Ask Sam what has changed since last month.")
    expect(form.locator("fieldset", has_text="Questions").get_by_label("Strong")).to_be_checked()
    expect(form.locator("fieldset", has_text="Focus").get_by_label("Developing")).to_be_checked()
    expect(form.locator("details[data-lms-task-model]")).to_be_visible()


@pytest.mark.parametrize("width, scheme", [(390, "light"), (1280, "dark")])
def test_each_level_button_sits_on_its_labels_first_line(course, browser, open_page, width, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = open_page(course + "modules/01-alpha/", context=context).page
    ready_task(page)
    assert page.locator(".lms-task__levels li").count() >= 4
    assert misaligned_choices(page, ".lms-task__levels li") == []


def test_scoring_needs_a_response_first(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    form = ready_task(page)
    form.get_by_role("button", name="Save my self-score").click()
    expect(form.locator("[role=status]")).to_have_text("Write your response before you score it.")
    expect(form.get_by_label("Your response")).to_be_focused()


def test_a_draft_is_kept_while_typing_and_the_model_answer_waits(course, open_page):
    page = open_page(course + "modules/01-alpha/").page
    form = ready_task(page)
    form.get_by_label("Your response").press_sequentially("A first draft", delay=20)
    page.wait_for_function(f"() => JSON.parse(localStorage.getItem('{TASK_KEY}') || 'null')?.text === 'A first draft'")
    page.reload()
    form = ready_task(page)
    expect(form.get_by_label("Your response")).to_have_value("A first draft")
    expect(form.locator("details[data-lms-task-model]")).to_be_hidden()


def test_full_storage_is_told_offers_the_download_and_keeps_the_text(course, browser, open_page):
    context = browser.new_context()
    context.add_init_script(STORAGE_FULL)
    page = open_page(course + "modules/01-alpha/", context=context).page
    form = ready_task(page)
    form.get_by_label("Your response").fill("Every word of this must survive.")
    status = form.locator("[role=status]")
    expect(status).to_contain_text("Your response could not be saved: this browser's storage is full or turned off.")
    download = form.get_by_role("button", name="Download my response")
    expect(download).to_be_visible()
    with page.expect_download() as file:
        download.click()
    text = Path(file.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# Plan a one to one\n\nEvery word of this must survive.")
    # Instant navigation away and back: the tab still has what was typed.
    page.locator(".md-sidebar--primary").get_by_role("link", name="Beta practice").click()
    page.wait_for_url("**/02-beta/")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Alpha basics").click()
    page.wait_for_url("**/01-alpha/")
    expect(ready_task(page).get_by_label("Your response")).to_have_value("Every word of this must survive.")


def seed_tasks(page, course, entries: dict):
    page.goto(course)
    for task_id, entry in entries.items():
        page.evaluate("([k, v]) => localStorage.setItem(k, JSON.stringify(v))", [PREFIX + "task:" + task_id, entry])


def levels(page, task_id: str) -> dict[str, str]:
    """Criterion key -> level key, read from the built task form."""
    form = ready_task(page, task_id)
    keys = form.locator("fieldset").evaluate_all(
        "sets => sets.map(s => [s.dataset.lmsCriterion, [...s.querySelectorAll('input')].map(i => i.value)])"
    )
    return {criterion: values for criterion, values in keys}


def test_the_portfolio_lists_downloads_and_prints_each_task_whole(course, open_page, tmp_path):
    page = open_page(course + "modules/01-alpha/").page
    criteria = levels(page, "plan-one-to-one")
    top = {c: values[-1] for c, values in criteria.items()}
    words = " ".join(
        f"Sentence {n} of a long plan for the team, with enough words to fill the line." for n in range(22)
    )
    entries = {
        task_id: {"text": f"{words}\n\nEnd of response {n}.", "scores": top, "at": 1_700_000_000_000 + n}
        for n, task_id in enumerate(TASKS)
    }
    entries["write-recognition"]["scores"] = {}
    seed_tasks(page, course, entries)
    page.goto(course + "portfolio/")
    portfolio = page.locator("[data-lms-portfolio][data-lms-ready]")
    expect(portfolio.locator("[role=status]")).to_have_text("3 of 3 tasks have a response.")
    section = portfolio.locator("[data-lms-portfolio-task='plan-one-to-one']")
    expect(section.locator(".lms-portfolio__response").last).to_contain_text("End of response 0.")
    expect(section.locator("tr", has_text="Questions").locator("td")).to_have_text("Strong")
    expect(
        portfolio.locator("[data-lms-portfolio-task='write-recognition'] tr", has_text="Focus").locator("td")
    ).to_have_text("Not scored")
    with page.expect_download() as file:
        portfolio.get_by_role("button", name="Download my responses (Markdown file)").click()
    markdown = Path(file.value.path()).read_text(encoding="utf-8")
    assert file.value.suggested_filename == "portfolio.md"
    assert markdown.count("\n## ") == 3 and "## Plan a one to one\n\nSentence 0" in markdown
    assert "| Questions | Strong |" in markdown and "End of response 2." in markdown

    pdf = tmp_path / "portfolio.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    pages = pdf_pages(pdf)
    assert len(pages) >= 3, "each response is most of a page: the test needs a multi-page portfolio"
    for n, title in enumerate(TASKS.values()):
        [where] = [i for i, text in enumerate(pages) if title in text]
        assert f"End of response {n}." in pages[where], f"task '{title}' is split across pages"


def pdf_pages(pdf) -> list[str]:
    """The text of each page of ``pdf`` (poppler's pdfinfo and pdftotext)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])

    def text(n):
        return subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout

    return [text(n) for n in range(1, count + 1)]


def test_responses_move_with_exported_progress(course, open_page, tmp_path):
    first = open_page(course + "modules/01-alpha/").page
    form = ready_task(first)
    form.get_by_label("Your response").fill("Moved to another browser.")
    wait_stored(first, "r.tasks?.['plan-one-to-one']?.text === 'Moved to another browser.'")
    first.goto(course + "dashboard/")
    exported = export_progress(first, tmp_path)
    assert json.loads(exported.read_text())["record"]["tasks"]["plan-one-to-one"]["text"] == "Moved to another browser."
    second = open_page(course + "dashboard/").page
    import_progress(second, exported, "Replace")
    second.goto(course + "modules/01-alpha/")
    expect(ready_task(second).get_by_label("Your response")).to_have_value("Moved to another browser.")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_task_and_portfolio_pages_pass_axe(course, open_page, scheme):
    page = open_page(course + "modules/01-alpha/").page
    set_scheme(page, scheme)
    form = ready_task(page)
    form.get_by_label("Your response").fill("Ask what has changed.")
    for fieldset in form.locator("fieldset").all():
        fieldset.get_by_label("Strong").check()
    form.get_by_role("button", name="Save my self-score").click()
    expect(form.locator("details[data-lms-task-model]")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(course + "portfolio/")
    page.locator("[data-lms-portfolio][data-lms-ready]").wait_for()
    assert axe_violations(page) == []
