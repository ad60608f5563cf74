"""What the build gives the progress code: ``assets/lms/course.json`` (the
course structure) and the progress footer of each module page."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from coursesite import progressdata
from coursesite.modules import Module
from support.progress import NAV, build_course, quiz
from support.server import StaticServer
from support.sites import ROOT, module_page


def module(**fields) -> Module:
    base = dict(
        id="intro",
        path="docs/modules/01-intro.md",
        src_uri="modules/01-intro.md",
        title="Intro",
        description="",
        duration=10,
        level="foundation",
        objectives=[],
    )
    return Module(**{**base, **fields})


def test_course_json_lists_modules_in_course_order_with_their_quizzes(site):
    result = build_course(site)
    data = json.loads(result.page("assets/lms/course.json"))
    # Each module's headings, by id, in a file of their own: the home page names
    # the section a learner resumes at.
    sections = json.loads(result.page("assets/lms/sections.json"))
    assert list(sections) == ["alpha", "beta", "gamma"] and sections["alpha"]["second-steps"] == "Second steps"
    assert sections["beta"] == {"your-result-and-next-step": "Your result and next step"}
    assert data == {
        "v": 1,
        "title": "From Sales Manager to Sales Leader",
        "modules": [
            {
                "id": "alpha",
                "title": "Alpha basics",
                "url": "modules/01-alpha/",
                "duration": 30,
                "pass_mark": 50,
                "quizzes": ["alpha-q1", "alpha-q2"],
                "review": ["alpha-q1", "alpha-q2"],  # knowledge checks enter the review schedule
                "readings": [],
            },
            {
                "id": "beta",
                "title": "Beta practice",
                "url": "modules/02-beta/",
                "duration": 20,
                "pass_mark": 80,
                "quizzes": [],
                "review": [],
                "readings": [],
            },
            {
                "id": "gamma",
                "title": "Gamma review",
                "url": "modules/03-gamma/",
                "duration": 15,
                "pass_mark": 100,
                "quizzes": ["gamma-q1"],
                "review": ["gamma-q1"],
                "readings": ["smith-2020"],
            },
        ],
        "pages": {"certificate": "certificate/", "dashboard": "dashboard/"},
    }
    first = result.page("assets/lms/course.json")
    assert site.build("--strict", nav=NAV).page("assets/lms/course.json") == first  # deterministic
    # The Review page's questions: one file per module with any, each form as the module page shows it.
    questions = sorted(p.name for p in (result.site_dir / "assets/lms/questions").iterdir())
    assert questions == ["alpha.json", "gamma.json"]
    alpha = json.loads(result.page("assets/lms/questions/alpha.json"))
    assert list(alpha) == ["alpha-q1", "alpha-q2"]
    shown = LexborHTMLParser(result.page("modules/01-alpha/index.html"))
    for quiz_id, form in alpha.items():
        assert form == shown.css_first(f'form[data-lms-quiz="{quiz_id}"]').html
        assert "lms-quiz__explanation" in form, "the whole form, explanation included"


def test_page_addresses_follow_the_sites_url_style(site):
    """With use_directory_urls: false (as LMS packages build) modules are .html
    files: the progress page, rendered before them, and course.json say so."""
    site.settings["use_directory_urls"] = False
    result = build_course(site)
    assert [m["url"] for m in json.loads(result.page("assets/lms/course.json"))["modules"]] == [
        "modules/01-alpha.html",
        "modules/02-beta.html",
        "modules/03-gamma.html",
    ]
    links = [
        a.attributes["href"]
        for a in LexborHTMLParser(result.page("dashboard.html")).css("[data-lms-dashboard-body] tbody a")
    ]
    assert links == ["modules/01-alpha.html", "modules/02-beta.html", "modules/03-gamma.html"]
    gate = LexborHTMLParser(result.page("certificate.html")).css_first("[data-lms-cert-gate]")
    assert [a.attributes["href"] for a in gate.css("a")] == ["dashboard.html"]


def test_the_certificate_page_tells_a_new_learner_where_they_stand_without_any_code(site):
    """In progress/certificate.js's words for a record with nothing complete; the
    reason it needs JavaScript only for browsers without it."""
    gate = LexborHTMLParser(build_course(site).page("certificate/index.html")).css_first("[data-lms-cert-gate]")
    assert (
        gate.text(deep=False).strip()
        == "Not earned yet: you have completed 0 of 3 modules. Your certificate appears here once every module is complete."
    )
    assert [(a.attributes["href"], a.text()) for a in gate.css("a")] == [("../dashboard/", "See what is left")]
    assert gate.css_first("noscript") is not None


def test_module_pages_get_the_progress_footer(site):
    result = build_course(site)
    beta = result.page("modules/02-beta/index.html")
    assert (
        '<button type="button" class="md-button" data-lms-mark-complete="beta" hidden>Mark this module complete</button>'
        in beta
    )
    status = LexborHTMLParser(beta).css_first("[data-lms-progress-foot] p[data-lms-status]")
    assert (status.attributes["role"], status.attributes["tabindex"], status.text()) == ("status", "-1", "")
    alpha = result.page("modules/01-alpha/index.html")
    assert 'data-lms-progress-foot="alpha"' in alpha and "data-lms-mark-complete" not in alpha
    assert "data-lms-progress-foot" not in result.page("index.html")
    assert "data-lms-progress-foot" not in result.page("dashboard/index.html")


def test_author_text_stays_data(site, open_page):
    """A module title with HTML-special characters is JSON text in course.json and
    text on the dashboard (titles with real markup are refused by the build)."""
    title = 'Tips & "tricks" <3 for 1:1s'
    site.write("docs/index.md", "---\ntitle: Home\n---\n\n# Home\n")
    site.write("docs/dashboard.md", (ROOT / "docs" / "dashboard.md").read_text(encoding="utf-8"), dedent=False)
    site.module("01-tips.md", module_page("tips", title=title))
    result = site.build(
        "--strict", nav=[{"Home": "index.md"}, {"Course": ["modules/01-tips.md"]}, {"Your progress": "dashboard.md"}]
    )
    assert result.returncode == 0, result.output
    assert json.loads(result.page("assets/lms/course.json"))["modules"][0]["title"] == title
    with StaticServer(result.site_dir) as server:
        page = open_page(server.url + "dashboard/").page
        row = page.locator("[data-lms-dashboard-body] tbody th")
        row.wait_for()
        assert row.inner_text() == title
        assert "&lt;3" in row.inner_html()


def test_note_page_records_quiz_ids_once_in_page_order(site):
    site.write("docs/index.md", "---\ntitle: Home\n---\n\n# Home\n")
    site.module("01-intro.md", module_page("intro") + quiz("intro-b", "[1, 2, 3]") + quiz("intro-a", "1"))
    result = site.build("--strict", nav=[{"Home": "index.md"}, {"Course": ["modules/01-intro.md"]}])
    assert result.returncode == 0, result.output
    assert json.loads(result.page("assets/lms/course.json"))["modules"][0]["quizzes"] == ["intro-b", "intro-a"]


def test_urls_of_pages_the_build_did_not_render():
    assert progressdata._default_url("modules/01-intro.md") == "modules/01-intro/"
    assert progressdata._default_url("modules/index.md") == "modules/"
    assert progressdata._default_url("index.md") == ""
