"""What learner progress adds to each page, gzipped, as shipped: the build
minifies our JS and CSS (coursesite/minify.py), so each file is measured minified.
A guard against growth: the product's target is at most 5 KB of our own JS
and CSS per page across all features (tests/test_page_weight.py measures
whole pages in the browser)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from coursesite.minify import minified
from support.sites import ROOT

ASSETS = ROOT / "docs" / "assets" / "lms"
EVERY_PAGE = [
    "progress/main.js",
    "progress/tracker.js",
    "progress/ui.js",
    "progress/record.js",
    "progress/standing.js",  # a module's standing (record.js re-exports it)
    "progress/start.js",
    "task/entry.js",  # the record's validator of task responses (record.js imports it)
    "review/schedule.js",  # the review schedule (record.js and tracker.js import it)
    "assessment/attempts.js",  # graded attempts (record.js and standing.js import it)
]  # its CSS is in course.css
# Includes merging tabs under a Web Lock, keeping a newer version's record and
# telling the learner, giving quizzes the answers storage refused them, lesson
# progress, and the learner's path: a module page's status line and end panel
# (progress/panel.js), the home page's primary button and per-module progress bars,
# task responses (the record's tasks field) and the review schedule (its review field);
# the first-try results of knowledge checks, with the migration of v1 records, and
# graded attempts (assessment/attempts.js validates and merges them with the record).
PAGES = {
    "module page": ([*EVERY_PAGE, "progress/panel.js"], 10_000),
    "course home": ([*EVERY_PAGE, "progress/home.js"], 9_750),
    "dashboard": (
        [
            *EVERY_PAGE,
            "progress/home.js",
            "progress/dashboard.js",
            "progress/transfer.js",
            "progress/sync.js",
            "progress/controls.js",
            "progress/pages.css",
        ],
        15_000,  # with the table roles restated for phones (controls.js)
    ),
    "certificate": ([*EVERY_PAGE, "progress/certificate.js", "progress/code.js", "progress/pages.css"], 11_000),
}


def gzipped(path: str) -> int:
    shipped = minified((ASSETS / path).read_text(encoding="utf-8"), Path(path).suffix)
    return len(gzip.compress(shipped.encode("utf-8"), compresslevel=9))


@pytest.mark.parametrize("page", list(PAGES))
def test_progress_stays_within_its_share_of_each_page(page):
    files, budget = PAGES[page]
    sizes = {f: gzipped(f) for f in files}
    assert sum(sizes.values()) <= budget, f"{page}: {sum(sizes.values())} bytes gzipped > {budget}: {sizes}"


def test_every_progress_file_stays_small():
    for path in sorted(ASSETS.glob("progress/*.js")):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 200, f"{path.name} has {lines} lines; split it by meaning"
