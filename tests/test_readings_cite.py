"""Author-year citation text: one, two, three or more authors, an
organisation, readings that would read the same, and escaping."""

from __future__ import annotations

import pytest

from coursesite.readings.cite import cite_markdown, labels
from coursesite.readings.load import parse_catalogue

PATH = "docs/_data/readings.yml"


def catalogue_of(*entries: tuple[str, list[str], int, str]):
    text = ""
    for reading_id, authors, year, title in entries:
        quoted = ", ".join(f'"{a}"' for a in authors)
        text += (
            f'{reading_id}:\n  kind: web\n  title: "{title}"\n  authors: [{quoted}]\n  year: {year}\n'
            "  url: https://example.org/\n  effort: 10 minutes\n  level: foundation\n  note: Why.\n"
        )
    catalogue = parse_catalogue(text, PATH, [])
    assert catalogue.problems == []
    return catalogue


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (["Pink, Daniel H."], "Pink, 2009"),
        (["Deci, Edward L.", "Ryan, Richard M."], "Deci & Ryan, 2009"),
        (["Kluger, Avraham N.", "DeNisi, Angelo", "Smith, Ann"], "Kluger et al., 2009"),
        (
            ["Churchill, Gilbert A., Jr.", "Ford, Neil M.", "Hartley, Steven W.", "Walker, Orville C., Jr."],
            "Churchill et al., 2009",
        ),
        (["Gallup"], "Gallup, 2009"),
        (["Google re:Work"], "Google re:Work, 2009"),
        (["Bungay Stanier, Michael"], "Bungay Stanier, 2009"),
        (["Von Bergen, C. W.", "Gallup"], "Von Bergen & Gallup, 2009"),
    ],
)
def test_author_year_text(authors, expected):
    assert labels(catalogue_of(("r", authors, 2009, "Title")))["r"] == expected


def test_readings_that_would_read_the_same_get_a_letter_in_title_order():
    catalogue = catalogue_of(
        ("amabile-kramer-2011-hbr", ["Amabile, Teresa M.", "Kramer, Steven J."], 2011, "The Power of Small Wins"),
        ("amabile-kramer-2011-book", ["Amabile, Teresa", "Kramer, Steven"], 2011, "The Progress Principle"),
        ("amabile-2012", ["Amabile, Teresa"], 2012, "Other"),
    )
    assert labels(catalogue) == {
        "amabile-kramer-2011-hbr": "Amabile & Kramer, 2011a",
        "amabile-kramer-2011-book": "Amabile & Kramer, 2011b",
        "amabile-2012": "Amabile, 2012",
    }


def test_cite_links_each_reading_and_joins_several_with_semicolons():
    catalogue = catalogue_of(
        ("pink-2009", ["Pink, Daniel H."], 2009, "Drive"), ("deci-ryan-2000", ["Deci, E.", "Ryan, R."], 2000, "SDT")
    )
    assert cite_markdown(catalogue, ["pink-2009"], "../readings.md") == "([Pink, 2009](../readings.md#pink-2009))"
    assert cite_markdown(catalogue, ["deci-ryan-2000", "pink-2009"], "../readings.md") == (
        "([Deci &amp; Ryan, 2000](../readings.md#deci-ryan-2000); [Pink, 2009](../readings.md#pink-2009))"
    )


def test_a_missing_key_stays_visible_and_nothing_is_raised():
    catalogue = catalogue_of(("pink-2009", ["Pink, Daniel H."], 2009, "Drive"))
    assert cite_markdown(catalogue, ["pink-2009", "nope_<b>"], "readings.md") == (
        "([Pink, 2009](readings.md#pink-2009); missing reading: nope\\_&lt;b&gt;)"
    )
    assert cite_markdown(catalogue, [], "readings.md") == "(missing reading)"


def test_author_text_is_escaped_for_markdown_and_html():
    catalogue = catalogue_of(("r", ["<b>Bold</b> *Inc* [1]"], 2020, "T"))
    assert cite_markdown(catalogue, ["r"], "readings.md") == (
        "([&lt;b&gt;Bold&lt;/b&gt; \\*Inc\\* \\[1\\], 2020](readings.md#r))"
    )
