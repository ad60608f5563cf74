"""Every Markdown example in the trainer guide is built, so the guide cannot
drift from the code: whole-file examples build clean unless the guide shows
the expected ``course check`` output, which must then match exactly."""

from __future__ import annotations

import pytest

from support.guide import examples
from support.sites import ROOT, module_page

GUIDE = ROOT / "docs" / "guide"
EXAMPLES = [example for page in sorted(GUIDE.glob("*.md")) for example in examples(page, ROOT)]


def test_the_guide_has_examples():
    assert len(EXAMPLES) >= 11
    assert sum(1 for e in EXAMPLES if e.expected) >= 10, "every front-matter rule has an example with its message"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_guide_example_builds_as_documented(site, example):
    files = dict(example.files)
    if example.snippet is not None:
        files["docs/modules/01-example.md"] = module_page("example", title="Example", body=example.snippet)
    if not any(path.startswith("docs/modules/") for path in files):
        files["docs/modules/01-example.md"] = module_page("example", title="Example")
    files.setdefault("docs/index.md", "# Course home\n")  # every course has a home page
    for path, text in sorted(files.items()):
        if path.startswith("docs/modules/"):
            site.module(path.removeprefix("docs/modules/"), text)
        else:
            site.write(path, text, dedent=False)
    status, lines = site.check()
    if example.expected is None:
        assert (status, lines) == (0, []), f"guide example at {example.name} should build clean"
    else:
        assert lines == example.expected, f"guide example at {example.name} documents different output"
        assert status == 1


PROBLEM_KINDS = (
    "Front matter",
    "Quizzes",
    "Reading list",
    "Citations",
    "Glossary",
    "Links",
    "Images",
    "Left in the built page",
    "Warnings",
)


def test_the_problems_page_has_a_real_example_for_each_kind():
    """docs/guide/problems.md: one section per kind of message, each with an
    example whose exact output the parametrized test above checks."""
    page = GUIDE / "problems.md"
    text = page.read_text(encoding="utf-8")
    lines, starts, fenced = text.splitlines(), [], False
    for number, line in enumerate(lines):
        fenced = fenced != line.startswith("```")
        if not fenced and line.startswith("## "):
            starts.append(number)
    sections = {lines[start][3:].strip(): start for start in starts}
    assert tuple(kind for kind in PROBLEM_KINDS if kind in sections) == PROBLEM_KINDS, (
        "a kind of message lost its section"
    )
    by_line = {example.line: example for example in examples(page, ROOT)}
    for kind, start in sections.items():
        end = next((s for s in starts if s > start), len(lines))
        documented = [e for line, e in by_line.items() if start < line <= end and e.expected]
        assert documented, f"section '{kind}' has no example with the message it prints"
        assert any(f"| [{kind}](#" in line for line in lines), f"section '{kind}' is missing from the table of kinds"
    # The anatomy shown at the top is the front-matter example's message, in another file.
    anatomy = text.split("```text\n", 1)[1].split("\n", 1)[0]
    [front_matter] = [e for e in by_line.values() if e.expected and "'level' must be" in e.expected[0]]
    assert anatomy.split(": ", 1)[1] == front_matter.expected[0].split(": ", 1)[1]


def test_glossary_terms_show_up_as_the_guide_says(site):
    """docs/guide/glossary.md: exact term, exact case, whole words, headings and
    link text included, code left alone."""
    from selectolax.lexbor import LexborHTMLParser

    site.write("docs/_data/glossary/example.yml", "- term: GROW\n  definition: A coaching model\n", dedent=False)
    body = "## The GROW model\n\nUse GROW here. Grow, grow and GROWs are other words. `GROW` is code. [GROW again](#the-grow-model).\n"
    site.module("01-example.md", module_page("example", title="Example", body=body))
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    article = LexborHTMLParser(result.page("modules/01-example/index.html")).css_first("article")
    marked = [(node.parent.tag, node.text()) for node in article.css("abbr")]
    assert marked == [("h2", "GROW"), ("p", "GROW"), ("a", "GROW")]
    assert all(node.attributes["title"] == "A coaching model" for node in article.css("abbr"))
    assert article.css_first("code").text() == "GROW"
