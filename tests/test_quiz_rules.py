"""Every quiz rule of the trainer guide (docs/guide/quizzes.md) (and the agreed `objective` option),
each with the exact ``path:line: message (hint)`` the trainer sees.

The table runs the real ``course check --no-build`` on a throwaway course; a
property-based test feeds random block bodies to the parser and the Markdown
extension and asserts they always give a quiz or a clear problem, never an
exception.
"""

from __future__ import annotations

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from coursesite.quiz.leftover_check import leftovers
from coursesite.quiz.options import read_options
from coursesite.quiz.parse import parse_page
from coursesite.source import split_front_matter
from support.sites import module_page

ID_MISSING = 'quiz has no id (add an indented line "id: <module-id>-<topic>" right under the /// quiz line)'
YAML_HINT = '(write one "key: value" per line, indented 4 spaces under the /// quiz line)'
HOW_TO_ADD = '(add choices as "- [ ] text" lines at the left margin, one per choice)'

# (name, page text, expected problems). The page is docs/practice.md, an
# ordinary page without front matter, so its lines are the lines shown here.
CASES = [
    (
        "valid single choice",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n    > Because.\n- [x] Right\n    > Yes.\n\nExplained.\n///\n",
        [],
    ),
    (
        "missing id",
        "/// quiz | Which?\n    hint: Think.\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [f"docs/practice.md:1: {ID_MISSING}"],
    ),
    (
        "no options at all",
        "/// quiz | Which?\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [f"docs/practice.md:1: {ID_MISSING}"],
    ),
    (
        "malformed id",
        "/// quiz | Which?\n    id: First Move\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:2: quiz id 'First Move' is not a slug (use lower-case letters, digits and single hyphens, e.g. id: mentoring-first-move)"
        ],
    ),
    (
        "empty id",
        "/// quiz | Which?\n    id:\n\n- [ ] Wrong\n- [x] Right\n///\n",
        ["docs/practice.md:2: quiz id is empty (write id: followed by a slug, e.g. id: mentoring-first-move)"],
    ),
    (
        "id used twice on a page",
        "/// quiz | One?\n    id: q-one\n\n- [ ] a\n- [x] b\n///\n\n/// quiz | Two?\n    id: q-one\n\n- [ ] c\n- [x] d\n///\n",
        [
            "docs/practice.md:9: quiz id 'q-one' is already used at docs/practice.md:2 (give each quiz its own id; keep the published one and rename the newer quiz)"
        ],
    ),
    (
        "mistyped option",
        "/// quiz | Which?\n    id: q-one\n    shufle: true\n\n- [ ] Wrong\n- [x] Right\n///\n",
        ["docs/practice.md:3: unknown quiz option 'shufle' (did you mean 'shuffle'?)"],
    ),
    (
        "unknown option",
        "/// quiz | Which?\n    id: q-one\n    colour: red\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: unknown quiz option 'colour' (quiz options are id, multiple, shuffle, hint, objective and allow)"
        ],
    ),
    (
        "option of the wrong type",
        "/// quiz | Which?\n    id: q-one\n    multiple: maybe\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz option 'multiple' must be true or false, not 'maybe' (write multiple: true or multiple: false)"
        ],
    ),
    (
        "empty hint",
        "/// quiz | Which?\n    id: q-one\n    hint:\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz option 'hint' must be one line of text (write hint: followed by a short nudge, or remove the line)"
        ],
    ),
    (
        "option given twice",
        "/// quiz | Which?\n    id: q-one\n    id: q-two\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz option 'id' is given twice (first on line 2) (remove one of them; YAML would silently keep only the last)"
        ],
    ),
    (
        "bad YAML",
        "/// quiz | Which?\n    id: [q-one\n    hint: x\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz options are not valid YAML: expected ',' or ']', but got ':' "
            "(check indentation, colons and quotes on this line and the one above)"
        ],
    ),
    (
        "options that are not key: value",
        "/// quiz | Which?\n    just some words\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [f'docs/practice.md:2: quiz options must be "key: value" lines {YAML_HINT}'],
    ),
    (
        "option after a blank line",
        "/// quiz | Which?\n\n    id: q-one\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz option after a blank line (put the options directly under the /// quiz line, with no blank line between)"
        ],
    ),
    (
        "empty question",
        "/// quiz |\n    id: q-one\n\n- [ ] Wrong\n- [x] Right\n///\n",
        ["docs/practice.md:1: quiz has no question (write the question after the bar: /// quiz | What would you do?)"],
    ),
    (
        "question without the bar",
        "/// quiz Which?\n    id: q-one\n\n- [ ] Wrong\n- [x] Right\n///\n",
        ["docs/practice.md:1: the question must come after a bar (write /// quiz | What would you do?)"],
    ),
    (
        "no choices",
        "/// quiz | Which?\n    id: q-one\n\n///\n",
        [f"docs/practice.md:1: quiz has no choices; it needs at least 2 {HOW_TO_ADD}"],
    ),
    (
        "one choice",
        "/// quiz | Which?\n    id: q-one\n\n- [x] Right\n///\n",
        [f"docs/practice.md:4: quiz has only 1 choice; it needs at least 2 {HOW_TO_ADD}"],
    ),
    (
        "no [x]",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n- [ ] Also wrong\n///\n",
        [
            "docs/practice.md:4: no choice is marked [x] (mark the right answer with [x], e.g. - [x] Ask them what has changed)"
        ],
    ),
    (
        "several [x] without multiple",
        "/// quiz | Which?\n    id: q-one\n\n- [x] Right\n- [ ] Wrong\n- [X] Also right\n///\n",
        [
            "docs/practice.md:6: more than one choice is marked [x] in a single-choice quiz (keep one [x], or add multiple: true to the options)"
        ],
    ),
    (
        "every choice [x] in a multiple",
        "/// quiz | Which?\n    id: q-one\n    multiple: true\n\n- [x] Right\n- [x] Also right\n///\n",
        [
            "docs/practice.md:5: every choice is marked [x] (a multiple-choice quiz needs at least one wrong choice, marked [ ])"
        ],
    ),
    (
        "valid multiple",
        "/// quiz | Which?\n    id: q-one\n    multiple: true\n\n- [x] Right\n- [x] Also right\n- [ ] Wrong\n///\n",
        [],
    ),
    (
        "duplicate choice text",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wait  and see\n- [x] Ask\n- [ ] wait and see\n///\n",
        ["docs/practice.md:6: choice repeats the text of the choice on line 4 (make every choice different)"],
    ),
    (
        "empty choice text",
        "/// quiz | Which?\n    id: q-one\n\n- [ ]\n- [x] Ask\n- [ ] Wait\n///\n",
        ["docs/practice.md:4: choice has no text (write the choice after [ ] or [x])"],
    ),
    (
        "feedback before any choice",
        "/// quiz | Which?\n    id: q-one\n\n> Orphan feedback\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            'docs/practice.md:4: feedback line is not under a choice (indent the "> ..." line 4 spaces, directly under the choice it explains)'
        ],
    ),
    (
        "feedback not indented",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n> Not indented\n- [x] Right\n///\n",
        [
            'docs/practice.md:5: feedback line is not under a choice (indent the "> ..." line 4 spaces, directly under the choice it explains)'
        ],
    ),
    (
        "feedback in the explanation",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n- [x] Right\n\nExplained.\n    > Stray feedback\n///\n",
        [
            'docs/practice.md:8: feedback line is not under a choice (indent the "> ..." line 4 spaces, directly under the choice it explains)'
        ],
    ),
    (
        "never closed, last on the page",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n- [x] Right\n\nExplained.\n",
        ["docs/practice.md:1: quiz is never closed (add a line with just /// after the explanation)"],
    ),
    (
        "never closed, another quiz follows",
        "/// quiz | One?\n    id: q-one\n\n- [ ] a\n- [x] b\n\n/// quiz | Two?\n    id: q-two\n\n- [ ] c\n- [x] d\n///\n",
        ["docs/practice.md:1: quiz is never closed (add a line with just /// after the explanation)"],
    ),
    (
        "text before the choices",
        "/// quiz | Which?\n    id: q-one\n\nSome context.\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:4: text before the first choice (put the question after the bar on the /// quiz line and the explanation after the choices)"
        ],
    ),
    (
        "a choice after the explanation",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n- [x] Right\n\nExplained.\n\n- [ ] Late choice\n///\n",
        [
            'docs/practice.md:9: task list item is not part of the choice list (write every choice as "- [ ] text" or "- [x] text" at the left margin, in one list before the explanation)'
        ],
    ),
    (
        "a nested task item",
        "/// quiz | Which?\n    id: q-one\n\n- [ ] Wrong\n    - [x] Nested\n- [x] Right\n///\n",
        [
            'docs/practice.md:5: task list item is not part of the choice list (write every choice as "- [ ] text" or "- [x] text" at the left margin, in one list before the explanation)'
        ],
    ),
    (
        "indented quiz block",
        "!!! note\n\n    /// quiz | Which?\n        id: q-one\n\n    - [ ] Wrong\n    - [x] Right\n    ///\n",
        [
            "docs/practice.md:3: quiz block is indented, so it would not be shown as a quiz (start /// quiz at the left margin; a quiz cannot sit inside an admonition, list or tab)"
        ],
    ),
    (
        "objective on an ordinary page",
        "/// quiz | Which?\n    id: q-one\n    objective: 1\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz option 'objective' is only allowed on a module page (remove it, or move the quiz into a module under docs/modules/)"
        ],
    ),
    (
        "objective that is not a number",
        "/// quiz | Which?\n    id: q-one\n    objective: two\n\n- [ ] Wrong\n- [x] Right\n///\n",
        [
            "docs/practice.md:3: quiz option 'objective' must be a number or a list of numbers, not 'two' (write objective: 2 or objective: [1, 3], counting the module's objectives from 1)"
        ],
    ),
    (
        "examples in a fence are not quizzes",
        "```markdown\n/// quiz | Which?\n- [x] only one\n```\n\n- [ ] a plain checklist elsewhere is not a quiz problem\n",
        [],
    ),
    # Several problems in one block, and in several blocks: all reported at once.
    (
        "combined: one block",
        "/// quiz |\n    id: Bad\n    multple: true\n\n- [x] Same\n- [x] same\n///\n",
        [
            "docs/practice.md:1: quiz has no question (write the question after the bar: /// quiz | What would you do?)",
            "docs/practice.md:2: quiz id 'Bad' is not a slug (use lower-case letters, digits and single hyphens, e.g. id: mentoring-first-move)",
            "docs/practice.md:3: unknown quiz option 'multple' (did you mean 'multiple'?)",
            "docs/practice.md:6: choice repeats the text of the choice on line 5 (make every choice different)",
            "docs/practice.md:6: more than one choice is marked [x] in a single-choice quiz (keep one [x], or add multiple: true to the options)",
        ],
    ),
    (
        "combined: three blocks",
        "/// quiz | One?\n    id: q-one\n\n- [ ] a\n- [ ] b\n///\n\n/// quiz | Two?\n\n- [x] c\n> stray\n///\n\n/// quiz | Three?\n    id: q-three\n\n- [x] d\n",
        [
            "docs/practice.md:4: no choice is marked [x] (mark the right answer with [x], e.g. - [x] Ask them what has changed)",
            f"docs/practice.md:8: {ID_MISSING}",
            'docs/practice.md:11: feedback line is not under a choice (indent the "> ..." line 4 spaces, directly under the choice it explains)',
            f"docs/practice.md:10: quiz has only 1 choice; it needs at least 2 {HOW_TO_ADD}",
            "docs/practice.md:14: quiz is never closed (add a line with just /// after the explanation)",
            f"docs/practice.md:17: quiz has only 1 choice; it needs at least 2 {HOW_TO_ADD}",
        ],
    ),
]


def _course(site, files: dict[str, str]):
    site.write("docs/index.md", "# Home\n")
    site.module("01-intro.md", module_page())
    for path, text in files.items():
        if path.startswith("docs/modules/"):
            site.module(path.removeprefix("docs/modules/"), text)
        else:
            site.write(path, text, dedent=False)
    return site.check("--no-build")


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_quiz_rule_reports_exact_line_and_message(site, name, text, expected):
    status, lines = _course(site, {"docs/practice.md": text})
    assert sorted(lines) == sorted(expected)
    assert status == (1 if expected else 0)


MODULE_FRONT = (
    "---\ntitle: Quizzes\ndescription: A module with quizzes.\nmodule:\n  id: quizzes\n  duration: 10\n"
    "  level: foundation\n  objectives:\n    - Explain the idea\n    - Choose a first step\n    - Plan a conversation\n---\n\n"
)  # 13 lines: the body starts on line 14


def _module_quiz(quiz_id: str, objective: str) -> str:
    option = f"    objective: {objective}\n" if objective else ""
    return f"/// quiz | Which?\n    id: {quiz_id}\n{option}\n- [ ] Wrong\n- [x] Right\n///\n\n"


MODULE_CASES = [
    ("every objective checked", MODULE_FRONT + _module_quiz("m-a", "[1, 2]") + _module_quiz("m-b", "3"), []),
    (
        "objective out of range",
        MODULE_FRONT + _module_quiz("m-a", "[1, 2, 3]") + _module_quiz("m-b", "4"),
        [
            "docs/modules/02-quizzes.md:24: objective 4 is out of range: the module has 3 objectives (use a number from 1 to 3, counting the module's objectives from the top)",
        ],
    ),
    (
        "objective never checked",
        MODULE_FRONT + _module_quiz("m-a", "1") + _module_quiz("m-b", ""),
        [
            "docs/modules/02-quizzes.md:10: objective 2 is not checked by any quiz on this page (add objective: 2 to a quiz that tests it)",
            "docs/modules/02-quizzes.md:11: objective 3 is not checked by any quiz on this page (add objective: 3 to a quiz that tests it)",
        ],
    ),
    ("no quizzes: no objective rule", MODULE_FRONT + "Just text.\n", []),
    (
        "[x] outside a quiz on a module page",
        MODULE_FRONT + _module_quiz("m-a", "[1, 2, 3]") + "Checklist:\n\n- [x] Done\n- [ ] Not yet\n",
        [
            "docs/modules/02-quizzes.md:24: task list item marked [x] outside a quiz (put it inside a /// quiz block, or remove the [x])",
        ],
    ),
    (
        "[x] inside a fence on a module page is fine",
        MODULE_FRONT + _module_quiz("m-a", "[1, 2, 3]") + "```markdown\n- [x] Done\n```\n",
        [],
    ),
]


@pytest.mark.parametrize("name, text, expected", MODULE_CASES, ids=[c[0] for c in MODULE_CASES])
def test_module_page_quiz_rules(site, name, text, expected):
    status, lines = _course(site, {"docs/modules/02-quizzes.md": text})
    assert sorted(lines) == sorted(expected)
    assert status == (1 if expected else 0)


def test_quiz_id_used_on_two_pages_names_both_places(site):
    quiz = "Intro.\n\n/// quiz | Which?\n    id: shared-id\n\n- [ ] Wrong\n- [x] Right\n///\n"
    status, lines = _course(site, {"docs/a.md": quiz, "docs/b.md": "# B\n\n" + quiz})
    assert lines == [
        "docs/b.md:6: quiz id 'shared-id' is already used at docs/a.md:4 (give each quiz its own id; keep the published one and rename the newer quiz)"
    ]
    assert status == 1


# --- property-based: never an exception, always a quiz or a clear problem ---

LINE = st.one_of(
    st.sampled_from(
        [
            "",
            "///",
            "/// quiz",
            "/// quiz | Q?",
            "    id: q-one",
            "    id: Bad Id",
            "    multiple: true",
            "    shuffle: maybe",
            "    hint: [",
            "    objective: [1, x]",
            "- [ ] a",
            "- [x] b",
            "- [X] B",
            "* [ ] c",
            "1. [x] d",
            "    > why",
            "> stray",
            "    - [x] nested",
            "text",
            "```",
            "~~~",
            "    ```",
            "<script>alert(1)</script>",
            "- [ ]",
            "\t> tab",
            "    : x",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
)


def _assert_clear(problems, line_count: int) -> None:
    for problem in problems:
        assert problem.message[:1].islower() and problem.hint, problem
        assert 1 <= problem.line <= line_count, problem


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=14))
def test_random_block_bodies_give_a_quiz_or_a_clear_problem(body):
    text = "/// quiz | Question?\n" + "\n".join(body) + "\n///\n"
    page = parse_page(text, "docs/x.md")
    assert page.blocks, "a /// quiz line always starts a block"
    for block in page.blocks:
        if block.problems:
            _assert_clear(block.problems, text.count("\n") + 1)
        else:  # a usable quiz
            quiz = block.quiz
            assert quiz.id and quiz.question and len(quiz.choices) >= 2 and quiz.correct_choices
    html = markdown.Markdown(extensions=["coursesite.quiz", "pymdownx.superfences", "attr_list", "md_in_html"]).convert(
        text
    )
    quizzes = LexborHTMLParser(html).css(".lms-quiz, .lms-quiz-invalid")
    assert len(quizzes) >= 1
    for quiz in quizzes:
        assert not quiz.css("script"), "quiz text never becomes markup"
        assert not [a for node in quiz.css("*") for a in node.attributes if a.startswith("on")]
    assert "/// quiz" not in leftovers(f"<article>{html}</article>"), "a quiz is never shown as plain text"


# Words YAML 1.1 (PyYAML, MkDocs' front matter) reads as booleans, and some it does not.
WORDS = ["true", "False", "yes", "No", "ON", "off", "y", "n", "1", "0", "maybe", "'yes'"]


@pytest.mark.parametrize("word", WORDS)
def test_a_word_means_the_same_in_quiz_options_and_front_matter(word):
    """One YAML dialect for the course: quiz options are read as front matter is."""
    source = split_front_matter(f"---\nflag: {word}\n---\n", "docs/x.md")
    assert source.problems == []
    front = source.meta["flag"]
    values, _, problems = read_options(f"multiple: {word}", "docs/x.md", 3, 2)
    if isinstance(front, bool):
        assert values == {"multiple": front} and [p.message for p in problems] == ["quiz has no id"]
    else:
        assert "multiple" not in values
        assert [p.message for p in problems] == [
            f"quiz option 'multiple' must be true or false, not {str(front)!r}",
            "quiz has no id",
        ]
    if word.lower() in ("yes", "on"):
        assert front is True, "the trainer guide says yes and on mean true"
