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
    "404.html",
]
# What only the facilitator edition has: the trainer guide, the answer key and
# the facilitator notes of every module page.
FACILITATOR_PAGES = [
    "guide/",
    "guide/quizzes/",
    "guide/front-matter/",
    "facilitator/answer-key/",
    "modules/01-manager-or-leader/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_course_page_has_no_axe_violations(open_page, course_url, path, scheme):
    assert _violations(open_page, course_url + path, scheme) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", FACILITATOR_PAGES)
def test_facilitator_edition_page_has_no_axe_violations(open_page, facilitator_url, path, scheme):
    assert _violations(open_page, facilitator_url + path, scheme) == []


def _violations(open_page, url: str, scheme: str) -> list:
    page = open_page(url, color_scheme=scheme).page
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
    return axe_violations(page)
