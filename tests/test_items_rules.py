"""Every item-writing rule, failing and passing, at the exact line that
``course check --no-build --items`` names, on a throwaway course.

Each case is (rule, flawed page body, text on the reported line, better
page body): the flawed body must give exactly one problem of the rule, at
the line holding that text; the better one none of that rule.
"""

from __future__ import annotations

import pytest

from support.sites import module_page

PAGE = "docs/modules/01-intro.md"
_counter = iter(range(10_000))


def quiz(question: str, *options: str, extra: str = "") -> str:
    """A quiz block; an option starting with "x " is a correct one."""
    lines = [f"/// quiz | {question}", f"    id: intro-q{next(_counter)}", "    objective: [1, 2, 3]"]
    lines += [f"    {line}" for line in extra.splitlines()]
    lines.append("")
    lines += [f"- [x] {o[2:]}" if o.startswith("x ") else f"- [ ] {o}" for o in options]
    return "\n".join(lines) + "\n///\n\n"


def page(*quizzes: str) -> str:
    return "Some text.\n\n" + "".join(quizzes)


Q_TOM = "Your best rep Tom has missed target two months running. What is your first move?"
BALANCED = [  # four single-answer questions: correct option 1st..4th by position and by length
    quiz("Which first step suits Tom?", "x Ask Tom", "Check his calls", "Review his whole pipeline", "Move it"),
    quiz(
        "Which reply helps Elena?",
        "Praise her",
        "x Name one thing she did",
        "Say well done",
        "Ask her to repeat it again",
    ),
    quiz("Which goal fits Marcus?", "Sell more", "Learn the whole product line", "x Ten calls a week", "Close one"),
    quiz("Which habit builds trust?", "Shouting", "Blame the rep", "Hide the forecast", "x Admit your errors"),
]
# The hint-cue case's question: only its hint differs between the flawed and better page.
AISHA = ("What helps Aisha?", "A course", "x Pair her with an engineer", "A lower target")

CASES = [
    (
        "length-cue",
        page(
            quiz(
                "What do you do first?",
                "Discount it",
                "x Ask what the buyer said at the last meeting and why",
                "Drop it",
            )
        ),
        "- [x] Ask what the buyer said",
        page(
            quiz(
                "What do you do first?",
                "Offer a discount to close",
                "x Ask what the buyer said",
                "Drop it from the forecast",
            )
        ),
    ),
    (
        "absolute-terms",
        page(quiz("What does recognition do?", "x Raises effort", "Always replaces pay", "Works for juniors")),
        "- [ ] Always replaces pay",
        page(quiz("What does recognition do?", "x Raises effort", "Replaces pay rises", "Works for juniors")),
    ),
    (
        "vague-terms",
        page(quiz("What does a hard goal do?", "x It often raises effort", "It removes feedback", "It sets the price")),
        "- [x] It often raises effort",
        page(quiz("What does a hard goal do?", "x It raises effort", "It removes feedback", "It sets the price")),
    ),
    (
        "all-of-the-above",
        page(quiz("Which help a new rep?", "Shadowing", "A 30-day plan", "x All of the above")),
        "- [x] All of the above",
        page(quiz("Which help a new rep?", "x Shadowing", "x A 30-day plan", "A car", extra="multiple: true")),
    ),
    (
        "none-of-the-above",
        page(quiz("Which study shows fear works?", "Edmondson", "Kram", "x None of the above")),
        "- [x] None of the above",
        page(quiz("Which study found teams that admit errors learn?", "x Edmondson", "Kram", "Kotter")),
    ),
    (
        "negative-stem",
        page(quiz("Which is not a career function?", "Sponsorship", "x Friendship", "Protection")),
        "/// quiz | Which is not a career function?",
        page(quiz("Which is **not** a career function?", "Sponsorship", "x Friendship", "Protection")),
    ),
    (
        "hint-cue",
        page(quiz(*AISHA, extra="hint: Pair her with an engineer.")),
        "    hint: Pair her with an engineer.",
        page(quiz(*AISHA, extra="hint: Who knows the product best?")),
    ),
    (
        "word-repeat",
        page(
            quiz(
                "What is a coaching conversation for?",
                "Checking numbers",
                "x Focused coaching on one skill",
                "Career plans",
            )
        ),
        "- [x] Focused coaching on one skill",
        page(quiz("What is a coaching conversation for?", "Checking numbers", "x Improving one skill", "Career plans")),
    ),
    (
        "grammar-cue",
        page(quiz("The best forecast check is an", "pipeline chart", "x evidence review", "gut feeling")),
        "/// quiz | The best forecast check is an",
        page(quiz("Which forecast check works best?", "A pipeline chart", "x An evidence review", "A gut feeling")),
    ),
    (
        "fill-in-blank",
        page(quiz("Leadership copes with ______.", "budgets", "x change", "targets")),
        "/// quiz | Leadership copes with ______.",
        page(quiz("What does leadership cope with, in Kotter's view?", "Budgets", "x Change", "Targets")),
    ),
    (
        "combined-options",
        page(
            quiz("Which are psychosocial functions?", "A. Sponsorship", "B. Counselling", "x B and C", "C. Friendship")
        ),
        "- [x] B and C",
        page(
            quiz(
                "Which are psychosocial functions?",
                "Sponsorship",
                "x Counselling",
                "x Friendship",
                extra="multiple: true",
            )
        ),
    ),
    (
        "number-order",
        page(quiz("What share of engagement is the manager's?", "30%", "x 70%", "10%")),
        "- [ ] 30%",
        page(quiz("What share of engagement is the manager's?", "10%", "30%", "x 70%")),
    ),
    (
        "unfocused-stem",
        page(quiz("Mentoring", "x Longer-term growth", "This quarter's deals", "A review")),
        "/// quiz | Mentoring",
        page(quiz("What is mentoring aimed at?", "x Longer-term growth", "This quarter's deals", "A review")),
    ),
    (
        "convergence-cue",
        page(
            quiz(
                "Which pair of habits matters most?",
                "x Forecast discipline and team coaching",
                "Forecast discipline and cold calls",
                "Team coaching and expenses",
                "Travel and golf",
            )
        ),
        "- [x] Forecast discipline and team coaching",
        page(
            quiz(
                "Which habit matters most?",
                "x Coaching the team weekly",
                "Forecast reviews alone",
                "Cold calls",
                "Travel plans",
            )
        ),
    ),
    (
        "length-rank",
        page(
            *[
                quiz(
                    f"Which step fits case {n}?",
                    "Wait",
                    f"x Ask the rep about case {n}",
                    "Talk to the rep about the whole account",
                )
                for n in range(6)
            ]
        ),
        "/// quiz | Which step fits case 0?",
        page(*BALANCED),
    ),
    (
        "position-balance",
        page(
            *[
                quiz(f"Which step fits case {n}?", f"x Ask about case {n}", "Wait it out", "Escalate", "Drop it")
                for n in range(7)
            ]
        ),
        "/// quiz | Which step fits case 0?",
        page(*BALANCED),
    ),
    (
        "true-false-share",
        page(*BALANCED, quiz("True or false: Kram interviewed mentors.", "x True", "False")),
        "/// quiz | True or false: Kram interviewed mentors.",
        page(
            *BALANCED, *BALANCED[:2], *BALANCED[:3], quiz("True or false: Kram interviewed mentors.", "x True", "False")
        ),
    ),
    (
        "near-duplicate",
        page(
            quiz(Q_TOM, "Plan", "x Ask him, one to one, what has changed in his accounts", "Reassign"),
            quiz(
                "Tom, your best rep, has missed his target two months running. What should you do first?",
                "Warn him",
                "x Ask him one to one what changed in his accounts",
                "Wait",
            ),
        ),
        "/// quiz | Tom, your best rep, has missed his target two months running.",
        page(
            quiz(Q_TOM, "Plan", "x Ask him, one to one, what has changed in his accounts", "Reassign"),
            quiz("Tom wants a mentor for his accounts. Which agreement do you make first?", "None", "x Goals", "Pay"),
        ),
    ),
]


def _check(site, body: str, pages: dict[str, str] | None = None) -> list[str]:
    site.module("01-intro.md", module_page("intro", body=body))
    for name, text in (pages or {}).items():
        site.module(name, text)
    _, lines = site.check("--no-build", "--items")
    assert all("Traceback" not in line for line in lines)
    return lines


def _line_of(text: str, marker: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith(marker))


@pytest.mark.parametrize("rule, flawed, at, better", CASES, ids=[c[0] for c in CASES])
def test_rule_fails_at_the_exact_line(site, rule, flawed, at, better):
    lines = [line for line in _check(site, flawed) if line.endswith(")") and f"[{rule}] (" in line]
    line = _line_of(module_page("intro", body=flawed), at)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{PAGE}:{line}: "), lines


@pytest.mark.parametrize("rule, flawed, at, better", CASES, ids=[c[0] for c in CASES])
def test_rule_passes_the_better_question(site, rule, flawed, at, better):
    assert [line for line in _check(site, better) if f"[{rule}]" in line] == []


def test_every_rule_has_a_case():
    from coursesite.items.rules import RULES

    assert {c[0] for c in CASES} | {"pool-copy"} == set(RULES)


def test_same_question_in_a_knowledge_check_and_the_graded_pool_names_both(site):
    question = "Tom has missed target twice. What is your first move with him?"
    final = module_page(
        "final-assessment",
        title="Final assessment",
        body=page(quiz(question, "Warn him", "x Ask what changed", "Wait")),
        prerequisites=["intro"],
    )
    lines = _check(site, page(quiz(question, "Plan", "x Ask what changed", "Reassign")), {"02-final.md": final})
    copies = [line for line in lines if "[pool-copy]" in line]
    first, second = _line_of(module_page("intro", body=page(quiz(question))), "/// quiz"), _line_of(final, "/// quiz")
    assert copies == [
        f"docs/modules/02-final.md:{second}: the same question is in a knowledge check and a graded pool: "
        f"{PAGE}:{first} and docs/modules/02-final.md:{second} [pool-copy] (write a new question for the graded pool: "
        "a learner who saw the knowledge check knows this answer; or, if it is deliberate, add allow: [pool-copy] to "
        "the quiz options with a comment saying why)"
    ]


def test_a_page_whose_module_has_assessment_is_a_graded_pool(site):
    """The key graded assessments add to a module's front matter, whatever its id."""
    question = "Tom has missed target twice. What is your first move with him?"
    pool = module_page(
        "module-check",
        title="Module check",
        body=page(quiz(question, "Warn him", "x Ask what changed", "Wait")),
        assessment={"draw": 1},
    )
    lines = _check(site, page(quiz(question, "Plan", "x Ask what changed", "Reassign")), {"02-check.md": pool})
    assert [line.split(": ", 1)[0] for line in lines if "[pool-copy]" in line] == [
        f"docs/modules/02-check.md:{_line_of(pool, '/// quiz')}"
    ]


def test_allow_switches_a_rule_off_for_one_question(site):
    flawed = quiz(
        "What do you do first?", "Discount it", "x Ask what the buyer said at the last meeting and why", "Drop it"
    )
    allowed = flawed.replace(
        "    objective: [1, 2, 3]\n",
        "    objective: [1, 2, 3]\n    allow: [length-cue]  # the key must quote the method\n",
    )
    assert [line for line in _check(site, page(allowed)) if "[length-cue]" in line] == []


def test_allow_naming_an_unknown_rule_is_an_error_at_its_line(site):
    body = page(quiz("What do you do first?", "Wait", "x Ask", extra="allow: [lenght-cue]"))
    lines = _check(site, body)
    line = _line_of(module_page("intro", body=body), "    allow:")
    assert (
        f"{PAGE}:{line}: quiz option 'allow' names an unknown rule 'lenght-cue' (did you mean 'length-cue'?)" in lines
    )
    status, plain = site.check("--no-build")
    assert (
        status == 1
        and f"{PAGE}:{line}: quiz option 'allow' names an unknown rule 'lenght-cue' (did you mean 'length-cue'?)"
        in plain
    )


def test_allow_leaves_a_question_out_of_its_page_rule(site):
    """Six questions whose key is the second-longest break length-rank; allowed on every one, they no longer count."""
    quizzes = [
        quiz(
            f"Which step fits case {n}?",
            "Wait",
            f"x Ask the rep about case {n}",
            "Talk to the rep about the whole account",
        )
        for n in range(6)
    ]
    assert [line for line in _check(site, page(*quizzes)) if "[length-rank]" in line]
    allowed = [
        q.replace("    objective: [1, 2, 3]\n", "    objective: [1, 2, 3]\n    allow: [length-rank]\n") for q in quizzes
    ]
    site.module("01-intro.md", module_page("intro", body=page(*allowed)))
    _, lines = site.check("--no-build", "--items")
    assert [line for line in lines if "[length-rank]" in line] == []


def test_a_new_question_in_the_graded_pool_is_no_copy(site):
    pool = module_page(
        "module-check",
        title="Module check",
        body=page(quiz("Elena asks for a mentor. What do you agree first?", "Pay", "x Goals and cadence", "Nothing")),
        assessment={"draw": 1},
    )
    lines = _check(site, page(quiz(Q_TOM, "Plan", "x Ask what changed", "Reassign")), {"02-check.md": pool})
    assert [line for line in lines if "[pool-copy]" in line or "[near-duplicate]" in line] == []
