"""Mark as read in a real Chromium: it persists across reload and instant
navigation, the per-module counts update and are announced, the event for
the progress feature fires, bad stored data is ignored, and axe finds
nothing on the reading-list page in either colour scheme."""

from __future__ import annotations

import json

import pytest

from support.a11y import axe_violations, set_scheme
from support.sites import SiteFactory
from test_readings_sample import write_sample

PINK = "Mark as read: Drive: The Surprising Truth About What Motivates Us"
DECI = "Mark as read: Self-determination theory and the facilitation of intrinsic motivation"
READY = "input[data-lms-reading-toggle][data-lms-reading-ready]"


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory):
    site = SiteFactory(tmp_path_factory.mktemp("readings-browser") / "course")
    nav = write_sample(site)
    with site.served(nav=nav) as url:
        yield url


def ready(page, marker: str = "body") -> None:
    """Wait until ``marker`` (something only the expected page has) is there and
    readings.js has set up every checkbox of that content."""
    page.wait_for_selector(marker, state="attached")
    page.wait_for_selector(READY, state="attached")
    page.wait_for_function(
        "[...document.querySelectorAll('input[data-lms-reading-toggle]')].every(b => b.dataset.lmsReadingReady)"
    )


def counts(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-lms-reading-count]",
        "els => Object.fromEntries(els.map(e => [e.dataset.lmsReadingCount, e.textContent]))",
    )


def stored(page) -> dict:
    return page.evaluate(
        "Object.fromEntries(Object.keys(localStorage).map(k => [k, JSON.parse(localStorage.getItem(k))]))"
    )


def test_mark_as_read_persists_across_reload(open_page, sample_url):
    page = open_page(sample_url + "modules/01-motivation/").page
    ready(page)
    assert counts(page) == {"motivation": "0 of 5 read"}
    page.get_by_role("checkbox", name=PINK).check()
    assert counts(page) == {"motivation": "1 of 5 read"}
    assert stored(page)["lms:v1:/:readings"] == ["pink-2009"]  # namespaced and versioned by store.js
    page.reload()
    ready(page)
    assert page.get_by_role("checkbox", name=PINK).is_checked()
    assert counts(page) == {"motivation": "1 of 5 read"}
    page.get_by_role("checkbox", name=PINK).uncheck()
    page.reload()
    ready(page)
    assert not page.get_by_role("checkbox", name=PINK).is_checked()


def test_mark_as_read_persists_across_instant_navigation(open_page, sample_url):
    page = open_page(sample_url + "modules/01-motivation/").page
    ready(page)
    page.evaluate(
        "window.__sameDocument = true; window.__events = []; document.addEventListener('lms:reading-marked', e => window.__events.push(e.detail))"
    )
    page.get_by_role("checkbox", name=PINK).check()
    page.get_by_role("link", name="course reading list").click()
    page.wait_for_url("**/readings/")
    ready(page, "#by-module")  # the URL changes before instant navigation swaps the content
    assert page.evaluate("window.__sameDocument === true")  # no full page load
    assert page.get_by_role("checkbox", name=PINK).is_checked()
    assert counts(page) == {"motivation": "1 of 5 read", "feedback": "0 of 7 read"}
    page.get_by_role("checkbox", name=DECI).check()
    page.get_by_role("link", name="Open the module").first.click()
    page.wait_for_url("**/modules/01-motivation/")
    ready(page, "h2#reading-list")
    assert page.get_by_role("checkbox", name=DECI).is_checked()
    page.get_by_role("checkbox", name=DECI).uncheck()
    # One event per change, even after the content was replaced twice: no duplicated listeners.
    assert page.evaluate("window.__events") == [
        {"readingId": "pink-2009", "read": True},
        {"readingId": "deci-ryan-2000", "read": True},
        {"readingId": "deci-ryan-2000", "read": False},
    ]


def test_counts_update_for_every_module_of_a_reading_and_are_announced(open_page, sample_url):
    page = open_page(sample_url + "readings/").page
    ready(page)
    status = page.get_by_role("status")
    assert status.inner_text() == ""
    page.get_by_role("checkbox", name=DECI).check()
    assert counts(page) == {"motivation": "1 of 5 read", "feedback": "1 of 7 read"}
    assert status.inner_text() == (
        "Marked as read: Self-determination theory and the facilitation of intrinsic motivation. "
        "Motivation: 1 of 5 read. Feedback: 1 of 7 read."
    )
    for name in ("pink-2009", "kotter-1990", "talk-2020", "rework-2018"):
        page.locator(f"[data-lms-reading='{name}'] input[type=checkbox]").check()
    assert counts(page)["motivation"] == "✓ 5 of 5 read"  # text and icon, not colour alone


def test_marking_works_by_keyboard(open_page, sample_url):
    page = open_page(sample_url + "modules/01-motivation/").page
    ready(page)
    box = page.get_by_role("checkbox", name=PINK)
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked() and counts(page) == {"motivation": "1 of 5 read"}
    outline = box.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"  # visible focus ring


@pytest.mark.parametrize(
    "garbage",
    [
        "{not json",
        '"a string"',
        '{"pink-2009": true}',
        json.dumps(["pink-2009", 42, "<img src=x>", "deci-ryan-2000"]),
    ],
)
def test_bad_stored_data_is_ignored_without_errors(open_page, sample_url, garbage):
    page = open_page(sample_url + "modules/01-motivation/").page
    ready(page)
    page.evaluate("value => localStorage.setItem('lms:v1:/:readings', value)", garbage)
    page.reload()
    ready(page)
    expected = 2 if garbage.startswith("[") else 0  # only the valid ids of a list are kept
    assert counts(page) == {"motivation": f"{expected} of 5 read"}
    page.get_by_role("checkbox", name=PINK).set_checked(not page.get_by_role("checkbox", name=PINK).is_checked())
    assert all(isinstance(i, str) for i in stored(page)["lms:v1:/:readings"])


def test_without_javascript_the_lists_still_show(open_page, sample_url):
    page = open_page(sample_url + "readings/", javascript=False).page
    assert counts(page) == {"motivation": "5 readings", "feedback": "7 readings"}
    assert page.locator("[data-lms-reading]").count() == 10


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_on_the_reading_list_page(open_page, sample_url, scheme):
    page = open_page(sample_url + "readings/", color_scheme="dark" if scheme == "slate" else "light").page
    ready(page)
    set_scheme(page, scheme)
    page.get_by_role("checkbox", name=PINK).check()
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_on_a_module_reading_list(open_page, sample_url, scheme):
    page = open_page(sample_url + "modules/02-feedback/", color_scheme="dark" if scheme == "slate" else "light").page
    ready(page)
    set_scheme(page, scheme)
    assert axe_violations(page) == []
