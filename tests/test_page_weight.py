"""Page weight (at most 5 KB, 5,000 B, of our own JS, CSS and data, gzipped,
on any page; quiz JS + CSS at most 5 KB as its benchmark reads it, 5,120 B,
and nothing of it on a page without a quiz), measured in Chromium on the repository's own course as built
for publishing (minified by coursesite/minify.py). A byte budget, never a timing.

How a page is measured: tests/support/weight.py (a new learner's cold load).
Page types whose figure is still over the budget are marked xfail(strict): the
test reports their figure on every run and fails once one of them fits, so
that the mark is removed then.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from coursesite import minify
from support.weight import BUDGET, gz, measure

PAGES = {
    "home": "",
    "module": None,  # the first module, from course.json
    "dashboard": "dashboard/",
    "certificate": "certificate/",
    "reading list": "readings/",
    "glossary": "glossary/",
    "syllabus": "syllabus/",
    "key points": "key-points/",
    "not found (404)": "404.html",
}  # of the learner edition: the trainer guide is in the facilitator edition, never published
# Pages of practice beyond the knowledge checks state their own budget, 6 KB
# (TASK_BUDGET, below): the portfolio and the Review page.
PRACTICE_PAGES = {"portfolio": "portfolio/", "review": "review/"}
# Still over. A widget's code loads on arrival when the widget is in view (main.js);
# a module page's quizzes are further down, so theirs loads as the learner comes near.
OVER_BUDGET: dict[str, str] = {}
EVERY_PAGE = {"assets/course.css", "assets/lms/main.js", "assets/lms/store.js", "assets/lms/progress/start.js"}
QUIZ_STYLES = "assets/course-quiz.css"  # course.css and quiz.css in one file (coursesite/pageassets.py)
QUIZ_CODE = {"assets/lms/quiz.js", "assets/lms/quiz/check.js"}
QUIZ_BUDGET = 5 * 1024  # bytes: the quiz's own target, as bench/bench_quiz.py reads "5 KB"


def page_paths(site_dir) -> dict[str, str]:
    data = json.loads((site_dir / "assets/lms/course.json").read_text(encoding="utf-8"))
    paths = {**PAGES, **PRACTICE_PAGES, "module": data["modules"][0]["url"] if data["modules"] else None}
    built = lambda path: (site_dir / (path if path.endswith(".html") else path + "index.html")).exists()  # noqa: E731
    return {name: path for name, path in paths.items() if path is not None and built(path)}


@pytest.fixture(scope="module")
def weights(browser, built_course, course_url):
    return {name: measure(browser, course_url, path) for name, path in page_paths(built_course).items()}


def budget_case(name: str):
    marks = [pytest.mark.xfail(strict=True, reason=OVER_BUDGET[name])] if name in OVER_BUDGET else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", [budget_case(name) for name in PAGES])
def test_our_assets_fit_in_5_kb(weights, name):
    if name not in weights:
        pytest.skip(f"the course has no {name} page yet")
    weight = weights[name]
    assert weight.total <= BUDGET, f"{name} page over {BUDGET} B: {weight.listing()}"


def test_pages_without_widgets_load_only_what_every_page_needs(weights):
    plain = [name for name in ("glossary", "syllabus", "key points", "not found (404)") if name in weights]
    assert plain, "no plain page to measure"
    for name in plain:
        assert set(weights[name].files) <= EVERY_PAGE, weights[name].listing()


def test_quiz_code_comes_only_with_quizzes_and_fits_in_5_kb(weights, browser, built_course, course_url):
    assert "assets/lms/quiz.js" not in weights["module"].files, (
        "the module's first quiz is far down the page: its code loads when it comes near"
    )
    assert QUIZ_STYLES in weights["module"].files and "assets/course.css" not in weights["module"].files, weights[
        "module"
    ].listing()
    near = measure(browser, course_url, page_paths(built_course)["module"], reach="form[data-lms-quiz]")
    assert "assets/lms/quiz.js" in near.files and "assets/lms/quiz/check.js" not in near.files, (
        "checking loads on the first touch: " + near.listing()
    )
    touched = measure(browser, course_url, page_paths(built_course)["module"], reach="form[data-lms-quiz]", touch=True)
    assert set(touched.files) >= QUIZ_CODE, touched.listing()
    # Quiz JS + CSS at most 5 KB; its CSS is what quiz.css adds to the combined file.
    quiz_styles = touched.files[QUIZ_STYLES] - gz((built_course / "assets/course.css").read_bytes())
    quiz = sum(touched.files[path] for path in QUIZ_CODE | {"assets/lms/store.js"}) + quiz_styles
    assert quiz_styles > 0 and quiz <= QUIZ_BUDGET, f"quiz JS + CSS {quiz} B: {touched.listing()}"
    for name in ("home", "dashboard", "reading list", "glossary"):
        if name in weights:
            assert not (QUIZ_CODE | {QUIZ_STYLES}) & set(weights[name].files), weights[name].listing()


GRADED_BUDGET = 6144  # bytes: a graded assessment's page states its own budget, "6 KB"
GRADED_PAGE = "modules/10-final-assessment/"
ASSESSMENT_CODE = {"assets/lms/assessment/main.js", "assets/lms/assessment/results.js"}


def test_a_graded_assessment_fits_in_6_kb_on_arrival(browser, course_url):
    """A new learner's first load of the final assessment: its panel is far down the
    page, so the panel's code loads as it comes near, like a quiz's; the attempt's on "Start"."""
    weight = measure(browser, course_url, GRADED_PAGE)
    print(f"graded assessment, first load: {weight.listing()}")
    assert weight.total <= GRADED_BUDGET, weight.listing()
    assert "assets/course-assessment.css" in weight.files, weight.listing()
    assert not ASSESSMENT_CODE & set(weight.files), weight.listing()


def test_a_graded_assessments_panel_code_comes_as_the_panel_nears(browser, course_url):
    """A load after the first (the budget is the first load's): the panel's code, not yet the attempt's."""
    weight = measure(browser, course_url, GRADED_PAGE, reach="[data-lms-assessment]")
    print(f"graded assessment, panel reached: {weight.listing()}")
    assert set(weight.files) >= ASSESSMENT_CODE and "assets/lms/assessment/attempt.js" not in weight.files


def test_a_learner_with_progress_sees_badges_on_every_page(built_course, course_url, open_page):
    """Plain pages load learner progress only once there is a record to show."""
    data = json.loads((built_course / "assets/lms/course.json").read_text(encoding="utf-8"))
    first = data["modules"][0]
    page = open_page(course_url + "glossary/").page
    page.locator("html[data-lms-ready]").wait_for(state="attached")
    record = {
        "v": 1,
        "epoch": 0,
        "name": None,
        "visited": {},
        "completed": {first["id"]: {"done": True, "at": 1}},
        "quizzes": {},
        "readings": {},
        "last": None,
    }
    page.evaluate("r => localStorage.setItem('lms:v1:/:progress', JSON.stringify(r))", record)
    page.reload()
    link = page.locator(".md-sidebar--primary .md-nav__link", has_text=first["title"])
    expect(link.locator("[data-lms-badge]")).to_have_text("✓ Complete")


def test_minified_copies_are_deterministic_and_sources_stay_readable(tmp_path):
    source = "// why this is so\nexport const answer = (a, b) => `${a}/${b}`; /* a note */\n"
    nested = "export const t = (h, m) => `${h} h${m ? ` ${m} min` : ''}`;\n"  # a space inside a nested literal
    style = "/* why */\n.lms-x  {  color : red ; }\n"
    for run in ("a", "b"):
        (tmp_path / run / "assets/lms").mkdir(parents=True)
        (tmp_path / run / "assets/lms/x.js").write_text(source, encoding="utf-8")
        (tmp_path / run / "assets/lms/t.js").write_text(nested, encoding="utf-8")
        (tmp_path / run / "assets/course.css").write_text(style, encoding="utf-8")
        (tmp_path / run / "assets/lms/data.json").write_text('{"a": 1}', encoding="utf-8")
        assert minify.minify_site(tmp_path / run) > 0
    for name in ("assets/lms/x.js", "assets/course.css"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a/assets/lms/x.js").read_text(encoding="utf-8") == "export const answer=(e,t)=>`${e}/${t}`\n"
    assert (tmp_path / "a/assets/lms/t.js").read_text(
        encoding="utf-8"
    ) == 'export const t=(e,t)=>`${e} h${t?` ${t} min`:""}`\n'
    assert (tmp_path / "a/assets/course.css").read_text(encoding="utf-8") == ".lms-x{color:red}\n"
    assert (tmp_path / "a/assets/lms/data.json").read_text(encoding="utf-8") == '{"a": 1}'  # only JS and CSS


TASK_BUDGET = 6144  # bytes: a page with a task, the portfolio and the Review page, "6 KB"
TASK_CODE = "assets/lms/task/"
TASK_PAGE = "modules/05-positive-reinforcement/"  # the course's example task


def test_task_pages_fit_in_6_kb_and_other_pages_load_no_task_code(weights, browser, built_course, course_url):
    """A first load (arrival) of a task page, the portfolio or the Review page;
    a task's own code comes as the task nears the view, its saving code with the
    first touch (both loads after the first are listed, not budgeted)."""
    assert (built_course / TASK_PAGE / "index.html").exists(), "the course's example task moved: update TASK_PAGE"
    arrival = measure(browser, course_url, TASK_PAGE)
    reached = measure(browser, course_url, TASK_PAGE, reach="form[data-lms-task]")
    assert "assets/lms/task/task.js" in reached.files, reached.listing()
    assert "assets/lms/task/work.js" not in reached.files, "saving and scoring load on the first touch"
    touched = measure(browser, course_url, TASK_PAGE, reach="form[data-lms-task]", touch=True)
    assert "assets/lms/task/work.js" in touched.files, touched.listing()
    for weight in (arrival, weights["portfolio"], weights["review"]):
        assert weight.total <= TASK_BUDGET, f"over {TASK_BUDGET} B: {weight.listing()}"
    for name, weight in weights.items():
        if name not in ("portfolio", "review"):
            assert not any(path.startswith(TASK_CODE) or "task" in path for path in weight.files), weight.listing()
