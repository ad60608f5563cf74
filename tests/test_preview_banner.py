"""While `mkdocs serve` runs, every page shows the course's problems in a
banner (coursesite/preview): this page's first, each with path:line, message, hint
and a link to its page; gone on the save that fixes them; never in a build."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from coursesite import preview
from coursesite.sitebuild import build_into
from support.a11y import axe_violations, set_scheme
from support.sites import SiteFactory, module_page
from test_serve import fetch, start_preview, wait_for

XSS = "<img src=x onerror=alert(1)>"  # author text in a problem message
PLAN = "02-planning-the-first-ninety-days-with-the-team"  # a long path: it must wrap on a phone
BROKEN_LINK = "See [the missing plan](missing-plan.md) before the meeting.\n"


def _write_course(site: SiteFactory) -> dict[str, object]:
    site.module("01-intro.md", module_page("intro", title="Introduction", level=XSS, body="Intro text.\n"))
    plan = site.module(f"{PLAN}.md", module_page("plan", title="Your plan", body="Plan text.\n\n" + BROKEN_LINK))
    link_line = plan.read_text(encoding="utf-8").splitlines().index(BROKEN_LINK.strip()) + 1
    return {"plan": plan, "link_line": link_line}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    """A preview of a course with one mistake on each of two pages."""
    site = SiteFactory(tmp_path_factory.mktemp("preview") / "course")
    written = _write_course(site)
    server, port = start_preview(site)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + preview.FOLDER + "/" + preview.PROBLEMS, "missing-plan.md")
        yield base, written["link_line"]
    finally:
        server.terminate()
        server.communicate(timeout=30)


def _banner(page):
    region = page.get_by_role("region", name=re.compile("problems? in the course"))
    region.wait_for()
    return region


def _items(region) -> list[str]:
    return [" ".join(text.split()) for text in region.locator("li").all_inner_texts()]


def test_banner_lists_this_pages_problems_first_with_location_hint_and_link(open_page, mistakes):
    base, link_line = mistakes
    watched = open_page(base + f"modules/{PLAN}/")
    page, dialogs = watched.page, []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    region = _banner(page)
    assert region.get_by_role("heading", level=2).inner_text() == "2 problems in the course"
    others = region.locator("details")
    assert others.get_attribute("open") is None  # this page's problem comes first, the others on request
    others.locator("summary").click()
    items = _items(region)
    assert items[0].startswith(f"Error docs/modules/{PLAN}.md:{link_line} (this page)")
    assert (
        "link \"the missing plan\" to 'missing-plan.md' names a Markdown file that is not a page of the site"
        in items[0]
    )
    assert "To fix: check the file name and path" in items[0]
    assert items[1].startswith("Error docs/modules/01-intro.md:7 ")
    assert "(this page)" not in items[1]
    assert f"not '{XSS}'" in items[1] and "To fix: use foundation, practitioner or advanced" in items[1]
    assert region.locator("img").count() == 0 and dialogs == []  # the author's markup stays text
    assert page.locator("[data-lms-preview-status]").inner_text() == "2 problems in the course, 1 on this page."
    # Each location links to its page; instant navigation shows the banner again, in that page's order.
    region.get_by_role("link", name="docs/modules/01-intro.md:7").click()
    page.wait_for_url(base + "modules/01-intro/")
    # The address changes before instant navigation swaps the content: wait for the new list.
    region = _banner(page)
    expect(region.locator("ol").first).to_have_text(re.compile(r"^\s*Error docs/modules/01-intro\.md:7 \(this page\)"))
    expect(region.locator("details summary")).to_have_text("1 problem elsewhere in the course")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_banner_has_no_axe_violations(open_page, mistakes, scheme):
    page = open_page(mistakes[0] + f"modules/{PLAN}/", color_scheme=scheme).page
    _banner(page)
    set_scheme(page, "slate" if scheme == "dark" else "default")
    assert axe_violations(page) == []


def test_banner_links_are_reached_by_tab_with_a_visible_focus_ring(open_page, mistakes):
    page = open_page(mistakes[0] + f"modules/{PLAN}/").page
    _banner(page)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.closest('.lms-preview') !== null && document.activeElement.tagName === 'A'"
        ):
            break
    else:
        raise AssertionError("Tab never reached a link of the banner")
    style, width = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert style != "none" and width >= 2


def test_banner_fits_a_phone(browser, open_page, mistakes):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = open_page(mistakes[0] + f"modules/{PLAN}/", context=context).page
    _banner(page).locator("summary").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".lms-preview section").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_banner_is_gone_after_the_save_that_fixes_the_problems(open_page, site):
    written = _write_course(site)
    server, port = start_preview(site)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + preview.FOLDER + "/" + preview.PROBLEMS, "missing-plan.md")
        page = open_page(base + f"modules/{PLAN}/").page
        _banner(page)
        site.module("01-intro.md", module_page("intro", title="Introduction", body="Intro text.\n"), nav=False)
        written["plan"].write_text(module_page("plan", title="Your plan", body="Plan text.\n"), encoding="utf-8")
        wait_for(base + preview.FOLDER + "/" + preview.PROBLEMS, '"problems": []')
        # Livereload reloads the page after the rebuild; the banner shown then is empty and hidden.
        expect(page.locator("[data-lms-preview=shown] section[hidden]")).to_have_count(1, timeout=60_000)
        assert page.locator("[data-lms-preview-status]").inner_text() == ""
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_a_build_has_no_trace_of_the_banner(site):
    site.module("01-intro.md", module_page("intro", title="Introduction"))
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    assert not (result.site_dir / preview.FOLDER).exists()
    for page in result.site_dir.rglob("*.html"):
        assert "lms-preview" not in page.read_text(encoding="utf-8"), page


def test_builds_and_packages_never_call_the_banner(site, monkeypatch, tmp_path):
    """What the banner code would add never reaches a build or a SCORM package's
    pages: the built site is the one built without it."""

    def refuse(*args, **kwargs):
        raise AssertionError("the banner is for the preview only")

    for name in ("add_banner", "assets", "write_problems"):
        monkeypatch.setattr(preview, name, refuse)
    site.module("01-intro.md", module_page("intro", title="Introduction"))
    config = site.write_config()
    assert build_into(config, tmp_path / "built") == []
    assert build_into(config, tmp_path / "package", packaging=True, use_directory_urls=False, site_url="") == []


def test_problem_list_names_each_problems_page(mistakes):
    base, link_line = mistakes
    listed = json.loads(fetch(base + preview.FOLDER + "/" + preview.PROBLEMS))["problems"]
    assert [(p["where"], p["page"]) for p in listed] == [
        ("docs/modules/01-intro.md:7", "modules/01-intro/"),
        (f"docs/modules/{PLAN}.md:{link_line}", f"modules/{PLAN}/"),
    ]
