"""The inline subset of metadata text (coursesite/inline.py): what it allows renders
exactly as Python-Markdown renders the author's own text; everything else
comes out as the text that was typed, and is named for the report."""

from __future__ import annotations

import markdown
import pytest

from coursesite import inline

SITE = ["attr_list", "md_in_html", "abbr"]  # the site's extensions that would turn text into markup

ALLOWED = [
    "Plain words, (GROW) & more: 30-60-90 plan.",
    "Use *GROW* and **ask** first; ***both*** work",
    "Compare `a < b` with ``x`y``",
    "Read [the brief](https://example.org/a_(b)?x=1&y=2) or [write](mailto:lead@example.org)",
    "See [the list](../readings.md#kotter-1990)",
    "snake_case and 2*3*4 stay text",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed_markdown_renders_as_the_author_wrote_it(text):
    assert inline.render(text).refused == ()
    assert markdown.markdown(inline.to_markdown(text), extensions=SITE) == markdown.markdown(text, extensions=SITE)


@pytest.mark.parametrize(
    ("text", "refused", "shown"),
    [
        ("*w*{: onmouseover=alert(1) }", ("an attribute list {: ... }",), "<em>w</em>{: onmouseover=alert(1) }"),
        ("![i](x.png)", ("an image",), "![i](x.png)"),
        ("<img src=x onerror=alert(1)>", ("raw HTML",), "&lt;img src=x onerror=alert(1)&gt;"),
        ("[c](JaVaScRiPt:alert(1))", ("a link to 'JaVaScRiPt:alert(1)'",), "[c](JaVaScRiPt:alert(1))"),
        (
            "[c](&#106;avascript:alert(1))",
            ("a link to '&#106;avascript:alert(1)'",),
            "[c](&amp;#106;avascript:alert(1))",
        ),
        ("[c](data:text/html,x)", ("a link to 'data:text/html,x'",), "[c](data:text/html,x)"),
        ('[c](https://example.org "t")', ("a link title",), '[c](https://example.org "t")'),
    ],
)
def test_anything_else_shows_as_typed_and_is_named(text, refused, shown):
    result = inline.render(text)
    assert result.refused == refused
    assert markdown.markdown(result.markdown, extensions=SITE) == f"<p>{shown}</p>"


def test_a_field_that_looks_like_a_list_stays_a_sentence():
    assert markdown.markdown(inline.to_markdown("- not a list")) == "<p>- not a list</p>"
    assert markdown.markdown(inline.to_markdown("1. not a list")) == "<p>1. not a list</p>"


def test_titles_take_no_links():
    assert inline.render("[a](https://example.org)", links=False).refused == ("a link",)


def test_theme_meta_escapes_attributes_and_only_titles_with_markup():
    meta = {"title": "A & B", "description": 'Runs of "no"', "author": "<b>x</b>"}
    assert inline.theme_meta(meta) == {"description": "Runs of &quot;no&quot;", "author": "&lt;b&gt;x&lt;/b&gt;"}
    assert inline.theme_meta({"title": "<svg onload=alert(1)>"}) == {"title": "&lt;svg onload=alert(1)&gt;"}
