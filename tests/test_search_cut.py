"""What the search indexer reads of a page with quizzes or a module's
reading entries (coursesite/searchview.py).

Material's indexer ends an excluded element at the first closing tag of its
name, so a quiz whose feedback holds a list would fail the build or leak its
answers into the index; the hook hands it each page without our parts under
``data-search-exclude`` and gives the page back whole after. These tests hold
the cut to its promise: the index is the one Material makes of the whole page,
the site is written byte for byte as without the cut, author text cannot end a
cut early, and a quiz with a list in its feedback builds with its answers kept
out of search.
"""

from __future__ import annotations

import markdown
import pytest
from material.plugins.search.plugin import Parser

from coursesite import searchview
from coursesite.sitebuild import build_into
from support.sites import SiteFactory, module_page
from test_quiz_render import EXTENSIONS
from test_readings_sample import write_sample

# Block feedback (a nested list), a hint, code and escaped markup that name the
# elements a cut ends at: none of it may end a cut early or leak into the index.
AWKWARD = """\
## Before

Some text to find.

/// quiz | Which closing tag ends a *fieldset*?
    id: awkward
    multiple: true
    hint: Not `</form>`.

- [x] The `</fieldset>` tag
    > Right: </fieldset> closes it.
- [ ] <b>The</b> `</form>` tag
    > No: </form> ends a form.
- [x] Both, in order
    > Yes.

Explained with a list:

- `</details>` and </ul>
///

## After

Closing text to find.

/// quiz | Second question?
    id: second

- [ ] No
- [x] Yes
///
"""


def _page(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def _sections(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


def test_the_indexer_reads_the_same_sections_from_the_cut_page():
    html = _page(AWKWARD)
    cut, parts = searchview.without_unsearched(html)
    assert len(parts) == 4, "the choices and the answer box of each of the two quizzes"
    assert _sections(cut) == _sections(html)
    assert "Which closing tag ends a" in cut and "Second question?" in cut, "questions stay searchable"
    for hidden in ("closes it", "ends a form", "Explained with a list", "Show answer"):
        assert hidden in html and hidden not in cut


def test_a_page_without_quizzes_is_left_alone():
    html = _page("# Title\n\n- [x] a task list outside a quiz\n")
    assert searchview.without_unsearched(html) == (html, [])


def test_a_build_indexes_and_writes_exactly_what_it_would_without_the_cut(site, tmp_path, monkeypatch):
    site.write("docs/index.md", "# Home\n")
    site.module(
        "01-quiz.md", module_page("quiz", body=AWKWARD.replace("id: awkward", "id: awkward\n    objective: [1, 2, 3]"))
    )
    config = site.write_config()
    cut = []
    original = searchview.without_unsearched
    monkeypatch.setattr(searchview, "without_unsearched", lambda html: cut.append(original(html)) or cut[-1])
    assert build_into(config, tmp_path / "cut") == []
    assert sum(len(parts) for _, parts in cut) == 4, "the hook cut the quiz page"
    monkeypatch.setattr(searchview, "without_unsearched", lambda html: (html, []))
    assert build_into(config, tmp_path / "whole") == []
    cut_files = sorted(p.relative_to(tmp_path / "cut") for p in (tmp_path / "cut").rglob("*") if p.is_file())
    assert cut_files == sorted(
        p.relative_to(tmp_path / "whole") for p in (tmp_path / "whole").rglob("*") if p.is_file()
    )
    for name in cut_files:
        assert (tmp_path / "cut" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    index = (tmp_path / "cut" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Closing text to find" in index and "closes it" not in index


LISTED = """\
/// quiz | What do good one-to-ones have?
    id: listed

- [x] A shared agenda
    > Right. Two habits help:
    >
    > - the rep adds items first
    > - notes are shared the same day
- [ ] A fixed script
    > A script stops the rep from raising what matters.

The explanation holds a note:

??? note "Background reading"
    Agendas agreed ahead make the meeting the rep's.

Last words of the explanation.
///

Text after the quiz.
"""


def test_materials_indexer_alone_fails_on_a_list_in_feedback():
    """Why the cut exists: when a Material upgrade makes this pass, the
    data-search-exclude markup alone would do and the cut can go."""
    html = markdown.Markdown(extensions=[*EXTENSIONS, "admonition", "pymdownx.details"]).convert(LISTED)
    with pytest.raises(ValueError, match="is not in list"):
        _sections(html)
    assert _sections(searchview.without_unsearched(html)[0])


def test_a_quiz_with_a_list_in_its_feedback_builds_and_keeps_it_out_of_search(site):
    # Material's indexer alone fails on this page ("'<li>' is not in list"): it
    # matches excluded elements by tag name, so an inner list (or details box)
    # ends the outer one.
    site.write("docs/index.md", "# Home\n")
    site.module(
        "01-quiz.md", module_page("quiz", body=LISTED.replace("id: listed", "id: listed\n    objective: [1, 2, 3]"))
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    page = result.page("modules/01-quiz/index.html")
    assert "<li>notes are shared the same day</li>" in page
    index = result.page("search/search_index.json")
    assert "What do good one-to-ones have?" in index and "Text after the quiz." in index
    assert "Agendas agreed ahead" in page
    for hidden in ("Two habits", "notes are shared", "fixed script", "Show answer", "Background reading", "Last words"):
        assert hidden not in index


def _built_files(root) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_module_pages_reading_entries_are_cut_and_the_build_is_the_same(tmp_path, monkeypatch):
    site = SiteFactory(tmp_path / "course")
    config = site.write_config(write_sample(site))
    cut = []
    original = searchview.without_unsearched
    monkeypatch.setattr(searchview, "without_unsearched", lambda html: cut.append(original(html)) or cut[-1])
    assert build_into(config, tmp_path / "cut") == []
    entries = [part for _, parts in cut for part in parts if part.startswith('<div class="lms-reading"')]
    assert len(entries) == 5 + 7, "every entry of the two module pages, none of the reading-list page's"
    assert all(part.endswith("</div>") and part.count("<div") == 1 for part in entries)
    monkeypatch.setattr(searchview, "without_unsearched", lambda html: (html, []))
    assert build_into(config, tmp_path / "whole") == []
    assert _built_files(tmp_path / "cut") == _built_files(tmp_path / "whole")
