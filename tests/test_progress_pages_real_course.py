"""The progress page and the certificate on the repository's own course, every
module complete, as a learner who finished would see and print them: the
three-module sample of the progress tests hides what ten modules do to a layout."""

from __future__ import annotations

import json
import re

import pytest

from support.a11y import axe_violations
from support.progress import PREFIX, record, seed

AT = 1_765_000_000_000  # a fixed moment, so the certificate's date is known


def finished_record(built_course) -> dict:
    """Every module of the real course complete, every quiz answered right."""
    data = json.loads((built_course / "assets/lms/course.json").read_text(encoding="utf-8"))
    modules = [m["id"] for m in data["modules"]]
    quizzes = [q for m in data["modules"] for q in m["quizzes"]]
    return record(
        name={"text": "Maria-Fernanda Castellanos-Oyelaran", "at": AT},
        visited={m: AT for m in modules},
        completed={m: {"done": True, "at": AT} for m in modules},
        quizzes={q: {"correct": True, "at": AT} for q in quizzes},
        # A graded assessment is complete by a passing recorded attempt.
        attempts={m["id"]: [passed_attempt()] for m in data["modules"] if "assessment" in m},
    )


def passed_attempt() -> dict:
    return {"seed": 1, "started": AT, "at": AT, "answers": {}, "submitted": AT, "score": 100, "passed": True}


def open_certificate(open_page, built_course, course_url, **options):
    page = open_page(**options).page
    seed(page, course_url, finished_record(built_course), key=PREFIX + "progress")
    page.goto(course_url + "certificate/")
    page.locator("[data-lms-cert]:not([hidden]) [data-lms-cert-code]").filter(has_text=re.compile(r"\w")).wait_for()
    return page


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_real_courses_certificate_prints_on_exactly_one_page(open_page, built_course, course_url, paper):
    page = open_certificate(open_page, built_course, course_url)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the certificate prints on {pages} {paper} pages"
    # Nothing of it is cut: every module's row is inside the printed area.
    assert page.locator("[data-lms-cert-modules] tr").count() == len(finished_record(built_course)["completed"])


# The contrast of two CSS colours (WCAG's relative luminance), computed in the page.
CONTRAST = """([a, b]) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_name_box_has_a_visible_edge(open_page, built_course, course_url, scheme):
    page = open_certificate(open_page, built_course, course_url, color_scheme=scheme)
    box = page.locator("#lms-cert-name")
    edge, width = box.evaluate("e => [getComputedStyle(e).borderTopColor, getComputedStyle(e).borderTopWidth]")
    behind = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert float(width.removesuffix("px")) >= 1
    assert page.evaluate(CONTRAST, [edge, behind]) >= 3, (edge, behind)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_progress_table_fits_a_phone_and_stays_a_table(open_page, built_course, course_url, width, scheme):
    page = open_page(color_scheme=scheme).page
    page.set_viewport_size({"width": width, "height": 800})
    seed(page, course_url, finished_record(built_course), key=PREFIX + "progress")
    page.goto(course_url + "dashboard/")
    page.locator("[data-lms-dashboard-body][data-lms-shown] table").wait_for()
    overflow = page.evaluate("""() => [...document.querySelectorAll('.lms-table-wrap, .lms-table-wrap :is(th, td)')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1).length""")
    assert overflow == 0
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
    # Shown as cards, it is still a table to assistive technology, each figure under its column.
    table = page.get_by_role("table", name="Your modules")
    modules = len(finished_record(built_course)["completed"])
    assert table.get_by_role("row").count() == modules + 1
    assert table.get_by_role("rowheader").count() == modules
    assert table.get_by_role("columnheader").all_inner_texts() == [
        "Module",
        "Status",
        "Knowledge check",
        "Readings",
        "Time left",
    ]
    cell = table.get_by_role("row").nth(1).get_by_role("cell").nth(1)
    assert cell.get_attribute("data-label") == "Knowledge check"
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") == '"Knowledge check: "'
    assert axe_violations(page) == []


def test_the_minified_progress_code_writes_time_as_the_build_does(open_page, built_course, course_url):
    """The built site ships our scripts minified (coursesite/minify.py): the progress
    page's "time left", written by the script for a learner with a record, reads
    exactly as the build's own text for a new learner, spaces and all."""
    from coursesite.pages import duration_text

    data = json.loads((built_course / "assets/lms/course.json").read_text(encoding="utf-8"))
    first = data["modules"][0]["id"]
    total = sum(m["duration"] for m in data["modules"])
    assert total % 60, "the check needs a total with hours and minutes"
    page = open_page().page
    seed(page, course_url, record(visited={first: AT}), key=PREFIX + "progress")
    page.goto(course_url + "dashboard/")
    shown = page.locator("[data-lms-dashboard-body][data-lms-shown] p", has_text="Time left")
    assert shown.inner_text() == f"Time left: about {duration_text(total)}."
    assert "assets/lms/progress/dashboard.js" in " ".join(
        e["name"] for e in page.evaluate("performance.getEntriesByType('resource').map(e => ({name: e.name}))")
    )
    assert "\n//" not in (built_course / "assets/lms/progress/dashboard.js").read_text(encoding="utf-8"), (
        "the built copy is minified"
    )
