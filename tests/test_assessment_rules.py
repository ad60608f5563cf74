"""Every build rule of graded assessments, each at its ``path:line`` with the
message and hint the trainer sees, from the real ``course check``."""

from __future__ import annotations

import pytest

from support.sites import module_page

OBJECTIVES = "    - Explain the idea\n    - Choose a first step\n    - Plan a conversation\n"


def exam_page(assessment: str, questions: str, pass_mark: str = "80") -> str:
    """A graded module page whose front matter lines are known: line 9 is
    ``assessment:``, its keys follow from line 10."""
    return (
        "---\ntitle: Exam\ndescription: The exam.\nmodule:\n  id: exam\n  duration: 30\n  level: foundation\n"
        f"  pass_mark: {pass_mark}\n  assessment:\n{assessment}  objectives:\n{OBJECTIVES}---\n\n{questions}"
    )


def question(quiz_id: str, tests: str | None = "alpha", extra: str = "") -> str:
    tag = f"    module: {tests}\n" if tests else ""
    return f"/// quiz | {quiz_id}?\n    id: {quiz_id}\n    objective: [1, 2, 3]\n{tag}{extra}\n- [ ] Wrong\n- [x] Right\n///\n\n"


def check(site, exam: str, *, alpha_body: str = "Text.\n") -> list[str]:
    site.module("01-alpha.md", module_page("alpha", title="Alpha", body=alpha_body))
    site.module("02-beta.md", module_page("beta", title="Beta"))
    site.module("03-exam.md", exam)
    _status, lines = site.check("--no-build")
    return [line for line in lines if "03-exam" in line or "01-alpha" in line]


THREE = question("exam-1") + question("exam-2") + question("exam-3", "beta")

CASES = [
    ("valid", "    attempts: 3\n    draw: 2\n", THREE, "80", []),
    (
        "unknown key",
        "    attempts: 3\n    shuffle_all: true\n",
        THREE,
        "80",
        [
            "docs/modules/03-exam.md:11: unknown key 'shuffle_all' in assessment (known keys: attempts, draw, per_module, review, record)"
        ],
    ),
    (
        "attempts below 1",
        "    attempts: 0\n",
        THREE,
        "80",
        [
            "docs/modules/03-exam.md:10: assessment 'attempts' must be a whole number from 1 to 20 (attempts a learner has), not 0 (e.g. attempts: 3)"
        ],
    ),
    (
        "unknown review policy",
        "    review: at-the-end\n",
        THREE,
        "80",
        [
            "docs/modules/03-exam.md:10: assessment 'review' must be one of after-each-attempt, after-pass, after-last-attempt, never, not 'at-the-end' (e.g. review: after-each-attempt)"
        ],
    ),
    (
        "unknown record rule",
        "    record: first\n",
        THREE,
        "80",
        [
            "docs/modules/03-exam.md:10: assessment 'record' must be one of best, last, not 'first' (record: best keeps the best attempt, record: last the latest)"
        ],
    ),
    (
        "pass mark 0",
        "    attempts: 2\n",
        THREE,
        "0",
        [
            "docs/modules/03-exam.md:8: a graded assessment's 'pass_mark' must be from 1 to 100, not 0 (e.g. pass_mark: 80)"
        ],
    ),
    (
        "pass mark over 100",
        "    attempts: 2\n",
        THREE,
        "120",
        [
            "docs/modules/03-exam.md:8: 'pass_mark' must be a whole percentage from 0 to 100, not 120 (give a percentage, e.g. pass_mark: 80)"
        ],
    ),
    (
        "draw larger than the pool",
        "    draw: 5\n",
        THREE,
        "80",
        [
            "docs/modules/03-exam.md:10: assessment draws 5 questions but its pool has only 3 (add questions to the page or lower draw to at most 3)"
        ],
    ),
    (
        "per-module minimum a module cannot meet",
        "    draw: 3\n    per_module: 2\n",
        THREE,
        "80",
        [
            "docs/modules/03-exam.md:11: per_module asks for 2 questions on module 'beta' but the pool has only 1 (add questions with module: beta, or lower per_module to 1)"
        ],
    ),
    (
        "per-module minimums larger than the draw",
        "    draw: 2\n    per_module: 2\n",
        question("exam-1") + question("exam-2") + question("exam-3", "beta") + question("exam-4", "beta"),
        "80",
        [
            "docs/modules/03-exam.md:11: per_module 2 for 2 modules needs 4 questions but an attempt draws 2 (raise draw to at least 4 or lower per_module)"
        ],
    ),
    (
        "per_module with an untagged question",
        "    per_module: 1\n",
        question("exam-1") + question("exam-2", None),
        "80",
        [
            "docs/modules/03-exam.md:26: question 'exam-2' has no 'module:' option, which per_module needs (add module: <id of the module it tests> under the /// quiz line)"
        ],
    ),
    (
        "module option naming no module",
        "    attempts: 2\n",
        question("exam-1", "gamma"),
        "80",
        [
            "docs/modules/03-exam.md:20: quiz option 'module: gamma' is not the id of any module (use the id: of the module the question tests)"
        ],
    ),
]


@pytest.mark.parametrize(("name", "assessment", "questions", "pass_mark", "expected"), CASES, ids=[c[0] for c in CASES])
def test_assessment_rule_at_its_line(site, name, assessment, questions, pass_mark, expected):
    assert check(site, exam_page(assessment, questions, pass_mark)) == expected


def test_graded_question_id_also_in_a_knowledge_check(site):
    alpha = question("exam-1", None)
    lines = check(site, exam_page("    attempts: 2\n", question("exam-1")), alpha_body=alpha)
    assert lines == [
        "docs/modules/03-exam.md:18: quiz id 'exam-1' is used both in a knowledge check and in a graded assessment's "
        "pool (also at docs/modules/01-alpha.md:13) (a graded question must not appear in a knowledge check: give it its own id and wording)"
    ]


def test_graded_only_options_on_a_knowledge_check(site):
    alpha = question("alpha-1", "alpha", extra="    keep_order: true\n")
    lines = check(site, exam_page("    attempts: 2\n", question("exam-1")), alpha_body=alpha)
    assert lines == [
        "docs/modules/01-alpha.md:15: quiz option 'module' is only allowed in a graded assessment (remove it, or move the question to a page whose module: has an assessment:)",
        "docs/modules/01-alpha.md:16: quiz option 'keep_order' is only allowed in a graded assessment (remove it, or move the question to a page whose module: has an assessment:)",
    ]


def test_every_problem_is_reported_at_once(site):
    lines = check(site, exam_page("    attempts: 0\n    review: later\n    colour: red\n", THREE))
    assert [line.split(": ")[0] for line in lines] == [
        "docs/modules/03-exam.md:10",
        "docs/modules/03-exam.md:11",
        "docs/modules/03-exam.md:12",
    ]
