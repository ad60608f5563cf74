"""A page renders the quizzes the source check already parsed (the quiz
extension's ``parsed`` option, filled by the hook from ``check.parsed_blocks``).

Reuse must never change a page: the real course, built with and without it,
is the same site byte for byte, and a quiz whose text a macro changes is
parsed again rather than taken from the check.
"""

from __future__ import annotations

from pathlib import Path

import markdown

from coursesite.quiz import extension
from coursesite.quiz import source_check as quiz_check
from coursesite.quiz.parse import parse_page
from coursesite.sitebuild import build_into
from support.sites import ROOT

QUIZ = """\
/// quiz | Which comes first?
    id: first

- [x] Listening
    > Right.
- [ ] Planning
///
"""


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_course_builds_the_same_with_and_without_reuse(tmp_path, monkeypatch):
    parsed_again = []
    original = extension.parse_block
    monkeypatch.setattr(
        extension, "parse_block", lambda *args, **kwargs: parsed_again.append(1) or original(*args, **kwargs)
    )
    assert build_into(ROOT / "mkdocs.yml", tmp_path / "reused") == []
    reused_count = len(parsed_again)
    monkeypatch.setattr(quiz_check, "parsed_blocks", lambda course: {})
    assert build_into(ROOT / "mkdocs.yml", tmp_path / "parsed") == []
    assert reused_count < len(parsed_again) - reused_count, "most quizzes were not parsed again"
    assert _files(tmp_path / "reused") == _files(tmp_path / "parsed")


def test_a_block_is_taken_from_the_check_only_when_its_text_is_the_same():
    # The check's quiz for this text, told apart by its question.
    [block] = parse_page(QUIZ.replace("Which comes first?", "As the check read it"), "docs/x.md").blocks
    md = markdown.Markdown(
        extensions=["coursesite.quiz"],
        extension_configs={"coursesite.quiz": {"parsed": {QUIZ.rstrip("\n"): block.quiz}}},
    )
    assert "As the check read it" in md.convert(QUIZ), "the same text: the check's quiz is used"
    other = md.reset().convert(QUIZ.replace("Which comes first?", "Which comes second?"))
    assert "Which comes second?" in other and "As the check read it" not in other, "another text is parsed"


def test_only_faultless_quizzes_are_offered_for_reuse(site):
    site.write("docs/index.md", "# Home\n\n" + QUIZ + "\n" + QUIZ.replace("id: first", "id: Bad Id"))
    from coursesite.course_loader import load_course

    offered = quiz_check.parsed_blocks(load_course(site.write_config()))
    assert [quiz.id for quiz in offered.values()] == ["first"]
