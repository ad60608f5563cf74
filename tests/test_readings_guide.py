"""The readings guide page shows every reading message, each with an example.

tests/test_guide_examples.py builds every guide example with ``course
check`` (a full build); here the same examples also go through ``course check
--no-build``, which must print the same lines, because reading problems need
only the sources.
"""

from __future__ import annotations

import re

import pytest

from support.guide import examples
from support.sites import ROOT, module_page

GUIDE = ROOT / "docs" / "guide" / "readings.md"
EXAMPLES = examples(GUIDE, ROOT)
# Every message the reading checks can give; the guide must show each one.
MESSAGES = [
    r"unknown kind '",
    r"has no '(effort|note)'",
    r"is a book and has neither 'isbn' nor 'url'",
    r"is a book and has no 'publisher'",
    r"is a paper and has neither 'doi' nor 'url'",
    r"is a paper and has no 'journal'",
    r"is a report and has none of 'isbn', 'doi' or 'url'",
    r"unknown field '",
    r"has a wrong check digit",
    r"is an ISBN-10; the isbn field takes an ISBN-13",
    r"is not an ISBN",
    r"is not a valid DOI",
    r"must be the DOI alone",
    r"is not an https address",
    r"is implausible",
    r"key '.*' is given twice",
    r"which is not the id of any module",
    r"is not a slug",
    r"title must be non-empty text",
    r"author '.*' must be written",
    r"year must be a whole number",
    r"volume must be a number or text",
    r"effort '.*' must be minutes or pages",
    r"level '.*' must be one of",
    r"modules must be a list of module ids",
    r"must be a mapping of fields",
    r"must be a mapping of reading ids",
    r"YAML syntax error",
    r"is not in docs/_data/readings.yml",
    r"cite\(\) names '",
    r"cite\(\) names no reading",
    r"is not used by any module or citation",
    r"cite\(\) links to the course reading list, but no page shows it",
]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_guide_example_gives_the_same_lines_without_a_build(site, example):
    files = dict(example.files)
    if not any(path.startswith("docs/modules/") for path in files):
        files["docs/modules/01-example.md"] = module_page("example", title="Example")
    files.setdefault("docs/index.md", "# Course home\n")
    for path, text in sorted(files.items()):
        if path.startswith("docs/modules/"):
            site.module(path.removeprefix("docs/modules/"), text)
        else:
            site.write(path, text, dedent=False)
    status, lines = site.check("--no-build")
    assert (status, lines) == ((1, example.expected) if example.expected else (0, []))


def test_guide_shows_every_reading_message():
    shown = "\n".join(line for example in EXAMPLES for line in example.expected or [])
    assert [pattern for pattern in MESSAGES if not re.search(pattern, shown)] == []
    assert sum(1 for e in EXAMPLES if e.expected) >= 18


def test_guide_is_in_nav_and_not_rendered_by_macros():
    assert "render_macros: false" in GUIDE.read_text(encoding="utf-8").split("---")[1]
    assert "- guide/readings.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
