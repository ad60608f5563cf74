"""The trainer guide's item-writing page: every rule is documented, and
each flawed example breaks its rule while its better version does not."""

from __future__ import annotations

import re

import pytest

from coursesite.items.question import question_findings
from coursesite.items.rules import RULES
from coursesite.quiz.parse import parse_page
from support.guide import fenced_blocks
from support.sites import ROOT

GUIDE = ROOT / "docs" / "guide" / "item-writing.md"
TEXT = GUIDE.read_text(encoding="utf-8")
EXAMPLES = [b for b in fenced_blocks(TEXT) if not isinstance(b, str) and re.match(r"(Flawed|Better): ", b.title)]


def _rules_found(example) -> set[str]:
    page = parse_page(example.text, "guide")
    assert [b.ok for b in page.blocks] == [True], [p for b in page.blocks for p in b.problems]
    return {f.rule for f in question_findings(page.quizzes[0])}


def test_every_rule_has_a_section():
    for rule in RULES:
        assert f"`{rule}`" in TEXT, rule


def test_every_question_rule_has_a_flawed_and_a_better_example():
    from coursesite.items.question import QUESTION_RULES

    titles = {b.title for b in EXAMPLES}
    names = {rule.__name__.replace("_", "-") for rule in QUESTION_RULES}
    for name in names:
        assert {f"Flawed: {name}", f"Better: {name}"} <= titles, name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda b: f"{b.title}@{b.line}")
def test_guide_example_does_what_the_guide_says(example):
    kind, rule = example.title.split(": ")
    assert (rule in _rules_found(example)) == (kind == "Flawed")


def test_the_allow_example_switches_its_rule_off():
    (block,) = [b for b in fenced_blocks(TEXT) if not isinstance(b, str) and b.title == "A deliberate exception"]
    page = parse_page(
        block.text + "\n- [ ] Short\n- [x] A much longer correct option that quotes the agreement\n///\n", "g"
    )
    assert page.quizzes[0].allow == ["length-cue"] and not page.blocks[0].problems
    assert "length-cue" not in {f.rule for f in question_findings(page.quizzes[0])}
