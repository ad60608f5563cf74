"""Pages generated from module metadata: home cards, syllabus, key points,
module headers and the glossary. Built with the real configuration."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from support.sites import module_page

ROOT_PAGES = {
    "docs/index.md": "---\ntitle: Home\n---\n\n# Home\n\n{{ course_home() }}\n",
    "docs/syllabus.md": "# Syllabus\n\n{{ syllabus() }}\n",
    "docs/key-points.md": "# Key points\n\n{{ key_points() }}\n",
    "docs/glossary.md": "# Glossary\n\n{{ glossary_terms() }}\n",
}
NAV = [
    {"Home": "index.md"},
    {"Course": ["syllabus.md", "modules/01-first.md", "modules/02-second.md"]},
    {"Key points": "key-points.md"},
    {"Glossary": "glossary.md"},
]


def two_module_site(site):
    for path, text in ROOT_PAGES.items():
        site.write(path, text)
    site.module(
        "01-first.md",
        module_page(
            "first", title="First steps & habits", duration=45, key_points=["Listen first"], body="Coach with GROW.\n"
        ),
    )
    site.module(
        "02-second.md",
        module_page(
            "second",
            title="Second",
            duration=30,
            level="practitioner",
            prerequisites=["first"],
            key_points=["Praise specifics"],
        ),
    )
    site.write("docs/_data/glossary/first.yml", "- term: GROW\n  definition: Goal, Reality, Options, Will\n")
    result = site.build(nav=NAV)
    assert result.returncode == 0, result.output
    return result


def test_home_has_a_card_per_module_and_total_time(site):
    result = two_module_site(site)
    html = HTMLParser(result.page("index.html"))
    cards = html.css(".lms-card")
    assert [c.attributes["data-lms-module"] for c in cards] == ["first", "second"]
    first = cards[0]
    assert first.css_first("h2").text(strip=True).startswith("1. First steps & habits")  # escaped, shown as text
    assert "45 min" in first.text() and "Foundation" in first.text()
    assert [li.text(strip=True) for li in first.css("li")] == [
        "Explain the idea",
        "Choose a first step",
        "Plan a conversation",
    ]
    link = first.css_first("a.md-button")
    assert link.attributes["href"] == "modules/01-first/"
    assert link.text(strip=True) == "Start module 1: First steps & habits"
    assert "2 modules · total time 1 h 15 min" in html.css_first(".lms-course-total").text()


def test_syllabus_lists_modules_in_order_with_running_time(site):
    result = two_module_site(site)
    text = HTMLParser(result.page("syllabus/index.html")).css_first("article").text()
    assert text.index("1. First") < text.index("2. Second")
    assert "running total 45 min" in text and "running total 1 h 15 min" in text


def test_key_points_page_gathers_every_module(site):
    result = two_module_site(site)
    items = [li.text(strip=True) for li in HTMLParser(result.page("key-points/index.html")).css("article li")]
    assert items == ["Listen first", "Praise specifics"]


def test_module_header_shows_facts_objectives_and_prerequisite_links(site):
    result = two_module_site(site)
    header = HTMLParser(result.page("modules/02-second/index.html")).css_first(".lms-module-header")
    assert header.attributes["data-lms-module"] == "second"
    assert "30 min" in header.text() and "Practitioner" in header.text() and "Pass mark: 80%" in header.text()
    prerequisite = header.css_first("a")
    assert prerequisite.attributes["href"] == "../01-first/" and prerequisite.text() == "First steps & habits"
    assert len(header.css("li")) == 3


def test_glossary_terms_become_abbreviations_everywhere(site):
    result = two_module_site(site)
    glossary = HTMLParser(result.page("glossary/index.html"))
    assert glossary.css_first("dt").text(strip=True) == "GROW"
    assert (
        " ".join(glossary.css_first("dd").text().split())
        == "Goal, Reality, Options, Will (module: First steps & habits)"
    )
    abbr = HTMLParser(result.page("modules/01-first/index.html")).css_first("article abbr")
    assert abbr.text() == "GROW" and abbr.attributes["title"] == "Goal, Reality, Options, Will"


def test_glossary_term_defined_twice(site):
    site.module("01-first.md", module_page("first"))
    site.module("02-second.md", module_page("second", title="Second"))
    site.write("docs/_data/glossary/first.yml", "- term: GROW\n  definition: Goal, Reality, Options, Will\n")
    site.write(
        "docs/_data/glossary/second.yml",
        "- term: KPI\n  definition: Key performance indicator\n- term: grow\n  definition: Again\n  colour: red\n",
    )
    status, lines = site.check("--no-build")
    assert status == 1
    assert lines == [
        "docs/_data/glossary/second.yml:3: term 'grow' is already defined in docs/_data/glossary/first.yml:1 (define each term once; delete this entry)",
        "docs/_data/glossary/second.yml:5: unknown key 'colour' in glossary entry (use only term and definition)",
    ]


def test_generated_pages_follow_the_modules(site):
    """Editing a module's metadata changes every generated page on the next build."""
    two_module_site(site)
    site.module(
        "01-first.md", module_page("first", title="Renamed", duration=50, key_points=["Listen first"]), nav=False
    )
    result = site.build(nav=NAV)
    assert result.returncode == 0, result.output
    assert "Renamed" in result.page("index.html") and "1 h 20 min" in result.page("index.html")
    assert "Renamed" in result.page("syllabus/index.html")


def test_page_titles_name_the_page_then_the_course_and_the_home_page_once(site):
    site.write("docs/index.md", "---\ntitle: Test course\n---\n\n# Test course\n")
    site.module("01-first.md", module_page("first", title="First steps & habits"))
    result = site.build(nav=[{"Home": "index.md"}, {"Course": ["modules/01-first.md"]}])
    assert result.returncode == 0, result.output
    title = lambda path: HTMLParser(result.page(path)).css_first("title").text()  # noqa: E731
    site_name = HTMLParser(result.page("index.html")).css_first(".md-header__topic .md-ellipsis").text().strip()
    assert title("index.html") == site_name
    assert title("modules/01-first/index.html") == f"1. First steps & habits - {site_name}"  # numbered in the course
    assert "<title>1. First steps &amp; habits - " in result.page("modules/01-first/index.html")
