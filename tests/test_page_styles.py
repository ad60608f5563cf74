"""One stylesheet of ours per page (coursesite/pageassets.py): course.css on
a page without widgets, course.css combined with the widgets' styles on the
others; the combined files are written by the build, minified like the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursesite import pageassets
from coursesite.minify import minified

ASSETS = Path(__file__).resolve().parents[1] / "docs" / "assets"
OURS = re.compile(
    r'<link rel="stylesheet" href="[^"]*?(assets/course[^"/]*\.css)"'
)  # relative, or from the root on 404.html


def linked(site_dir, page: str) -> list[str]:
    html = (site_dir / page).read_text(encoding="utf-8")
    return OURS.findall(html)


@pytest.mark.parametrize(
    "page, expected",
    [
        ("index.html", "assets/course-home.css"),
        ("glossary/index.html", "assets/course.css"),
        ("404.html", "assets/course.css"),
        ("dashboard/index.html", "assets/course-progress.css"),
        ("certificate/index.html", "assets/course-progress.css"),
    ],
)
def test_each_page_links_one_stylesheet_of_ours_for_its_widgets(built_course, page, expected):
    assert linked(built_course, page) == [expected]


def test_the_build_writes_each_stylesheet_a_page_links_and_no_other(built_course, facilitator_course):
    for site in (built_course, facilitator_course):
        pages = [page.relative_to(site).as_posix() for page in site.rglob("*.html")]
        links = {path for page in pages for path in linked(site, page)}
        written = {path.relative_to(site).as_posix() for path in (site / "assets").glob("course*.css")}
        assert links == written, site


def test_facilitator_notes_and_code_are_styled_only_in_the_edition_that_has_them(built_course, facilitator_course):
    learner = {
        path for page in built_course.rglob("*.html") for path in linked(built_course, page.relative_to(built_course))
    }
    assert not [path for path in learner if "facilitator" in path or "code" in path], learner
    guide = linked(facilitator_course, "guide/quizzes/index.html")
    assert guide == ["assets/course-quiz-code.css"], "the guide's examples are highlighted code"
    modules = {
        linked(facilitator_course, f"modules/{page.parent.name}/index.html")[0]
        for page in (facilitator_course / "modules").glob("*/index.html")
    }
    assert all("facilitator" in path for path in modules), modules


def test_every_module_page_links_the_quiz_styles_once(built_course):
    """The graded final assessment links the assessment's styles (quiz.css, then assessment.css)."""
    pages = sorted((built_course / "modules").glob("*/index.html"))
    assert pages
    for page in pages:
        # A module with a task (/// task) links the quiz and task styles in one file;
        # the graded final assessment links the assessment's styles (quiz.css, then assessment.css).
        expected = (
            "assets/course-assessment.css"
            if page.parent.name == "10-final-assessment"
            else "assets/course-quiz-task.css"
            if "data-lms-task=" in page.read_text(encoding="utf-8")
            else "assets/course-quiz.css"
        )
        assert linked(built_course, page.relative_to(built_course).as_posix()) == [expected], page


def test_the_combined_files_are_course_css_then_the_feature_styles_minified(built_course, facilitator_course):
    course, quiz, pages, task, graded, home, code, notes = (
        minified((ASSETS / name).read_text(encoding="utf-8"), ".css")
        for name in (
            "course.css",
            "lms/quiz.css",
            "lms/progress/pages.css",
            "lms/task/task.css",
            "lms/assessment/assessment.css",
            "lms/progress/home.css",
            "lms/code.css",
            "lms/facilitator.css",
        )
    )
    read = lambda site, path: (site / path).read_text(encoding="utf-8")  # noqa: E731
    assert read(built_course, "assets/course-quiz.css") == course + quiz
    assert read(built_course, "assets/course-progress.css") == course + pages
    assert read(built_course, "assets/course-quiz-task.css") == course + quiz + task
    assert read(built_course, "assets/course-assessment.css") == course + quiz + graded
    assert read(built_course, "assets/course-home.css") == course + home
    assert read(facilitator_course, "assets/course-quiz-code.css") == course + quiz + code
    assert read(facilitator_course, "assets/course-quiz-facilitator.css") == course + quiz + notes


def test_a_page_is_matched_to_its_widgets_by_their_attributes_and_classes():
    assert pageassets.styles("<p>Nothing here</p>") == ["assets/course.css"]
    assert pageassets.styles('<form data-lms-quiz="a-b">') == ["assets/course-quiz.css"]
    assert pageassets.styles('<div data-lms-dashboard></div><form data-lms-quiz="x">') == [
        "assets/course-progress-quiz.css"
    ]
    assert pageassets.styles("<p>data-lms-quiz is explained here</p>") == ["assets/course.css"], (
        "prose about the attribute is no widget"
    )
    assert pageassets.styles('<div class="lms-cards"></div>') == ["assets/course-home.css"]
    assert pageassets.styles('<div class="highlight"><pre>x</pre></div>') == ["assets/course-code.css"]
    assert pageassets.styles('<details class="note facilitator"></details><form data-lms-quiz="x">') == [
        "assets/course-quiz-facilitator.css"
    ]
    assert pageassets.styles("<p>The class highlight, facilitator and lms-cards</p>") == ["assets/course.css"]


def test_writing_the_combined_files_twice_gives_the_same_bytes(tmp_path):
    for name, text in {
        "assets/course.css": "a{color:red}\n",
        "assets/lms/quiz.css": "b{color:blue}",
        "assets/lms/progress/pages.css": "c{}\n",
        "assets/lms/assessment/assessment.css": "e{}\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    linked = [
        "assets/course-quiz.css",
        "assets/course.css",
        "assets/course-progress-quiz.css",
        "assets/course-quiz-assessment.css",
    ]
    written = pageassets.write_stylesheets(tmp_path, linked)
    assert written == ["assets/course-progress-quiz.css", "assets/course-quiz-assessment.css", "assets/course-quiz.css"]
    first = {path: (tmp_path / path).read_bytes() for path in written}
    assert pageassets.write_stylesheets(tmp_path, reversed(linked)) == written
    assert {path: (tmp_path / path).read_bytes() for path in written} == first
    assert first["assets/course-quiz.css"] == b"a{color:red}\nb{color:blue}\n"
    assert first["assets/course-progress-quiz.css"] == b"a{color:red}\nc{}\nb{color:blue}\n"
    assert first["assets/course-quiz-assessment.css"] == b"a{color:red}\nb{color:blue}\ne{}\n", "quiz.css once"
    assert (tmp_path / "assets/course.css").read_bytes() == b"a{color:red}\n", "course.css is left as it is"
