"""The trainer guide's quiz page: listed under "Trainer guide", every quiz rule
shown with its exact message (test_guide_examples.py builds every example and
compares the output), and the page itself builds with its live demo quiz."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from support.guide import build_guide_pages, examples
from support.sites import ROOT, module_page
from test_quiz_rules import CASES, MODULE_CASES

GUIDE = ROOT / "docs" / "guide" / "quizzes.md"

# One pattern per rule the quiz check can report.
RULES = [
    r"quiz has no id",
    r"quiz id is empty",
    r"quiz id '.*' is not a slug",
    r"quiz id '.*' is already used at ",
    r"unknown quiz option '.*'",
    r"quiz option '(multiple|shuffle|hint)' must be",
    r"quiz option '.*' is given twice",
    r"quiz options are not valid YAML",
    r'quiz options must be "key: value" lines',
    r"quiz option after a blank line",
    r"quiz has no question",
    r"the question must come after a bar",
    r"quiz has (only 1 choice|no choices)",
    r"no choice is marked \[x\]",
    r"more than one choice is marked \[x\]",
    r"every choice is marked \[x\]",
    r"choice repeats the text",
    r"choice has no text",
    r"feedback line is not under a choice",
    r"quiz is never closed",
    r"task list item marked \[x\] outside a quiz",
    r"quiz block is indented",
    r"text before the first choice",
    r"task list item is not part of the choice list",
    r"objective \d+ is out of range",
    r"objective \d+ is not checked by any quiz",
    r"quiz option 'objective' must be a number",
    r"quiz option 'objective' is only allowed on a module page",
]
# Variants that share a rule with an example already in the guide.
SHOWN_BY_ANOTHER_EXAMPLE = {
    r"quiz id is empty",
    r"quiz option '.*' is given twice",
    r'quiz options must be "key: value" lines',
    r"the question must come after a bar",
    r"quiz option 'objective' is only allowed on a module page",
}


def _guide_messages() -> list[str]:
    return [line for example in examples(GUIDE, ROOT) for line in (example.expected or [])]


def test_the_quiz_guide_is_in_the_trainer_guide_nav_without_macros():
    config = YAML(typ="safe", pure=True)
    config.constructor.add_constructor("!ENV", lambda loader, node: None)
    nav = config.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    guide = next(item["Trainer guide"] for item in nav if isinstance(item, dict) and "Trainer guide" in item)
    assert "guide/quizzes.md" in guide
    assert "\nrender_macros: false\n" in GUIDE.read_text(encoding="utf-8").split("\n---\n")[0] + "\n"


def test_every_rule_in_the_rule_table_is_known_here():
    lines = [line for _, _, expected in CASES + MODULE_CASES for line in expected]
    for line in lines:
        message = line.split(": ", 1)[1]
        assert any(re.match(rule, message) for rule in RULES), f"add a pattern for: {message}"


def test_every_rule_has_a_built_example_with_its_message_in_the_guide():
    shown = _guide_messages()
    for rule in RULES:
        if rule in SHOWN_BY_ANOTHER_EXAMPLE:
            continue
        assert any(re.search(rf": {rule}", line) for line in shown), f"the guide shows no example of: {rule}"


def test_the_guide_page_builds_with_its_live_quiz(site):
    site.module("01-intro.md", module_page())
    pages = {
        "guide/quizzes.md": GUIDE.read_text(encoding="utf-8"),
        "guide/assessments.md": "# Graded assessments\n",  # a page the quiz page links to
    }
    result = build_guide_pages(site, pages)
    html = result.page("guide/quizzes/index.html")
    assert html.count('class="lms-quiz"') == 1 and "lms-quiz-invalid" not in html, "only the demo is a live quiz"
    assert 'data-lms-quiz="guide-demo-first-words"' in html
    assert "/// quiz | Tom has just lost a large deal." in html, "the examples stay examples"
