"""Modules that are folders of lessons (coursesite/lessons.py): the build, the
trainer's mistakes at path:line, and lesson navigation and progress in a real
browser (support/lessons.py: a single-page module, a folder module with three
lessons, another single page)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser

from coursesite.course_loader import load_course
from coursesite.scorm.outline import course_outline
from support.a11y import axe_violations
from support.lessons import FOLDER, LESSONS, NAV, build_lesson_course, lesson_page
from support.progress import ServedSite, quiz_checked, record, seed, stored, wait_stored
from support.server import StaticServer
from support.sites import module_page

VIEWPORTS = {"1280": {"width": 1280, "height": 800}, "390": {"width": 390, "height": 844}}
LAYOUTS = [pytest.param(width, scheme, id=f"{width}-{scheme}") for width in VIEWPORTS for scheme in ("light", "dark")]
KEYS = [f"motivation--{slug}" for slug in LESSONS]
AT = 1_700_000_000_000


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("lessons") / "course"
    with StaticServer(root / "site") as server:
        site = ServedSite(root, server.url)
        result = build_lesson_course(site)
        assert result.returncode == 0, result.output
        yield site, result, server.url


def page_html(result, path: str) -> LexborHTMLParser:
    return LexborHTMLParser(result.page(path + "index.html"))


def test_a_folder_module_builds_with_its_lessons_in_nav_order(built):
    site, result, _ = built
    data = json.loads(result.page("assets/lms/course.json"))
    motivation = data["modules"][1]
    assert [lesson["key"] for lesson in motivation["lessons"]] == KEYS
    assert motivation["lessons"][1] == {
        "key": KEYS[1],
        "title": "Goals that pull",
        "url": f"{FOLDER}/{LESSONS[1]}/",
        "duration": 15,
    }
    assert motivation["quizzes"] == ["goals-q1"]  # a lesson's questions count toward its module
    assert "lessons" not in data["modules"][0]  # a single-page module is as before
    lesson = page_html(result, f"{FOLDER}/{LESSONS[1]}/")
    assert lesson.css_first(".lms-module-meta").text() == "Module 2 of 3 · Lesson 2 of 3 · 15 min"
    nav = [a.text(strip=True) for a in lesson.css(".md-sidebar--primary .md-nav__link")]
    assert "2. Motivation" in nav and "1. Alpha basics" in nav and "3. Omega wrap-up" in nav
    steps = {
        f"{FOLDER}/": ("Start lesson 1", f"{LESSONS[0]}/"),
        f"{FOLDER}/{LESSONS[0]}/": ("Next lesson", f"../{LESSONS[1]}/"),
        f"{FOLDER}/{LESSONS[1]}/": ("Next lesson", f"../{LESSONS[2]}/"),
        f"{FOLDER}/{LESSONS[2]}/": ("Continue to module 3", "../../03-omega/"),
    }
    for path, (label, href) in steps.items():
        button = page_html(result, path).css_first("[data-lms-progress-foot] a[data-lms-end-next]")
        assert (button.text(strip=True), button.attributes["href"]) == (label, href), path
    syllabus = page_html(result, "syllabus/").css_first("article").text()
    assert "Goals that pull (15 min)" in syllabus
    card = page_html(result, "").css_first(".lms-card[data-lms-module=motivation] [data-lms-card-progress-text]")
    assert card.text() == "0 of 3 lessons read, 0 of 1 questions answered (0%)"
    row = page_html(result, "dashboard/").css("tbody tr")[1]
    assert "○ Not started · 0 of 3 lessons read" in row.text()
    outline = course_outline(load_course(site.root / "mkdocs.yml"))
    assert [q.id for q in outline.modules[1].quizzes] == ["goals-q1"]


def test_lesson_mistakes_are_reported_at_their_lines(site):
    site.write("docs/index.md", "# Home\n")
    alpha = module_page("alpha", title="Alpha").replace("title: Alpha\n", "title: Alpha\nlesson:\n  duration: 5\n")
    site.write("docs/modules/01-alpha.md", alpha, dedent=False)
    site.write("docs/modules/02-folder/index.md", module_page("folder", title="Folder"), dedent=False)
    bad = lesson_page("Bad one").replace("  duration: 12\n", "  duration: soon\n  durations: 3\n")
    site.write("docs/modules/02-folder/01-bad.md", bad, dedent=False)
    site.write("docs/modules/03-orphans/01-lost.md", lesson_page("Lost"), dedent=False)
    site.write("docs/modules/02-folder/02-bare.md", "---\ntitle: Bare\n---\n\nText.\n", dedent=False)
    nav = [
        {"Home": "index.md"},
        {
            "Course": [
                "modules/01-alpha.md",
                {
                    "Folder": [
                        "modules/02-folder/index.md",
                        "modules/02-folder/01-bad.md",
                        "modules/02-folder/02-bare.md",
                    ]
                },
                {"Orphans": ["modules/03-orphans/01-lost.md"]},
            ]
        },
    ]
    status, lines = site.check("--no-build", nav=nav)
    assert status == 1
    expected = [
        "docs/modules/01-alpha.md:3: 'lesson:' is only for lesson pages; this page is not in a module folder",
        "docs/modules/02-folder/01-bad.md:4: 'duration' must be a whole number of minutes greater than 0, not 'soon'",
        "docs/modules/02-folder/01-bad.md:5: unknown key 'durations' in lesson (did you mean 'duration'?)",
        "docs/modules/02-folder/02-bare.md:2: lesson page has no 'lesson:' key",
        "docs/modules/03-orphans/01-lost.md:1: lesson's module folder has no module page docs/modules/03-orphans/index.md",
    ]
    for message in expected:
        assert any(line.startswith(message) for line in lines), (message, lines)


def learner(browser, open_page, width="1280", scheme="light"):
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    return open_page(context=context).page


def ready(page, url: str) -> None:
    page.goto(url)
    page.locator("html[data-lms-ready]").wait_for(state="attached")


@pytest.mark.parametrize("width, scheme", LAYOUTS)
def test_lessons_are_read_to_their_end_and_lead_to_the_next(built, browser, open_page, width, scheme):
    url = built[2]
    page = learner(browser, open_page, width, scheme)
    ready(page, url + f"{FOLDER}/{LESSONS[0]}/")
    expect(page.locator(".lms-module-meta")).to_have_text("Module 2 of 3 · Lesson 1 of 3 · 12 min · In progress")
    assert stored(page)["place"]["lesson"] == KEYS[0]
    panel = page.locator("[data-lms-progress-foot]")
    panel.scroll_into_view_if_needed()
    wait_stored(page, f"r.lessons['{KEYS[0]}']?.read")
    expect(panel.locator("[data-lms-end-left]")).to_have_text(
        "Left to do: 2 lessons not read, 1 question unanswered, 1 reading not ticked as read."
    )
    assert axe_violations(page) == []
    # By keyboard: the panel's one primary button is the next lesson.
    panel.get_by_role("link", name="Next lesson").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{LESSONS[1]}/")
    expect(page.locator(".lms-module-meta")).to_have_text("Module 2 of 3 · Lesson 2 of 3 · 15 min · In progress")
    # The home page resumes at this lesson and counts the lesson read.
    ready(page, url)
    resume = page.locator("[data-lms-start] a[data-lms-next]")
    expect(resume).to_have_text("Resume: Motivation that lasts, Goals that pull")
    assert resume.get_attribute("href").endswith(f"/{FOLDER}/{LESSONS[1]}/")
    card = page.locator(".lms-card[data-lms-module=motivation]")
    expect(card.locator("[data-lms-card-progress-text]")).to_have_text(
        "1 of 3 lessons read, 0 of 1 questions answered (25%)"
    )
    assert axe_violations(page) == []


def test_reading_every_lesson_and_passing_completes_the_module(built, browser, open_page):
    url = built[2]
    page = learner(browser, open_page)
    read = {key: {"read": True, "at": AT} for key in KEYS[:2]}
    seed(page, url, record(visited={"motivation": AT}, lessons=read, quizzes={"goals-q1": {"correct": True, "at": AT}}))
    ready(page, url + f"{FOLDER}/{LESSONS[2]}/")
    panel = page.locator("[data-lms-progress-foot]")
    panel.scroll_into_view_if_needed()
    status = panel.get_by_role("status")
    expect(status).to_have_text("✓ Module 2 complete.")
    expect(panel.locator("[data-lms-end-left]")).to_have_text("Left to do: 1 reading not ticked as read.")
    expect(page.locator(".lms-module-meta")).to_have_text("Module 2 of 3 · Lesson 3 of 3 · 10 min · Complete")
    panel.get_by_role("link", name="Continue to module 3").click()
    page.wait_for_url("**/modules/03-omega/")
    ready(page, url + "dashboard/")
    row = page.locator("[data-lms-dashboard-body][data-lms-shown] tbody tr", has_text="Motivation that lasts")
    expect(row).to_contain_text("✓ Complete · 3 of 3 lessons read")


def test_a_lesson_answer_counts_toward_its_module(built, browser, open_page):
    url = built[2]
    page = learner(browser, open_page)
    ready(page, url + f"{FOLDER}/{LESSONS[1]}/")
    quiz_checked(page, "goals-q1", correct=True)
    wait_stored(page, "r.quizzes['goals-q1']?.correct")
    panel = page.locator("[data-lms-progress-foot]")
    expect(panel.locator("[data-lms-end-result]")).to_have_text(
        "Knowledge check: 1 of 1 question right first time (100%). Pass mark: 80%."
    )
    assert not stored(page)["completed"].get("motivation")  # two lessons are still unread


def test_links_in_lessons_are_checked_at_their_lines(site):
    body = "See [the overview](index.md) and [the next one](02-goals-that-pull.md).\n\nThen [the missing page](../nowhere.md).\n"
    build_lesson_course(site)
    site.write(f"docs/{FOLDER}/{LESSONS[0]}.md", lesson_page("What drives a rep", body=body), dedent=False)
    status, lines = site.check(nav=NAV)
    assert status == 1
    assert [line.split(" (")[0] for line in lines if "nowhere" in line] == [
        f"docs/{FOLDER}/{LESSONS[0]}.md:9: link \"the missing page\" to '../nowhere.md' names a Markdown file that is not a page of the site"
    ], lines
    assert not [line for line in lines if "index.md" in line or "goals-that-pull" in line], lines
