"""The course site in a real headless Chromium: instant navigation, the
colour-scheme toggle, glossary tooltips, search, no console errors, no request leaving the
site, and axe-core clean on every page type in both schemes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support.a11y import axe_violations, set_scheme
from support.sites import SiteFactory, module_page

PAGES = {
    "docs/index.md": "---\ntitle: Home\n---\n\n# Home\n\nWelcome to the course.\n\n{{ course_home() }}\n",
    "docs/syllabus.md": "# Syllabus\n\n{{ syllabus() }}\n",
    "docs/key-points.md": "# Key points\n\n{{ key_points() }}\n",
    "docs/glossary.md": "# Glossary\n\n{{ glossary_terms() }}\n",
    "docs/guide/index.md": "---\nrender_macros: false\n---\n\n# Trainer guide\n\nRun `make serve`.\n",
}
BODY = '## Listening first\n\nAsk before you tell. Coaching with GROW works.\n\n!!! example "Practice"\n\n    Try it.\n'
NAV = [
    {"Home": "index.md"},
    {"Course": ["syllabus.md", "modules/01-first.md", "modules/02-second.md"]},
    {"Key points": "key-points.md"},
    {"Glossary": "glossary.md"},
    {"Trainer guide": ["guide/index.md"]},
]
PAGE_TYPES = ["", "syllabus/", "modules/01-first/", "key-points/", "glossary/", "guide/", "404.html"]


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory):
    site = SiteFactory(tmp_path_factory.mktemp("sample") / "course")
    site.edition = "facilitator"  # every page type, the trainer guide's included
    for path, text in PAGES.items():
        site.write(path, text)
    site.module("01-first.md", module_page("first", title="Listening first", body=BODY))
    site.module("02-second.md", module_page("second", title="Praise that works", prerequisites=["first"], body=BODY))
    site.write("docs/_data/glossary/first.yml", "- term: GROW\n  definition: Goal, Reality, Options, Will\n")
    with site.served(nav=NAV) as url:
        yield url


def test_home_card_opens_module_with_instant_navigation(open_page, sample_url):
    page = open_page(sample_url).page
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Start module 2: Praise that works").click()
    expect(page.locator("article h1")).to_contain_text("Praise that works")
    # Instant navigation swaps the content without a full page load.
    assert page.evaluate("window.__sameDocument === true")
    page.locator("article").get_by_role("link", name="Listening first").click()
    expect(page.locator("article h1")).to_contain_text("Listening first")
    assert page.evaluate("window.__sameDocument === true")


def test_the_theme_bundle_is_deferred_so_the_page_paints_first(open_page, sample_url):
    """overrides/main.html; every other test here shows the theme still works."""
    page = open_page(sample_url).page
    scripts = page.evaluate(
        "[...document.scripts].filter(s => /assets\\/javascripts\\/bundle\\.\\w+\\.min\\.js$/.test(s.src)).map(s => s.defer)"
    )
    assert scripts == [True]
    expect(page.locator("html")).to_have_class(re.compile(r"(^|\s)js(\s|$)"))  # the bundle ran (it swaps no-js for js)


def test_store_js_is_preloaded_and_fetched_once(open_page, sample_url):
    """main.js imports store.js: overrides/main.html has it fetched with main.js, not after it."""
    watched = open_page()
    requested: list[str] = []
    watched.page.on("request", lambda r: requested.append(r.url))
    watched.page.goto(sample_url + "modules/01-first/")
    watched.page.locator("html[data-lms-ready]").wait_for(state="attached")
    preloaded = watched.page.evaluate("[...document.head.querySelectorAll('link[rel=modulepreload]')].map(l => l.href)")
    assert preloaded == [sample_url + "assets/lms/store.js"]
    assert [url for url in requested if url.endswith("/store.js")] == [sample_url + "assets/lms/store.js"]


def test_dark_mode_toggle_is_remembered_after_reload(open_page, sample_url):
    page = open_page(sample_url).page
    set_scheme(page, "slate")
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    set_scheme(page, "default")
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"


def scheme_of(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_the_scheme_follows_the_device_until_the_learner_picks_one(open_page, sample_url):
    page = open_page(sample_url, color_scheme="light").page
    assert scheme_of(page) == "default"
    page.emulate_media(color_scheme="dark")  # the device switches to dark, e.g. at sunset
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.reload()
    assert scheme_of(page) == "slate"
    set_scheme(page, "default")  # the learner picks light: it stays, whatever the device says
    expect(page.locator("button[data-lms-scheme]")).to_have_accessible_name(re.compile("^Light mode"))
    page.reload()
    assert scheme_of(page) == "default"
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(300)
    assert scheme_of(page) == "default"


@pytest.mark.parametrize(
    "stored, scheme",
    [
        ('{"index": 2, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate"}}', "slate"),
        ('{"index": "__proto__"}', "default"),
        ('{"index": 99}', "default"),
        ('{"index": -1}', "default"),
        ("[]", "default"),
    ],
)
def test_a_stored_scheme_is_kept_and_a_broken_one_ignored(open_page, sample_url, stored, scheme):
    """A choice stored by Material's own toggle (an earlier release) carries over;
    anything else read back from storage is untrusted and the device's scheme used."""
    page = open_page(sample_url, color_scheme="light").page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.evaluate(f"localStorage.setItem(__md_scope.pathname + '.__palette', {stored!r})")
    page.reload()
    assert scheme_of(page) == scheme
    assert page.locator("button[data-lms-scheme]").is_visible()
    assert errors == []


def test_search_finds_a_module(open_page, sample_url):
    page = open_page(sample_url).page
    page.keyboard.press("/")  # Material's search shortcut
    page.locator("input.md-search__input").press_sequentially("praise", delay=30)
    result = page.locator(".md-search-result__item").first
    result.wait_for()
    assert "Praise" in result.inner_text()
    result.locator("a").first.click()
    page.wait_for_url("**/modules/02-second/**")


def test_glossary_term_shows_meaning_on_focus(open_page, sample_url):
    page = open_page(sample_url + "modules/01-first/").page
    abbr = page.locator("article abbr", has_text="GROW").first
    assert abbr.get_attribute("title") == "Goal, Reality, Options, Will"
    assert abbr.get_attribute("tabindex") == "0", "keyboard users must be able to reach the definition"
    page.keyboard.press("Tab")
    while not abbr.evaluate("(term) => term === document.activeElement"):
        page.keyboard.press("Tab")
    tip = page.get_by_role("tooltip")
    expect(tip).to_have_text("Goal, Reality, Options, Will")
    # The term is described by the tip, and its title (the browser's own tooltip) is set aside.
    assert abbr.get_attribute("aria-describedby") == tip.get_attribute("id")
    assert abbr.get_attribute("title") is None
    # WCAG 1.4.13: Escape dismisses it without moving focus; leaving the term puts the title back.
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert abbr.evaluate("(term) => term === document.activeElement")
    assert abbr.get_attribute("title") == "Goal, Reality, Options, Will"
    assert abbr.get_attribute("aria-describedby") is None


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_shown_glossary_tip_is_axe_clean(open_page, sample_url, scheme):
    """The tip lives inside the main landmark, in the scheme's colours."""
    page = open_page(sample_url + "modules/01-first/").page
    set_scheme(page, scheme)
    page.locator("article abbr", has_text="GROW").first.focus()
    expect(page.get_by_role("tooltip")).to_be_visible()
    assert page.get_by_role("tooltip").evaluate("(tip) => tip.closest('main') !== null")
    assert axe_violations(page) == []


def test_glossary_tip_stays_while_the_pointer_moves_onto_it(open_page, sample_url):
    page = open_page(sample_url + "modules/01-first/").page
    abbr = page.locator("article abbr", has_text="GROW").first
    abbr.hover()
    tip = page.get_by_role("tooltip")
    expect(tip).to_have_text("Goal, Reality, Options, Will")
    term, box = abbr.bounding_box(), tip.bounding_box()
    assert box["y"] >= term["y"] + term["height"], "the tip sits below the term, not over it"
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)  # onto the tip
    page.wait_for_timeout(600)  # longer than the grace period for reaching it
    expect(tip).to_be_visible()
    page.mouse.move(5, 5)  # away from both
    expect(tip).to_be_hidden()
    assert abbr.get_attribute("title") == "Goal, Reality, Options, Will"


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_reports_nothing(open_page, sample_url, path, scheme):
    page = open_page(sample_url + path, color_scheme="dark" if scheme == "slate" else "light").page
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{scheme}'")
    assert axe_violations(page) == []


def test_focus_ring_visible_on_search_input(open_page, sample_url):
    page = open_page(sample_url).page
    page.keyboard.press("/")
    outline = page.locator("input.md-search__input").evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert outline.split()[0] != "none" and outline.split()[1] != "0px"
