"""Every readings.yml rule: the exact message, hint and line.

Unit tests call the loader on YAML text; the last tests write a real file
with several problems into a throwaway course and run ``course check`` and a
strict build, which must report all of them at once and fail.
"""

from __future__ import annotations

import datetime

import pytest

from coursesite.problems import sort_problems
from coursesite.readings.load import parse_catalogue
from support.sites import module_page

PATH = "docs/_data/readings.yml"
NEXT_YEAR = datetime.date.today().year + 1
# The line of each field in entry() is fixed, so messages name exact lines.
BASE = {
    "kind": "book",  # line 2
    "title": '"Drive: The Surprising Truth About What Motivates Us"',  # 3
    "authors": '["Pink, Daniel H."]',  # 4
    "year": "2009",  # 5
    "publisher": "Riverhead Books",  # 6
    "isbn": '"9781594488849"',  # 7
    "effort": "256 pages",  # 8
    "level": "foundation",  # 9
    "note": "A readable entry point to autonomy, mastery and purpose.",  # 10
    "modules": "[motivation]",  # 11
}


def entry(reading_id: str = "pink-2009", **changes: str | None) -> str:
    """One entry; a change replaces a field in place, None removes it, new fields go last."""
    fields = dict(BASE)
    fields.update(changes)
    return f"{reading_id}:\n" + "".join(f"  {key}: {value}\n" for key, value in fields.items() if value is not None)


def problems(text: str, modules: tuple[str, ...] = ("motivation", "mentoring")) -> list[str]:
    return [str(p) for p in sort_problems(parse_catalogue(text, PATH, list(modules)).problems)]


def test_a_valid_entry_has_no_problem_and_keeps_its_values():
    catalogue = parse_catalogue(entry(isbn='"978-1-59448-884-9"'), PATH, ["motivation"])
    assert catalogue.problems == []
    reading = catalogue.readings["pink-2009"]
    assert (reading.isbn, reading.year, reading.authors[0].family, reading.line_of("isbn")) == (
        "9781594488849",
        2009,
        "Pink",
        7,
    )


def test_unknown_kind():
    assert problems(entry(kind="journal")) == [
        f"{PATH}:2: unknown kind 'journal' (use one of book, paper, article, chapter, report, video, podcast, web)"
    ]


@pytest.mark.parametrize(
    ("field", "hint"),
    [
        ("kind", "add kind: book, paper, article, chapter, report, video, podcast or web"),
        ("title", "add title: the title as printed"),
        ("authors", 'add authors: ["Family, Given"] (an organisation without a comma)'),
        ("year", "add year: the year of publication"),
        ("effort", "add effort: e.g. 30 minutes or 250 pages"),
        ("level", "add level: foundation, practitioner or advanced"),
        ("note", "add note: one to three sentences on why to read it and for whom"),
    ],
)
def test_a_field_every_reading_needs_is_missing(field, hint):
    assert problems(entry(**{field: None})) == [f"{PATH}:1: reading 'pink-2009' has no '{field}' ({hint})"]


def test_a_book_needs_a_publisher():
    assert problems(entry(publisher=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a book and has no 'publisher' (add publisher: the publisher's name)"
    ]


def test_a_book_needs_an_isbn_or_a_url():
    assert problems(entry(isbn=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a book and has neither 'isbn' nor 'url' (add 'isbn' or 'url' so that learners can find it)"
    ]
    assert problems(entry(isbn=None, url="https://www.danpink.com/books/drive/")) == []


def test_a_paper_needs_a_journal_and_a_doi_or_url():
    assert problems(entry(kind="paper", publisher=None, isbn=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a paper and has neither 'doi' nor 'url' (add 'doi' or 'url' so that learners can find it)",
        f"{PATH}:1: reading 'pink-2009' is a paper and has no 'journal' (add journal: the journal or magazine it appeared in)",
    ]


def test_an_article_needs_a_journal_only():
    assert problems(entry(kind="article", publisher=None, isbn=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a article and has no 'journal' (add journal: the journal or magazine it appeared in)"
    ]
    assert problems(entry(kind="article", publisher=None, isbn=None, journal="Harvard Business Review")) == []


@pytest.mark.parametrize("kind", ["chapter", "report"])
def test_a_chapter_or_report_needs_a_publisher_and_an_identifier(kind):
    assert problems(entry(kind=kind, publisher=None, isbn=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a {kind} and has no 'publisher' (add publisher: the publisher's name)",
        f"{PATH}:1: reading 'pink-2009' is a {kind} and has none of 'isbn', 'doi' or 'url' (add 'isbn', 'doi' or 'url' so that learners can find it)",
    ]


@pytest.mark.parametrize("kind", ["video", "podcast", "web"])
def test_video_podcast_and_web_need_a_url(kind):
    assert problems(entry(kind=kind, publisher=None, isbn=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a {kind} and has no 'url' (add url: an https:// address where it can be read)"
    ]


def test_unknown_field_suggests_the_field_meant():
    assert problems(entry(publsher="Riverhead Books", publisher=None)) == [
        f"{PATH}:1: reading 'pink-2009' is a book and has no 'publisher' (add publisher: the publisher's name)",
        f"{PATH}:11: unknown field 'publsher' (did you mean 'publisher'?)",
    ]
    assert problems(entry(colour="blue"))[0].startswith(
        f"{PATH}:12: unknown field 'colour' (known fields: kind, title, authors,"
    )


def test_isbn13_with_a_wrong_check_digit():
    assert problems(entry(isbn='"9781594488840"')) == [
        f"{PATH}:7: isbn '9781594488840' has a wrong check digit (copy the ISBN-13 again from the book's copyright page or the publisher)"
    ]


def test_isbn10_is_refused_and_the_isbn13_offered():
    assert problems(entry(isbn='"0-688-01429-1"')) == [
        f"{PATH}:7: isbn '0-688-01429-1' is an ISBN-10; the isbn field takes an ISBN-13 (write isbn: \"9780688014292\")"
    ]


@pytest.mark.parametrize("value", ['"159448884"', '"978159448884X"', '"not an isbn"', "[9781594488849]"])
def test_text_that_is_no_isbn(value):
    shown = "[9781594488849]" if value.startswith("[") else value.strip('"')
    assert problems(entry(isbn=value)) == [
        f"{PATH}:7: isbn '{shown}' is not an ISBN (give the 13-digit ISBN in quotes, e.g. isbn: \"9781594488849\")"
    ]


def paper(**changes: str | None) -> str:
    return entry(kind="paper", publisher=None, isbn=None, journal="Journal of Organizational Behavior", **changes)


@pytest.mark.parametrize(
    "value",
    ["1037/apl0000241", "10.1037", "10.abc/x", "10.1037/apl 0000241", "doi", "10.1037/", "11.1037/x", "10..1037/x"],
)
def test_malformed_doi(value):
    assert problems(paper(doi=f'"{value}"')) == [
        f"{PATH}:11: doi '{value}' is not a valid DOI (a DOI is 10.<registrant>/<suffix>, e.g. doi: 10.1037/0003-066X.55.1.68)"
    ]


@pytest.mark.parametrize(
    "value",
    [
        "https://doi.org/10.1037/apl0000241",
        "doi:10.1037/apl0000241",
        "DOI: 10.1037/apl0000241",
        "http://dx.doi.org/10.1037/apl0000241",
    ],
)
def test_a_doi_must_be_given_without_prefix(value):
    assert problems(paper(doi=f'"{value}"')) == [
        f"{PATH}:11: doi '{value}' must be the DOI alone, without a prefix (write doi: \"10.1037/apl0000241\")"
    ]


def test_old_wiley_dois_with_angle_brackets_and_hash_are_valid():
    doi = "10.1002/1099-1379(200012)21:8<913::AID-JOB62>3.0.CO;2-#"
    catalogue = parse_catalogue(paper(doi=f'"{doi}"'), PATH, ["motivation"])
    assert catalogue.problems == [] and catalogue.readings["pink-2009"].doi == doi


@pytest.mark.parametrize(
    "value", ["http://example.com/drive", "ftp://example.com/drive", "www.example.com", "https:///path"]
)
def test_url_that_is_not_https(value):
    assert problems(entry(url=value)) == [
        f"{PATH}:12: url '{value}' is not an https address (use the page's https:// address; the course links only to secure pages)"
    ]


@pytest.mark.parametrize("value", [1799, NEXT_YEAR + 1, 20009])
def test_implausible_year(value):
    assert problems(entry(year=str(value))) == [
        f"{PATH}:5: year {value} is implausible (give the year of publication, from 1800 to {NEXT_YEAR})"
    ]


@pytest.mark.parametrize("value", ["1800", str(NEXT_YEAR)])
def test_years_at_the_limits_are_accepted(value):
    assert problems(entry(year=value)) == []


def test_year_that_is_not_a_number():
    assert problems(entry(year='"2009"')) == [
        f"{PATH}:5: year must be a whole number, not '2009' (write the year of publication, e.g. year: 2009)"
    ]


def test_duplicated_reading_id_is_caught_though_yaml_keeps_the_last():
    assert problems(entry() + entry()) == [
        f"{PATH}:12: key 'pink-2009' is given twice (first on line 1) (remove one of them; YAML would silently keep only the last)"
    ]


def test_duplicated_field_is_caught():
    assert problems(entry(level="foundation\n  level: advanced")) == [
        f"{PATH}:10: key 'level' is given twice (first on line 9) (remove one of them; YAML would silently keep only the last)"
    ]


def test_modules_entry_naming_no_module_points_at_its_line():
    assert problems(entry(modules="\n    - motivation\n    - mentorng")) == [
        f"{PATH}:13: modules names 'mentorng', which is not the id of any module (did you mean 'mentoring'?)"
    ]
    assert problems(entry(modules="[hiring]")) == [
        f"{PATH}:11: modules names 'hiring', which is not the id of any module (use the id: of a module listed in nav)"
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "effort",
            "2 hours",
            "effort '2 hours' must be minutes or pages (write e.g. effort: 30 minutes or effort: 250 pages)",
        ),
        (
            "level",
            "expert",
            "level 'expert' must be one of foundation, practitioner, advanced (use foundation, practitioner or advanced)",
        ),
        (
            "authors",
            '"Pink, Daniel H."',
            'authors must be a list of names (write authors: ["Family, Given", "Family, Given"] (an organisation without a comma))',
        ),
        (
            "authors",
            '["Pink, "]',
            "author 'Pink, ' must be written 'Family, Given' (write authors: [\"Family, Given\", \"Family, Given\"] (an organisation without a comma))",
        ),
        ("title", '""', "title must be non-empty text (write title: the title as printed)"),
        ("publisher", "[Riverhead]", "publisher must be non-empty text (write publisher: Riverhead Books)"),
        (
            "note",
            "''",
            "note must be non-empty text (write note: one to three sentences on why to read it and for whom)",
        ),
        ("modules", "motivation", "modules must be a list of module ids (write e.g. modules: [motivation, mentoring])"),
    ],
)
def test_values_of_the_wrong_form(field, value, message):
    line = list(BASE).index(field) + 2
    assert problems(entry(**{field: value})) == [f"{PATH}:{line}: {message}"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("volume", "[1]", "volume must be a number or text, not [1] (write volume: 102)"),
        ("issue", "0", "issue must be a number or text, not 0 (write issue: 12)"),
        ("pages", '""', "pages must be a number or text, not '' (write pages: \"1686-1718\")"),
    ],
)
def test_volume_issue_and_pages(field, value, message):
    assert problems(paper(doi='"10.1037/apl0000241"', **{field: value})) == [f"{PATH}:12: {message}"]


def test_reading_id_that_is_not_a_slug():
    assert problems(entry("Pink 2009")) == [
        f"{PATH}:1: reading id 'Pink 2009' is not a slug (use lower-case words, digits and hyphens, e.g. pink-2009)"
    ]


def test_entry_that_is_not_a_mapping():
    assert problems("pink-2009: Drive\n") == [
        f"{PATH}:1: reading 'pink-2009' must be a mapping of fields (indent kind:, title:, authors: ... under the id)"
    ]


def test_file_that_is_not_a_mapping():
    assert problems("- pink-2009\n") == [
        f"{PATH}:1: readings.yml must be a mapping of reading ids to entries (start each entry with its id, e.g. pink-2009:)"
    ]


def test_yaml_syntax_error_points_at_its_line():
    assert problems(entry(title="Drive: The Surprising Truth")) == [
        f"{PATH}:3: YAML syntax error: mapping values are not allowed here (check indentation, colons and quotes on this line and the one above)"
    ]


SEVERAL_PROBLEMS = (
    entry("kluger-denisi-1996", kind="papr")
    + entry("blanchard-johnson-1982", isbn='"0-688-01429-1"', year="1082")
    + entry("pink-2009", url="http://www.danpink.com/books/drive/", isbn=None, modules="[motivaton]")
    + entry("kluger-denisi-1996")
)
SEVERAL_EXPECTED = [
    f"{PATH}:2: unknown kind 'papr' (use one of book, paper, article, chapter, report, video, podcast, web)",
    f"{PATH}:16: year 1082 is implausible (give the year of publication, from 1800 to {NEXT_YEAR})",
    f"{PATH}:18: isbn '0-688-01429-1' is an ISBN-10; the isbn field takes an ISBN-13 (write isbn: \"9780688014292\")",
    f"{PATH}:32: modules names 'motivaton', which is not the id of any module (did you mean 'motivation'?)",
    f"{PATH}:33: url 'http://www.danpink.com/books/drive/' is not an https address (use the page's https:// address; the course links only to secure pages)",
    f"{PATH}:34: key 'kluger-denisi-1996' is given twice (first on line 1) (remove one of them; YAML would silently keep only the last)",
]


def _course_with_several_problems(site):
    site.module("01-motivation.md", module_page("motivation", title="Motivation", readings=["pink-2009"]))
    site.write("docs/readings.md", "# Reading list\n\n{{ reading_list() }}\n")
    site.write("docs/_data/readings.yml", SEVERAL_PROBLEMS, dedent=False)
    return [{"Home": "index.md"}, {"Course": ["modules/01-motivation.md"]}, {"Reading list": "readings.md"}]


def test_a_real_file_with_several_problems_reports_all_of_them(site):
    nav = _course_with_several_problems(site)
    status, lines = site.check("--no-build", nav=nav)
    assert (status, lines) == (1, SEVERAL_EXPECTED)


def test_the_strict_build_fails_and_lists_every_problem(site):
    nav = _course_with_several_problems(site)
    result = site.build("--strict", nav=nav)
    assert result.returncode != 0
    reported = [line.split("-  ", 1)[-1].strip() for line in result.lines() if PATH in line]
    assert reported == SEVERAL_EXPECTED
    assert "Traceback" not in result.output
