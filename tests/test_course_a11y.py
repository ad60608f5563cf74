"""axe-core on every page type of the repository's own course, in both
colour schemes, before any interaction (the features' own tests cover the
states after answering)."""

from __future__ import annotations

import pytest

from support.a11y import axe_violations

PAGES = [
    "",
    "syllabus/",
    "modules/01-manager-or-leader/",
    "modules/10-final-assessment/",
    "key-points/",
    "glossary/",
    "readings/",
    "dashboard/",
    "certificate/",
    "guide/",
    "guide/quizzes/",
    "guide/front-matter/",
    "404.html",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_course_page_has_no_axe_violations(open_page, course_url, path, scheme):
    page = open_page(course_url + path, color_scheme=scheme).page
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
    assert axe_violations(page) == []
