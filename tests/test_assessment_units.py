"""The graded assessment's pure code, run in the browser engine the learner
uses: the seeded draw (assessment/draw.js), attempts in the progress record
(assessment/attempts.js through progress/record.js: validation, migration of
records without attempts, merge, reset) and what counts for completion and
the completion code."""

from __future__ import annotations

import pytest

from support.esmodules import module_runner
from support.progress import record  # a valid record of the version before attempts existed

POOL = [
    {
        "id": f"{module}-{n}",
        "module": module,
        "choices": ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd"],
        "keepOrder": n == 1,
    }
    for module in ("alpha", "beta", "gamma")
    for n in range(1, 4)
]
EXAM = {"attempts": 3, "questions": 4, "record": "best"}
COURSE = {
    "title": "Course",
    "modules": [
        {"id": "a", "title": "A", "url": "a/", "duration": 10, "pass_mark": 50, "quizzes": [], "readings": []},
        {
            "id": "exam",
            "title": "Exam",
            "url": "exam/",
            "duration": 10,
            "pass_mark": 80,
            "quizzes": [],
            "readings": [],
            "assessment": EXAM,
        },
    ],
    "pages": {},
}
DAY = 1_796_000_000_000


def attempt(started: int, score: int | None = None, seed: int = 7, **extra) -> dict:
    entry = {"seed": seed, "started": started, "at": started, "answers": {"q-1": ["aaaaaaaa"]}}
    if score is not None:
        entry.update(submitted=started + 1000, at=started + 1000, score=score, passed=score >= 80)
    return {**entry, **extra}


@pytest.fixture(scope="module")
def js(browser):
    imports = (
        "window.R = {...await import('./record.js'), ...await import('./code.js'),"
        " ...await import('../assessment/draw.js'), ...await import('../assessment/attempts.js')};"
    )
    with module_runner(browser, "assets/lms/progress/", imports, "R = window.R") as run:
        yield run


def draw(js, seed: int, count: int = 6, per_module: int = 0):
    return js(
        "return R.drawAttempt(pool, { count, perModule, seed });",
        pool=POOL,
        count=count,
        perModule=per_module,
        seed=seed,
    )


def test_the_same_seed_always_gives_the_same_draw(js):
    assert draw(js, 12345) == draw(js, 12345)
    assert draw(js, 12345) != draw(js, 12346)


def test_a_draw_has_the_count_asked_distinct_questions_and_shuffled_choices(js):
    for seed in range(20):
        drawn = draw(js, seed)
        assert len(drawn) == 6 and len({q["id"] for q in drawn}) == 6
        for question in drawn:
            assert sorted(question["choices"]) == POOL[0]["choices"]
            if question["id"].endswith("-1"):  # keep_order
                assert question["choices"] == POOL[0]["choices"]
    orders = {tuple(q["choices"]) for seed in range(20) for q in draw(js, seed) if not q["id"].endswith("-1")}
    assert len(orders) > 5


def test_draws_cover_the_whole_pool_in_varied_orders(js):
    seen, firsts = set(), set()
    for seed in range(60):
        drawn = draw(js, seed, count=3)
        seen |= {q["id"] for q in drawn}
        firsts.add(drawn[0]["id"])
    assert seen == {q["id"] for q in POOL}
    assert len(firsts) >= 6


def test_every_draw_meets_the_per_module_minimum(js):
    for seed in range(200):
        modules = [q["id"].split("-")[0] for q in draw(js, seed * 7919, count=6, per_module=2)]
        assert all(modules.count(m) == 2 for m in ("alpha", "beta", "gamma")), modules
        modules = [q["id"].split("-")[0] for q in draw(js, seed, count=4, per_module=1)]
        assert all(modules.count(m) >= 1 for m in ("alpha", "beta", "gamma")), modules


def test_a_record_without_attempts_loads_as_before(js):
    result = js("const c = R.clean(raw); return [c.problems, 'attempts' in c.record];", raw=record())
    assert result == [[], False]
    v0 = {"visited": ["a"], "completed": ["a"], "quizzes": {"a-1": True}, "read": [], "lastPage": "a"}
    result = js("const c = R.clean(raw, 5); return [c.problems, c.migrated, c.record.attempts ?? null];", raw=v0)
    assert result == [[], True, None]


def test_valid_attempts_are_kept_and_invalid_ones_reported(js):
    good = record(attempts={"exam": [attempt(DAY, 90), attempt(DAY + 5000)]})
    assert js("const c = R.clean(raw); return [c.problems, c.record.attempts];", raw=good) == [[], good["attempts"]]
    for bad in (
        {"exam": "no"},
        {"exam": [attempt(DAY, 90, passed="yes")]},
        {"exam": [attempt(DAY, 101)]},
        {"exam": [{**attempt(DAY), "score": 50}]},  # a score without a submission
        {"exam": [attempt(DAY, seed=-1)]},
        {"exam": [attempt(DAY, answers={"q": ["<script>"]})]},
        {"exam": [attempt(DAY, extra=1)]},
        {"exam": [attempt(DAY + n) for n in range(21)]},
        {"Not An Id": [attempt(DAY)]},
    ):
        problems = js("return R.clean(raw).problems;", raw=record(attempts=bad))
        assert problems and "attempts of" in problems[0], bad
    assert js("return R.clean(raw).problems;", raw=record(attempts=[1])) == ["attempts is not a list of assessments"]


def test_two_tabs_attempts_merge_and_the_first_submission_counts(js):
    open_here = record(attempts={"exam": [attempt(DAY)]})
    submitted_there = record(attempts={"exam": [attempt(DAY, 60)]})
    later_submission = record(attempts={"exam": [{**attempt(DAY, 95), "submitted": DAY + 9000, "at": DAY + 9000}]})
    new_there = record(attempts={"exam": [attempt(DAY, 60), attempt(DAY + 50_000, seed=9)]})
    merged = js(
        "const c = (r) => R.clean(r).record;"
        "return [R.merge(c(a), c(b)).attempts, R.merge(c(b), c(a)).attempts, R.merge(c(b), c(l)).attempts, R.merge(c(a), c(n)).attempts];",
        a=open_here,
        b=submitted_there,
        l=later_submission,
        n=new_there,
    )
    assert merged[0] == merged[1] == submitted_there["attempts"]
    assert merged[2] == submitted_there["attempts"]  # the first submission stands
    assert merged[3] == new_there["attempts"]


def test_a_reset_clears_the_attempts_made_before_it(js):
    before = record(attempts={"exam": [attempt(DAY, 40), attempt(DAY + 10_000, 50)]})
    reset = record(epoch=DAY + 5000)
    result = js("const c = (r) => R.clean(r).record; return R.merge(c(a), c(b)).attempts;", a=before, b=reset)
    assert result == {"exam": [attempt(DAY + 10_000, 50)]}


def test_a_graded_module_is_complete_only_by_a_passing_recorded_attempt(js):
    body = "const r = R.clean(raw).record; const s = R.moduleState(r, course.modules[1]); return [s.complete, s.score, s.graded?.number ?? null];"
    old = record(completed={"exam": {"done": True, "at": DAY}})  # marked complete before it was graded
    assert js(body, raw=old, course=COURSE) == [False, None, None]
    failed_then_passed = record(
        attempts={"exam": [attempt(DAY, 60), attempt(DAY + 10_000, 85, seed=8), attempt(DAY + 20_000, 81, seed=9)]}
    )
    assert js(body, raw=failed_then_passed, course=COURSE) == [True, 85, 2]
    last = {
        **COURSE,
        "modules": [COURSE["modules"][0], {**COURSE["modules"][1], "assessment": {**EXAM, "record": "last"}}],
    }
    assert js(body, raw=failed_then_passed, course=last) == [True, 81, 3]
    exhausted = record(attempts={"exam": [attempt(DAY + n * 10_000, 50, seed=n) for n in range(3)]})
    assert js(body, raw=exhausted, course=COURSE) == [False, 50, 1]


def test_completion_and_its_code_follow_the_recorded_attempt(js):
    body = (
        "const r = R.clean(raw).record; r.completed.a = { done: true, at: 5 };"
        "return [R.completedAt(r, course), await R.completionCode(r, course), R.describe(R.recorded(r.attempts.exam, 'best'), 3)];"
    )
    one = record(attempts={"exam": [attempt(DAY, 90)]})
    two = record(attempts={"exam": [attempt(DAY, 70), attempt(DAY + 10_000, 90, seed=8)]})
    first, second = js(body, raw=one, course=COURSE), js(body, raw=two, course=COURSE)
    assert first[0] == DAY + 1000 and second[0] == DAY + 11_000
    assert first[1] != second[1]  # same score, another attempt: another code
    assert first[2] == "Attempt 1 of 3, 90%, 30 Nov 2026"
