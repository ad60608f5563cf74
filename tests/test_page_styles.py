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
        ("index.html", "assets/course.css"),
        ("glossary/index.html", "assets/course.css"),
        ("404.html", "assets/course.css"),
        ("dashboard/index.html", "assets/course-progress.css"),
        ("certificate/index.html", "assets/course-progress.css"),
    ],
)
def test_each_page_links_one_stylesheet_of_ours_for_its_widgets(built_course, page, expected):
    assert linked(built_course, page) == [expected]


def test_the_guide_page_with_a_live_quiz_links_the_quiz_styles(facilitator_course):
    assert linked(facilitator_course, "guide/quizzes/index.html") == ["assets/course-quiz.css"]


def test_every_module_page_links_the_quiz_styles_once(built_course):
    pages = sorted((built_course / "modules").glob("*/index.html"))
    assert pages
    for page in pages:
        # A module with a task (/// task) links the quiz and task styles in one file.
        expected = (
            "assets/course-quiz-task.css"
            if "data-lms-task=" in page.read_text(encoding="utf-8")
            else "assets/course-quiz.css"
        )
        assert linked(built_course, page.relative_to(built_course).as_posix()) == [expected], page


def test_the_combined_files_are_course_css_then_the_feature_styles_minified(built_course):
    course, quiz, pages = (
        minified((ASSETS / name).read_text(encoding="utf-8"), ".css")
        for name in ("course.css", "lms/quiz.css", "lms/progress/pages.css")
    )
    read = lambda path: (built_course / path).read_text(encoding="utf-8")  # noqa: E731
    assert read("assets/course-quiz.css") == course + quiz
    assert read("assets/course-progress.css") == course + pages
    assert read("assets/course-progress-quiz.css") == course + pages + quiz
    task = minified((ASSETS / "lms/task/task.css").read_text(encoding="utf-8"), ".css")
    assert read("assets/course-quiz-task.css") == course + quiz + task


def test_a_page_is_matched_to_its_widgets_by_their_data_attributes():
    assert pageassets.styles("<p>Nothing here</p>") == ["assets/course.css"]
    assert pageassets.styles('<form data-lms-quiz="a-b">') == ["assets/course-quiz.css"]
    assert pageassets.styles('<div data-lms-dashboard></div><form data-lms-quiz="x">') == [
        "assets/course-progress-quiz.css"
    ]
    assert pageassets.styles("<p>data-lms-quiz is explained here</p>") == ["assets/course.css"], (
        "prose about the attribute is no widget"
    )


def test_writing_the_combined_files_twice_gives_the_same_bytes(tmp_path):
    for name, text in {
        "assets/course.css": "a{color:red}\n",
        "assets/lms/quiz.css": "b{color:blue}",
        "assets/lms/progress/pages.css": "c{}\n",
        "assets/lms/task/task.css": "d{}\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    written = pageassets.write_stylesheets(tmp_path)
    first = {path: (tmp_path / path).read_bytes() for path in written}
    assert pageassets.write_stylesheets(tmp_path) == written
    assert {path: (tmp_path / path).read_bytes() for path in written} == first
    assert first["assets/course-quiz.css"] == b"a{color:red}\nb{color:blue}\n"
