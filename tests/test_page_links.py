"""pages.link: the relative Markdown link between two docs pages, worked out
without asking the system for the current directory (it is called for every
card, syllabus row and reading link): always what posixpath.relpath gives."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from coursesite.pages import link

PAGES = [
    "index.md",
    "dashboard.md",
    "modules/01-intro.md",
    "modules/02-next.md",
    "modules/03-folder/index.md",
    "modules/03-folder/02-lesson.md",
    "modules/deep/er/page.md",
    "guide/quizzes.md",
    "modules.md",
    "modules-extra/x.md",
]
ODD = ["./index.md", "modules//01-intro.md", "../outside.md", "modules/../index.md", "/abs.md"]


def relpath(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


@pytest.mark.parametrize("from_uri", PAGES + ODD)
def test_every_pair_of_pages_links_as_relpath_says(from_uri):
    for to_uri in PAGES + ODD:
        assert link(from_uri, to_uri) == relpath(from_uri, to_uri), (from_uri, to_uri)


def test_examples_a_trainer_would_see():
    assert link("index.md", "modules/01-intro.md") == "modules/01-intro.md"
    assert link("modules/01-intro.md", "modules/02-next.md") == "02-next.md"
    assert link("modules/03-folder/02-lesson.md", "dashboard.md") == "../../dashboard.md"
    assert link("modules/01-intro.md", "modules-extra/x.md") == "../modules-extra/x.md", "a shared prefix is no folder"
    assert [link(a, a) for a in itertools.islice(PAGES, 3)] == ["index.md", "dashboard.md", "01-intro.md"]
