"""Two editions from one source: the learner edition (published site, SCORM
packages) holds nothing meant for trainers; the facilitator edition adds the
trainer guide, the facilitator notes, the edit pencils and the answer key.
Both are built strict, so the link check runs on both."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from coursesite import editions
from coursesite.course_loader import load_course
from coursesite.quiz.answerkey import sections
from support.sites import ROOT, module_page

NOTE_WORDS = ("Facilitator notes", "Session plan")


def _pages(site_dir: Path) -> dict[str, str]:
    return {p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}


def _search_locations(site_dir: Path) -> list[str]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [doc["location"] for doc in index["docs"]]


def test_the_learner_edition_holds_nothing_meant_for_trainers(built_course):
    pages = _pages(built_course)
    assert not [path for path in pages if path.startswith(("guide/", "facilitator/"))]
    for path, html in pages.items():
        assert not any(words in html for words in NOTE_WORDS), f"{path} shows facilitator notes"
        assert 'title="Edit this page"' not in html, f"{path} has an edit pencil"
        assert "md-source" not in html and "sales-leader-course/edit" not in html, f"{path} links the course source"
        assert "guide/" not in html.split("<article", 1)[-1].split("</article>", 1)[0], f"{path} links the guide"
    index = (built_course / "search" / "search_index.json").read_text(encoding="utf-8")
    assert not any(words in index for words in NOTE_WORDS)
    assert not [loc for loc in _search_locations(built_course) if loc.startswith(("guide/", "facilitator/"))]
    assert "guide/" not in (built_course / "sitemap.xml").read_text(encoding="utf-8")


def test_the_facilitator_edition_adds_the_guide_the_notes_and_the_pencils(facilitator_course):
    pages = _pages(facilitator_course)
    guide = sorted(p.relative_to(ROOT / "docs").with_suffix("").as_posix() for p in (ROOT / "docs/guide").glob("*.md"))
    for name in guide:
        expected = "guide/index.html" if name == "guide/index" else f"{name}/index.html"
        assert expected in pages, f"{expected} missing from the facilitator edition"
    modules = [path for path in pages if path.startswith("modules/")]
    assert modules and all('<details class="facilitator"' in pages[path] for path in modules)
    assert all('title="Edit this page"' in pages[path] for path in modules)
    assert any(loc.startswith("guide/") for loc in _search_locations(facilitator_course))


def test_the_facilitator_edition_has_the_answer_key_and_keeps_it_out_of_search(facilitator_course):
    html = (facilitator_course / "facilitator" / "answer-key" / "index.html").read_text(encoding="utf-8")
    course = load_course(ROOT / "mkdocs.yml")
    for section in sections(course):
        for quiz in section.quizzes:
            assert f"<code>{quiz.id}</code>" in html, f"{quiz.id} missing from the answer key"
    assert html.count("<strong>correct</strong>") == sum(
        choice.correct for section in sections(course) for quiz in section.quizzes for choice in quiz.choices
    )
    assert 'href="../facilitator/answer-key/"' in (facilitator_course / "guide" / "index.html").read_text(
        encoding="utf-8"
    )
    assert not [loc for loc in _search_locations(facilitator_course) if loc.startswith("facilitator/")]


@pytest.mark.parametrize("edition", ["learner", "facilitator"])
def test_the_link_check_runs_on_both_editions(site, edition):
    site.edition = edition
    site.write("docs/guide/index.md", "# Guide\n\nSee [the missing page](nowhere.md).\n")
    site.module("01-intro.md", module_page("intro", body="Read [a page](02-gone.md).\n"))
    nav = [{"Home": "index.md"}, {"Course": list(site.nav)}, {"Trainer guide": ["guide/index.md"]}]
    result = site.build("--strict", nav=nav)
    assert result.returncode == 1
    assert "docs/modules/01-intro.md:" in result.output and "02-gone.md" in result.output
    # The guide is part of (and checked in) the facilitator edition only.
    assert ("nowhere.md" in result.output) == (edition == "facilitator")


def test_a_learner_page_linking_a_facilitators_page_is_named_at_its_line(site):
    site.write("docs/guide/index.md", "# Guide\n")
    site.module("01-intro.md", module_page("intro", body="Trainers: [the guide](../guide/index.md).\n"))
    nav = [{"Home": "index.md"}, {"Course": list(site.nav)}, {"Trainer guide": ["guide/index.md"]}]
    result = site.build("--strict", nav=nav)
    assert result.returncode == 1
    assert "docs/modules/01-intro.md:" in result.output
    assert "leads to a facilitators' page, which the learner edition" in result.output
    site.edition = "facilitator"
    assert site.build("--strict", nav=nav).returncode == 0


def test_an_unknown_edition_is_an_error_at_its_line(site):
    site.edition = "trainer"
    site.module("01-intro.md", module_page("intro"))
    result = site.build("--strict")
    assert result.returncode == 1
    line = next(n for n, text in enumerate(result_config(site), start=1) if "edition:" in text)
    assert f"mkdocs.yml:{line}: extra.edition is 'trainer', which is not an edition" in result.output


def result_config(site) -> list[str]:
    return (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()


def test_notes_are_cut_with_their_whole_indented_body_and_nothing_else():
    markdown = textwrap.dedent(
        """\
        Before.

        ??? facilitator "Facilitator notes"

            **Session plan**

            | Time | Activity |
            | --- | --- |

        After.

        !!! facilitator
            Short note.
        - A list item

            !!! facilitator "Nested"
                Inside a list item.

            Still in the list item.

        ```markdown
        ??? facilitator "An example in a code block stays"
            shown as code
        ```
        """
    )
    cut = editions.without_facilitator_notes(markdown)
    assert "Session plan" not in cut and "Short note" not in cut and "Inside a list item" not in cut
    for kept in ("Before.", "After.", "- A list item", "Still in the list item.", "An example in a code block stays"):
        assert kept in cut
    assert editions.without_facilitator_notes("No notes here.\n") == "No notes here.\n"


def test_the_learner_nav_drops_facilitators_pages_and_empty_sections():
    nav = [
        {"Home": "index.md"},
        {"Course": ["modules/01.md", {"Plans": "facilitator/plans.md"}]},
        {"Trainer guide": ["guide/index.md", "guide/quizzes.md"]},
    ]
    assert editions.learner_nav(nav) == [{"Home": "index.md"}, {"Course": ["modules/01.md"]}]
    assert editions.facilitator_nav(nav)[-1] == {
        "Trainer guide": ["guide/index.md", "guide/quizzes.md", {"Answer key": editions.ANSWER_KEY}]
    }
    assert editions.facilitator_nav(nav[:2])[-1] == {"Facilitators": [{"Answer key": editions.ANSWER_KEY}]}
