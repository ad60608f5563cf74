"""Every page of the real course, in both editions, passes the W3C Nu
HTML Checker (vnu.jar, tests/vnu) with no error in our own markup: pages,
quizzes, reading lists, progress pages and the certificate. All pages go
to one Java run (starting the checker is most of its cost).

The theme's own errors are listed in THEME, each with why it is there; a
page may have only those, at most as many of each as the theme writes."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from vnu.checker import check, ensure_vnu

# (name, message pattern, extract pattern, most per page, why it is there)
THEME = [
    (
        "drawer and search toggles",
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'id="__(drawer|search)" autocomplete="off"',
        2,
        "Material's hidden checkboxes that open the drawer and the search carry autocomplete=off so that "
        "Firefox does not restore them open on reload; HTML allows the attribute on text-like inputs only.",
    ),
    (
        "navigation section labels",
        r"^Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
        2,
        'Material writes tabindex="" on the label of each navigation section it does not make focusable '
        "(navigation.sections): one per section of the course's nav (Course, Trainer guide).",
    ),
    (
        "table of contents title without a table",
        r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'<label class="md-nav__title" for="__toc">',
        1,
        "On a page without headings Material still writes the table of contents' title, a label for the "
        "toggle it leaves out.",
    ),
]


def theme_kind(message) -> str | None:
    for name, text, extract, _, _ in THEME:
        if re.search(text, message.message) and re.search(extract, message.extract):
            return name
    return None


@pytest.fixture(scope="module", params=["built_course", "facilitator_course"], ids=["learner", "facilitator"])
def messages(request):
    """Both editions: the facilitator edition adds the trainer guide, the notes and the answer key."""
    problem = ensure_vnu()
    if problem:
        pytest.fail(problem)
    site_dir = request.getfixturevalue(request.param)
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10 and any("modules/" in str(p) for p in pages), "the course was not built"
    return check(site_dir, pages)


def test_our_markup_has_no_html_error(messages):
    ours = [m for m in messages if theme_kind(m) is None]
    assert not ours, "\n".join(f"{m.path}:{m.line}: {m.message} [{m.extract.strip()}]" for m in ours)


def test_the_theme_errors_are_only_those_it_writes(messages):
    most = {name: limit for name, _, _, limit, _ in THEME}
    counts = Counter((m.path, theme_kind(m)) for m in messages if theme_kind(m))
    over = [
        f"{path}: {count} of {kind} (at most {most[kind]})"
        for (path, kind), count in counts.items()
        if count > most[kind]
    ]
    assert not over, "\n".join(over)


def test_the_checker_finds_what_it_must(tmp_path):
    """The checker runs and reports, at its line, an error of the kind the course
    once had (autocomplete on a radio button, a <time> whose text is no date)."""
    problem = ensure_vnu()
    if problem:
        pytest.fail(problem)
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html lang="en"><title>x</title>\n<p><time>today</time>\n'
        '<input type="radio" name="a" autocomplete="off" aria-label="a">\n',
        encoding="utf-8",
    )
    found = check(tmp_path, [page])
    assert {(m.path, m.line) for m in found} == {("page.html", 2), ("page.html", 3)}, found
