"""Every /// task rule, each with the exact ``path:line: message (hint)`` the
trainer sees, from the real ``course check --no-build`` on a throwaway course;
a built page shows a valid task as a form and a faulty one as an error box,
never as text."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from support.sites import module_page

RUBRIC = "| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Specific | Vague | Names the behaviour |\n| Timely | Late | Same day |\n"
VALID = (
    "/// task | Write it\n    id: t-one\n\nWrite a message.\n\n" + RUBRIC + "\nModel answer:\n\nA good message.\n///\n"
)


def task(
    options: str = "    id: t-one\n", prompt: str = "Write a message.\n\n", rubric: str = RUBRIC, after: str = ""
) -> str:
    return f"/// task | Write it\n{options}\n{prompt}{rubric}{after}///\n"


# (name, page text of docs/practice.md (no front matter: its lines are these), expected problems)
CASES = [
    ("valid task", VALID, []),
    ("valid task without a model answer", task(), []),
    (
        "missing id",
        task(options=""),
        ['docs/practice.md:1: task has no id (add an indented line "id: <topic>" right under the /// task line)'],
    ),
    (
        "malformed id",
        task(options="    id: Write It\n"),
        [
            "docs/practice.md:2: task id 'Write It' is not a slug (use lower-case letters, digits and single hyphens, e.g. id: recognition-message)"
        ],
    ),
    (
        "empty id",
        task(options="    id:\n"),
        ["docs/practice.md:2: task id is empty (write id: followed by a slug, e.g. id: recognition-message)"],
    ),
    (
        "unknown option",
        task(options="    id: t-one\n    colour: red\n"),
        ["docs/practice.md:3: unknown task option 'colour' (the only task option is id)"],
    ),
    (
        "mistyped option",
        task(options="    idd: t-one\n"),
        [
            "docs/practice.md:2: unknown task option 'idd' (did you mean 'id'?)",
            'docs/practice.md:1: task has no id (add an indented line "id: <topic>" right under the /// task line)',
        ],
    ),
    (
        "option given twice",
        task(options="    id: t-one\n    id: t-two\n"),
        [
            "docs/practice.md:3: task option 'id' is given twice (first on line 2) (remove one of them; YAML would silently keep only the last)"
        ],
    ),
    (
        "bad YAML in options",
        task(options="    id: [t-one\n"),
        [
            "docs/practice.md:2: task options are not valid YAML: did not find expected ',' or ']' (write one \"key: value\" per line, indented 4 spaces under the /// task line)"
        ],
    ),
    (
        "id used twice",
        task() + "\n" + task().replace("Write it", "Again"),
        [
            "docs/practice.md:13: task id 't-one' is already used at docs/practice.md:2 (give every task and quiz its own id; keep the published one and rename the newer)"
        ],
    ),
    (
        "id of a quiz",
        "/// quiz | Which?\n    id: t-one\n\n- [ ] a\n- [x] b\n///\n\n" + task(),
        [
            "docs/practice.md:9: task id 't-one' is already used at docs/practice.md:2 (give every task and quiz its own id; keep the published one and rename the newer)"
        ],
    ),
    (
        "no title",
        "/// task\n    id: t-one\n\nWrite.\n\n" + RUBRIC + "///\n",
        [
            "docs/practice.md:1: task has no title (write the title after the bar: /// task | Write a recognition message)"
        ],
    ),
    (
        "no prompt",
        task(prompt=""),
        ["docs/practice.md:1: task has no prompt (write what the learner should do before the rubric table)"],
    ),
    (
        "no rubric",
        task(rubric=""),
        [
            "docs/practice.md:1: task has no rubric (write the rubric as a Markdown table: | Criterion | Level 1 | Level 2 |, then | --- | --- | --- |, then one row per criterion)"
        ],
    ),
    (
        "one criterion",
        task(rubric="| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Specific | Vague | Named |\n"),
        [
            "docs/practice.md:6: rubric has 1 criterion row(s); it needs at least 2 (add a row for each criterion you will score)"
        ],
    ),
    (
        "one level",
        task(rubric="| Criterion | Strong |\n| --- | --- |\n| Specific | Named |\n| Timely | Same day |\n"),
        [
            "docs/practice.md:6: rubric has 1 level(s); it needs at least 2 (add a column for each level, lowest first, e.g. | Criterion | Developing | Strong |)"
        ],
    ),
    (
        "a row without a level",
        task(
            rubric="| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Specific | Vague | Named |\n| Timely | Late |\n"
        ),
        [
            "docs/practice.md:9: rubric row 'Timely' has 1 descriptor(s) but the rubric has 2 levels (give every criterion one cell per level, in the order of the column headings)"
        ],
    ),
    (
        "an empty descriptor",
        task(
            rubric="| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Specific | | Named |\n| Timely | Late | Same day |\n"
        ),
        [
            "docs/practice.md:8: rubric row 'Specific' has an empty descriptor (describe what each level looks like for this criterion)"
        ],
    ),
    (
        "a criterion twice",
        task(
            rubric="| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Specific | Vague | Named |\n| specific | Late | Same day |\n"
        ),
        [
            "docs/practice.md:9: rubric criterion 'specific' is given twice (first on line 8) (give every criterion its own name)"
        ],
    ),
    (
        "no separator row",
        task(
            rubric="| Criterion | Developing | Strong |\n| Specific | Vague | Named |\n| Timely | Late | Same day |\n"
        ),
        [
            "docs/practice.md:6: rubric table has no separator row under its first row (write the rubric as a Markdown table: | Criterion | Level 1 | Level 2 |, then | --- | --- | --- |, then one row per criterion)"
        ],
    ),
    (
        "text after the rubric",
        task(after="\nA stray line.\n"),
        [
            'docs/practice.md:11: text after the rubric (put it in the prompt, or after a line "Model answer:" if it is the model answer)'
        ],
    ),
    (
        "empty model answer",
        task(after="\nModel answer:\n\n"),
        [
            'docs/practice.md:11: model answer is empty (write the model answer after the "Model answer:" line, or remove the line)'
        ],
    ),
    (
        "never closed",
        task()[: -len("///\n")],
        ["docs/practice.md:1: task is never closed (add a line with just /// after the rubric or the model answer)"],
    ),
    (
        "indented",
        "!!! note\n\n    /// task | Write it\n        id: t-one\n",
        [
            "docs/practice.md:3: task block is indented, so it would not be shown as a task (start /// task at the left margin; a task cannot sit inside an admonition, list or tab)"
        ],
    ),
]


def _check(site, text: str):
    site.write("docs/index.md", "# Home\n")
    site.module("01-intro.md", module_page())
    site.write("docs/practice.md", text, dedent=False)
    return site.check("--no-build")


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_task_rule_reports_exact_line_and_message(site, name, text, expected):
    status, lines = _check(site, text)
    assert sorted(lines) == sorted(expected)
    assert status == (1 if expected else 0)


def test_a_module_page_task_reports_file_lines_after_its_front_matter(site):
    site.write("docs/index.md", "# Home\n")
    front = module_page("intro", body="")
    offset = front.count("\n")
    site.module(
        "01-intro.md",
        front + task(rubric="| Criterion | Developing | Strong |\n| --- | --- | --- |\n| Specific | Vague | Named |\n"),
    )
    status, lines = site.check("--no-build")
    assert lines == [
        f"docs/modules/01-intro.md:{offset + 6}: rubric has 1 criterion row(s); it needs at least 2 (add a row for each criterion you will score)"
    ]
    assert status == 1


def test_the_build_renders_a_task_as_a_form_and_refuses_a_faulty_one(site):
    site.write("docs/index.md", "# Home\n")
    site.module(
        "01-intro.md",
        module_page(
            body="Intro.\n\n" + VALID.replace("Write a message.", "Write a <script>alert(1)</script> message.")
        ),
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    tree = LexborHTMLParser(result.page("modules/01-intro/index.html"))
    form = tree.css_first("form[data-lms-task='t-one']")
    assert form is not None and "/// task" not in tree.body.text()
    assert [n.text() for n in form.css("fieldset legend")] == ["Specific", "Timely"]
    assert [n.text() for n in form.css("fieldset")[0].css("label strong")] == ["Developing", "Strong"]
    assert form.css_first("label[for='lms-task-t-one-response']").text() == "Your response"
    assert form.css_first("textarea").attributes["maxlength"] == "10000"
    assert form.css_first("details[data-lms-task-model] summary").text() == "Model answer"
    assert not form.css("script") and "<script>alert(1)</script>" in form.css_first(".lms-task__prompt").text()
    site.write("docs/modules/01-intro.md", module_page(body=task(rubric="")), dedent=False)
    broken = site.build("--strict")
    assert broken.returncode == 1
    assert "docs/modules/01-intro.md:" in broken.output and "task has no rubric" in broken.output
