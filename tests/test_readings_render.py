"""The built site: each module ends with its reading list, the course
reading-list page has every reading once, citations link to it, author text
stays text, and the downloads are published and linked."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from support.sites import SiteFactory
from test_readings_sample import ALL_IDS, ODD_TITLE, write_sample


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = SiteFactory(tmp_path_factory.mktemp("readings") / "course")
    nav = write_sample(site)
    result = site.build("--strict", nav=nav)
    assert result.returncode == 0, result.output
    return result


def html(built, path: str) -> LexborHTMLParser:
    return LexborHTMLParser(built.page(path))


def entries(tree) -> dict:
    return {node.attributes["data-lms-reading"]: node for node in tree.css("[data-lms-reading]")}


def test_each_module_page_ends_with_its_reading_list(built):
    tree = html(built, "modules/01-motivation/index.html")
    headings = [h.text(strip=True).rstrip("¶") for h in tree.css(".md-content h2")]
    assert headings[-1] == "Reading list"
    # Front matter first, then the readings.yml entries naming the module.
    assert list(entries(tree)) == ["pink-2009", "deci-ryan-2000", "kotter-1990", "talk-2020", "rework-2018"]
    assert tree.css_first("[data-lms-reading-count]").text() == "5 readings"


def test_an_entry_shows_reference_effort_level_note_and_links(built):
    pink = entries(html(built, "modules/01-motivation/index.html"))["pink-2009"]
    text = pink.text(separator=" ", strip=True)
    assert "Pink, Daniel H. (2009). Drive: The Surprising Truth About What Motivates Us . Riverhead Books." in text
    assert "Effort: 256 pages · Level: Foundation · Type: Book" in text
    assert "Why read it: A readable entry point to autonomy, mastery and purpose." in text
    links = {a.text(strip=True): a.attributes["href"] for a in pink.css("a")}
    assert links == {
        "Read online": "https://www.danpink.com/books/drive/",
        "Find in a library (ISBN 978-1-59448-884-9)": "https://search.worldcat.org/search?q=bn:9781594488849",
    }
    box = pink.css_first("label input[type=checkbox][data-lms-reading-toggle]")
    assert box is not None and "Mark as read" in box.parent.text()


def test_a_doi_links_to_doi_org_once_and_odd_dois_are_encoded(built):
    tree = html(built, "modules/02-feedback/index.html")
    deci = {a.text(strip=True): a.attributes["href"] for a in entries(tree)["deci-ryan-2000"].css("a")}
    assert deci == {"DOI 10.1037/0003-066X.55.1.68": "https://doi.org/10.1037/0003-066X.55.1.68"}
    odd = {a.text(strip=True): a.attributes["href"] for a in entries(tree)["kierein-gold-2000"].css("a")}
    assert odd == {
        "DOI 10.1002/1099-1379(200012)21:8<913::AID-JOB62>3.0.CO;2-#": "https://doi.org/10.1002/1099-1379%28200012%2921:8%3C913::AID-JOB62%3E3.0.CO;2-%23"
    }


def test_author_text_never_becomes_html(built):
    page = built.page("modules/02-feedback/index.html")
    assert "<script>alert" not in page and "<em>matter</em>" not in page
    entry = entries(LexborHTMLParser(page))["kierein-gold-2000"]
    assert ODD_TITLE in entry.text()
    assert "Expectations at work <em>matter</em> & so does 100% honesty_about_limits." in entry.text()
    assert entry.attributes["data-lms-reading-title"] == ODD_TITLE


def test_citations_link_to_the_entry_on_the_reading_list(built):
    tree = html(built, "modules/01-motivation/index.html")
    cited = [(a.text(), a.attributes["href"]) for a in tree.css(".md-content a[href*='readings/#']")]
    assert cited == [
        ("Pink, 2009", "../../readings/#pink-2009"),
        ("Ryan & Deci, 2000", "../../readings/#deci-ryan-2000"),
        ("Pink, 2009", "../../readings/#pink-2009"),
    ]
    assert "(Ryan & Deci, 2000; Pink, 2009)" in tree.css_first(".md-content").text()
    home = html(built, "index.html")
    assert [a.attributes["href"] for a in home.css(".md-content a[href*='#pink-2009']")] == ["readings/#pink-2009"]


def test_reading_list_page_has_every_reading_once_with_its_anchor(built):
    tree = html(built, "readings/index.html")
    found = entries(tree)
    assert sorted(found) == sorted(ALL_IDS)
    assert len(tree.css("[data-lms-reading]")) == len(ALL_IDS)
    assert all(node.attributes["id"] == reading_id for reading_id, node in found.items())


def test_search_finds_each_reading_on_the_reading_list_page_only(built):
    index = json.loads(built.page("search/search_index.json"))["docs"]
    title = "Drive: The Surprising Truth About What Motivates Us"
    holding = sorted({doc["location"].split("#")[0] for doc in index if title in doc["text"]})
    assert holding == ["readings/"], "module pages repeat the entry; search shows it once"
    assert any(doc["location"].startswith("modules/01-motivation/") and "5 readings" in doc["text"] for doc in index)
    # Where each reading is used is shown, not indexed: a module's title finds the module, not every reading.
    listing = built.page("readings/index.html")
    assert "Reading for:" in listing and "Cited in:" in listing
    reading_list = " ".join(doc["text"] for doc in index if doc["location"].startswith("readings/"))
    assert "Drive" in reading_list and "Reading for" not in reading_list and "Cited in" not in reading_list


def test_reading_list_page_groups_by_module_and_indexes_by_kind(built):
    tree = html(built, "readings/index.html")
    content = tree.css_first(".md-content")
    ids = [h.attributes.get("id") for h in content.css("h2, h3")]
    assert ids == [
        "progress",
        "by-module",
        "module-motivation",
        "module-feedback",
        "by-kind",
        "kind-book",
        "kind-paper",
        "kind-article",
        "kind-chapter",
        "kind-report",
        "kind-video",
        "kind-podcast",
        "kind-web",
    ]
    text = content.text()
    assert (
        "Also for this module (listed under an earlier module):" in text
    )  # deci-ryan-2000 and rework-2018 under Feedback
    papers = [a.attributes["href"] for a in content.css("#kind-paper + ul a")]
    assert papers == ["#kierein-gold-2000", "#kluger-denisi-1996", "#deci-ryan-2000"]
    counts = {c.attributes["data-lms-reading-count"]: c.text() for c in content.css("[data-lms-reading-count]")}
    assert counts == {"motivation": "5 readings", "feedback": "7 readings"}


def test_reading_list_page_says_which_modules_use_and_cite_each_reading(built):
    found = entries(html(built, "readings/index.html"))
    text = " ".join(found["pink-2009"].text().split())
    assert "Reading for: Motivation" in text
    assert "Cited in: Motivation, Home" in text
    kluger = " ".join(found["kluger-denisi-1996"].text().split())
    assert "Reading for: Feedback" in kluger and "Cited in: Feedback" in kluger


def test_an_entry_names_the_modules_whose_counts_it_changes(built):
    """readings.js updates the counts of the modules an entry names: on a module
    page only that module's (a list of every module would grow each page with the
    course); on the reading list, every module's."""
    on_module = entries(html(built, "modules/02-feedback/index.html"))
    on_list = entries(html(built, "readings/index.html"))
    shared = [
        rid
        for rid in on_module
        if set(on_list[rid].attributes["data-lms-reading-modules"].split()) >= {"motivation", "feedback"}
    ]
    assert shared, "the sample has a reading used by both modules"
    assert {node.attributes["data-lms-reading-modules"] for node in on_module.values()} == {"feedback"}


def test_downloads_are_published_and_linked_from_the_reading_list(built):
    tree = html(built, "readings/index.html")
    links = {a.text(strip=True): a.attributes["href"] for a in tree.css("a[download]")}
    assert links == {
        "BibTeX (.bib)": "../downloads/course-readings.bib",
        "RIS (.ris)": "../downloads/course-readings.ris",
        "CSL-JSON (.json)": "../downloads/course-readings.json",
    }
    for href in links.values():
        assert (built.site_dir / "readings" / href).resolve().stat().st_size > 0


def test_the_build_is_deterministic(built, tmp_path):
    again = SiteFactory(tmp_path / "course")
    result = again.build("--strict", nav=write_sample(again))
    assert result.returncode == 0, result.output
    for path in (
        "downloads/course-readings.bib",
        "downloads/course-readings.ris",
        "downloads/course-readings.json",
        "readings/index.html",
        "modules/02-feedback/index.html",
    ):
        assert (result.site_dir / path).read_bytes() == (built.site_dir / path).read_bytes(), path
