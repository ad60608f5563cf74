"""The Markdown extension renders a quiz from the source check's parse when the
block reaches it unchanged, and parses it itself when anything in it changed
(a macro rendered, a note left out, the page edited), reading again only
options it has not seen: the built site is the same, byte for byte, as when
every block and its options are parsed again."""

from __future__ import annotations

from coursesite.quiz import extension, options, source_check
from coursesite.sitebuild import build_into
from support.sites import module_page

PLAIN = """\
/// quiz | Which comes first?
    id: plain
    objective: [1, 2, 3]

- [ ] Wait and see
    > Waiting hides the problem.
- [x] Ask what changed
    > Listening gets you the facts.

Start with the person.
///
"""

# The macros render the explanation, so the extension sees other text than the file holds.
WITH_MACRO = PLAIN.replace("id: plain", "id: with-macro").replace("the person.", 'the {{ "person" }}.')


def _site(site):
    site.write("docs/index.md", "# Home\n")
    site.module("01-quiz.md", module_page("quiz", body=f"Text.\n\n{PLAIN}\nMore text.\n\n{WITH_MACRO}"))
    return site.write_config()


def _parsed_by_extension(monkeypatch) -> list[str]:
    """The first lines of the blocks the extension parses itself."""
    parsed: list[str] = []
    original = extension.parse_block

    def counting(lines, raw, *args, **kwargs):
        parsed.append(lines[raw.start])
        return original(lines, raw, *args, **kwargs)

    monkeypatch.setattr(extension, "parse_block", counting)
    return parsed


def _parse_everything(monkeypatch):
    """The extension as it was: every block and its options parsed again."""
    monkeypatch.setattr(source_check, "sound_quizzes", lambda course: {})
    monkeypatch.setattr(extension, "remembering", lambda known: options.read_options)


def _files(site_dir):
    return {p.relative_to(site_dir): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_an_unchanged_block_is_not_parsed_again_and_the_site_is_the_same(site, tmp_path, monkeypatch):
    config = _site(site)
    parsed = _parsed_by_extension(monkeypatch)
    assert build_into(config, tmp_path / "reused") == []
    assert parsed == [WITH_MACRO.split("\n")[0]], "only the block the macros changed"
    _parse_everything(monkeypatch)
    parsed.clear()
    assert build_into(config, tmp_path / "parsed") == []
    assert len(parsed) == 2
    assert _files(tmp_path / "reused") == _files(tmp_path / "parsed")


def test_options_are_read_once_a_build(site, tmp_path, monkeypatch):
    config = _site(site)
    read = []
    original = options._load
    monkeypatch.setattr(options, "_load", lambda *args: read.append(args[0]) or original(*args))
    assert build_into(config, tmp_path / "site") == []
    assert sorted(read) == ["id: plain\nobjective: [1, 2, 3]", "id: with-macro\nobjective: [1, 2, 3]"]


def test_a_block_edited_between_builds_is_parsed_from_its_new_text(site, tmp_path, monkeypatch):
    config = _site(site)
    assert build_into(config, tmp_path / "first") == []
    edited = PLAIN.replace("Ask what changed", "Ask what has changed")
    site.module("01-quiz.md", module_page("quiz", body=f"Text.\n\n{edited}\nMore text.\n\n{WITH_MACRO}"))
    parsed = _parsed_by_extension(monkeypatch)
    assert build_into(config, tmp_path / "second") == []
    assert parsed == [WITH_MACRO.split("\n")[0]], "the edited block comes from this build's source check"
    page = (tmp_path / "second" / "modules" / "01-quiz" / "index.html").read_text(encoding="utf-8")
    assert "Ask what has changed" in page and page.count("Ask what changed") == 2, (
        "the old text only in the other quiz (choice and answer)"
    )


def test_a_quiz_twice_on_a_page_is_reported_at_its_markdown_line_as_when_parsed(site, tmp_path, monkeypatch):
    site.write("docs/index.md", "# Home\n")
    site.module("01-quiz.md", module_page("quiz", body=f"Text.\n\n{PLAIN}\nMore text.\n\n{PLAIN}"))
    config = site.write_config()
    assert build_into(config, tmp_path / "reused") != []  # the source check reports the id used twice
    _parse_everything(monkeypatch)
    assert build_into(config, tmp_path / "parsed") != []
    page = "modules/01-quiz/index.html"
    reused = (tmp_path / "reused" / page).read_text(encoding="utf-8")
    assert "is already used on this page (line " in reused
    assert reused == (tmp_path / "parsed" / page).read_text(encoding="utf-8")


def test_outside_a_build_the_extension_parses_every_block(monkeypatch):
    import markdown

    from coursesite import state

    monkeypatch.setattr(state, "current", None)
    parsed = _parsed_by_extension(monkeypatch)
    html = markdown.markdown(PLAIN, extensions=["coursesite.quiz"])
    assert parsed == ["/// quiz | Which comes first?"] and 'data-lms-quiz="plain"' in html
