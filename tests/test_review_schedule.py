"""The spaced review schedule's pure functions (docs/assets/lms/review/schedule.js)
with a fake clock, and the record's `review` field (record.js), run in the
browser engine the learner uses: entering a complete module's questions, due
counts as days pass, box moves and their intervals, interleaved sessions."""

from __future__ import annotations

import pytest

from support.esmodules import module_runner

DAY = 86_400_000
T0 = 1_700_000_000_000
COURSE = {
    "modules": [
        {"id": "a", "review": ["a-1", "a-2", "a-3"]},
        {"id": "b", "review": ["b-1", "b-2"]},
        {"id": "exam", "review": []},  # a graded assessment: nothing to review
    ]
}


@pytest.fixture(scope="module")
def js(browser):
    """``js(body, **args)``: run ``body`` with ``S`` = schedule.js and ``R`` = record.js."""
    imports = "window.S = await import('./schedule.js'); window.R = await import('../progress/record.js');"
    with module_runner(browser, "assets/lms/review/", imports, "S = window.S, R = window.R") as run:
        yield run


def record_with(js, completed: list[str], now: int = T0) -> dict:
    return js(
        "const r = R.clean({v: 1, epoch: 0}).record;"
        "for (const id of completed) r.completed[id] = {done: true, at: now};"
        "S.enter(r, course, now); return r;",
        completed=completed,
        course=COURSE,
        now=now,
    )


def test_a_complete_modules_questions_enter_box_1_due_a_day_later(js):
    record = record_with(js, ["a"])
    assert record["review"] == {q: {"box": 1, "due": T0 + DAY, "at": T0} for q in ("a-1", "a-2", "a-3")}
    assert js("return S.waiting(r, course);", r=record, course=COURSE) is False
    assert js("r.completed.b = {done: true, at: 1}; return S.waiting(r, course);", r=record, course=COURSE) is True


def test_entering_again_keeps_the_box_a_question_has_reached(js):
    body = (
        "const r = R.clean({v: 1, epoch: 0, completed: {a: {done: true, at: 1}}}).record;"
        "S.enter(r, course, t0); S.answer(r.review, 'a-1', true, t0 + day);"
        "S.enter(r, course, t0 + 2 * day); return r.review['a-1'];"
    )
    assert js(body, course=COURSE, t0=T0, day=DAY) == {"box": 2, "due": T0 + DAY + 3 * DAY, "at": T0 + DAY}


def test_due_counts_follow_the_clock(js):
    review = record_with(js, ["a", "b"])["review"]
    due = lambda now: js("return S.dueIds(review, now);", review=review, now=now)  # noqa: E731
    assert due(T0) == [] and due(T0 + DAY - 1) == []
    assert len(due(T0 + DAY)) == 5
    assert js("return S.nextDue(review);", review=review) == T0 + DAY
    assert js("return S.nextDue({});") is None


@pytest.mark.parametrize(
    "answers, box, days",
    [
        ([True], 2, 3),
        ([True, True], 3, 7),
        ([True, True, True], 4, 21),
        ([True, True, True, True, True], 4, 21),  # the top box keeps its interval
        ([True, True, False], 1, 1),  # wrong: back to box 1, due tomorrow
        ([False], 1, 1),
        ([True, False, True], 2, 3),
    ],
)
def test_right_moves_up_a_box_and_wrong_back_to_box_1(js, answers, box, days):
    body = (
        "const review = {q: {box: 1, due: t0, at: t0}}; let now = t0;"
        "for (const right of answers) { now = review.q.due; S.answer(review, 'q', right, now); }"
        "return {entry: review.q, now};"
    )
    result = js(body, answers=answers, t0=T0)
    assert result["entry"] == {"box": box, "due": result["now"] + days * DAY, "at": result["now"]}
    assert js("return S.INTERVALS;") == [1, 3, 7, 21]


def test_a_session_interleaves_modules_and_holds_at_most_10(js):
    due = [f"a-{n}" for n in range(1, 9)] + [f"b-{n}" for n in range(1, 9)]
    body = "return S.pick(due, (id) => id.split('-')[0], ['a', 'b']);"
    picked = js(body, due=due)
    assert picked == ["a-1", "b-1", "a-2", "b-2", "a-3", "b-3", "a-4", "b-4", "a-5", "b-5"]
    assert js("return S.pick(['a-1', 'a-2', 'b-1'], (id) => id.split('-')[0], ['a', 'b']);") == ["a-1", "b-1", "a-2"]


def test_the_record_validates_and_merges_the_review_field(js):
    entry = {"box": 2, "due": T0 + 3 * DAY, "at": T0}
    bad = {
        "box-0": {**entry, "box": 0},
        "box-5": {**entry, "box": 5},
        "box-text": {**entry, "box": "2"},
        "no-at": {"box": 1, "due": T0},
        "extra": {**entry, "x": 1},
        "Bad Id": entry,
    }
    result = js(
        "const c = R.clean({v: 1, epoch: 0, review: {...bad, good: entry}}); return {review: c.record.review, problems: c.problems};",
        bad=bad,
        entry=entry,
    )
    assert result["review"] == {"good": entry}
    assert sorted(result["problems"]) == sorted(f'review entry "{key}" is not valid' for key in bad)
    later = {"box": 1, "due": T0 + 2 * DAY, "at": T0 + DAY}
    merged = js(
        "const a = R.clean({v: 1, epoch: 0, review: {q: x}}).record, b = R.clean({v: 1, epoch: 0, review: {q: y}}).record;"
        "return [R.merge(a, b).review.q, R.merge(b, a).review.q];",
        x=entry,
        y=later,
    )
    assert merged == [later, later]  # the later answer wins, whichever tab merges
