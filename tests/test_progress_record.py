"""The progress record's pure functions (docs/assets/lms/progress/record.js):
validation, migration, merge, completion and the completion code, run in
the real browser engine the learner uses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.esmodules import module_runner
from support.progress import record

COURSE = {
    "title": "Course",
    "modules": [
        {
            "id": "a",
            "title": "A",
            "url": "a/",
            "duration": 10,
            "pass_mark": 50,
            "quizzes": ["a-1", "a-2"],
            "readings": ["r-1"],
        },
        {"id": "b", "title": "B", "url": "b/", "duration": 10, "pass_mark": 80, "quizzes": [], "readings": []},
    ],
    "pages": {},
}


@pytest.fixture(scope="module")
def js(browser):
    """``js(body, **args)``: run ``body`` (with ``R`` = record.js and the args) and return its JSON result."""
    imports = "window.R = {...await import('./record.js'), ...await import('./code.js')};"
    with module_runner(browser, "assets/lms/progress/", imports, "R = window.R") as run:
        yield run


def v2(**fields) -> dict:
    """A valid v2 record; tasks and review are optional in a stored one, and clean() always gives both."""
    return record(**{"v": 2, "tasks": {}, "review": {}, **fields})


def clean(js, raw, now=1000):
    return js(
        "const c = R.clean(raw, now); return {record: c.record, problems: c.problems, migrated: c.migrated};",
        raw=raw,
        now=now,
    )


def test_a_valid_record_is_kept_whole(js):
    raw = v2(
        epoch=7,
        name={"text": "Ada", "at": 3},
        visited={"a": 1},
        completed={"b": {"done": True, "at": 2}},
        quizzes={"a-1": {"correct": False, "at": 4, "first": False}},
        readings={"r-1": {"read": True, "at": 5}},
        last={"module": "a", "anchor": "part-2", "at": 6},
    )
    assert clean(js, raw) == {"record": raw, "problems": [], "migrated": False}


def test_invalid_parts_are_dropped_and_named(js):
    raw = v2(
        visited={"a": -1, "b": 2},
        quizzes={
            "a-1": {"correct": "yes", "at": 1, "first": True},
            "a-2": {"correct": True, "at": 1, "x": 1, "first": True},
            "A B": {"correct": True, "at": 1, "first": True},
        },
        last={"module": "a", "anchor": "javascript:alert(1)", "at": 1},
        name={"text": "x" * 101, "at": 1},
        extra=1,
    )
    result = clean(js, raw)
    assert result["record"] == v2(visited={"b": 2})
    assert sorted(result["problems"]) == sorted(
        [
            'unknown field "extra"',
            'visited entry "a" is not valid',
            'quizzes entry "a-1" is not valid',
            'quizzes entry "a-2" is not valid',
            'quizzes entry "A B" is not valid',
            "name is not valid",
            "last is not valid",
        ]
    )


@pytest.mark.parametrize("raw", [None, [], "text", 3, {"v": 3}, {"v": "1"}])
def test_what_is_not_a_record_is_refused(js, raw):
    result = clean(js, raw)
    assert result["record"] == v2() and result["problems"]


def test_ids_that_name_object_properties_stay_plain_ids(js):
    text = '{"v":2,"epoch":0,"quizzes":{"__proto__":{"correct":true,"at":1,"first":true},"constructor":{"correct":true,"at":2,"first":true}}}'
    result = js(
        "const c = R.clean(JSON.parse(text)); return {kept: Object.keys(c.record.quizzes), problems: c.problems, polluted: 'correct' in {}, other: R.moduleState(c.record, {id: 'toString', quizzes: ['hasOwnProperty'], readings: ['valueOf']})};",
        text=text,
    )
    assert result["kept"] == ["constructor"]
    assert result["problems"] == ['quizzes entry "__proto__" is not valid']
    assert result["polluted"] is False
    assert result["other"]["complete"] is False and result["other"]["answered"] == 0 and result["other"]["read"] == 0


def test_a_v0_record_is_migrated(js):
    v0 = {
        "visited": ["a", "Not An Id"],
        "completed": ["b"],
        "quizzes": {"a-1": True, "a-2": "?"},
        "read": ["r-1"],
        "lastPage": "a",
    }
    result = clean(js, v0, now=42)
    assert result["migrated"] is True and result["problems"] == []
    assert result["record"] == v2(
        visited={"a": 42},
        completed={"b": {"done": True, "at": 42}},
        quizzes={"a-1": {"correct": True, "at": 42, "first": True}},
        readings={"r-1": {"read": True, "at": 42}},
        last={"module": "a", "anchor": "", "at": 42},
    )


def merge(js, a, b):
    return js("return R.merge(R.clean(a).record, R.clean(b).record);", a=a, b=b)


def test_merge_of_one_epoch_keeps_the_union(js):
    a = v2(
        visited={"a": 5},
        quizzes={"a-1": {"correct": True, "at": 1, "first": True}, "a-2": {"correct": False, "at": 9, "first": False}},
        readings={"r-1": {"read": True, "at": 1}},
        last={"module": "a", "anchor": "", "at": 1},
    )
    b = v2(
        visited={"a": 3, "b": 4},
        quizzes={
            "a-1": {"correct": False, "at": 8, "first": False},
            "a-2": {"correct": False, "at": 2, "first": False},
        },
        readings={"r-1": {"read": False, "at": 6}},
        last={"module": "b", "anchor": "x", "at": 2},
    )
    assert merge(js, a, b) == v2(
        visited={"a": 3, "b": 4},  # the first visit
        quizzes={
            "a-1": {"correct": True, "at": 1, "first": False},
            "a-2": {"correct": False, "at": 9, "first": False},
        },  # the best result, then the newest; a first try wrong in either tab
        readings={"r-1": {"read": False, "at": 6}},  # the newest mark, so "not read" can win
        last={"module": "b", "anchor": "x", "at": 2},
    )


def test_merge_across_epochs_takes_the_newer_whole(js):
    old = v2(completed={"a": {"done": True, "at": 50}}, quizzes={"a-1": {"correct": True, "at": 50, "first": True}})
    after_reset = v2(epoch=100, completed={"b": {"done": True, "at": 120}})
    assert merge(js, old, after_reset) == after_reset
    assert merge(js, after_reset, old) == after_reset


def test_merge_across_epochs_keeps_what_another_tab_recorded_after_the_reset(js):
    """A tab that had not heard of a reset yet: what it recorded before the
    reset is cleared, what it recorded after is kept."""
    before, after = {"correct": True, "at": 50, "first": True}, {"correct": False, "at": 130, "first": False}
    old = v2(
        visited={"a": 50, "b": 140},
        quizzes={"a-1": before, "a-2": after},
        readings={"r-1": {"read": True, "at": 99}},
        last={"module": "b", "anchor": "", "at": 140},
    )
    after_reset = v2(epoch=100, completed={"b": {"done": True, "at": 120}})
    expected = v2(
        epoch=100,
        visited={"b": 140},
        completed={"b": {"done": True, "at": 120}},
        quizzes={"a-2": after},
        last={"module": "b", "anchor": "", "at": 140},
    )
    assert merge(js, old, after_reset) == expected
    assert merge(js, after_reset, old) == expected


timestamps = st.integers(min_value=0, max_value=10**6)
ids = st.sampled_from(["a", "b", "a-1", "a-2", "r-1"])
flag = lambda key: st.fixed_dictionaries({key: st.booleans(), "at": timestamps})  # noqa: E731
records = st.builds(
    v2,
    visited=st.dictionaries(ids, timestamps, max_size=3),
    completed=st.dictionaries(ids, flag("done"), max_size=3),
    quizzes=st.dictionaries(
        ids,
        st.fixed_dictionaries({"correct": st.booleans(), "at": timestamps, "first": st.booleans()}).map(
            lambda e: {**e, "again": True} if e["correct"] and not e["first"] else e
        ),
        max_size=3,
    ),
    readings=st.dictionaries(ids, flag("read"), max_size=3),
    tasks=st.dictionaries(
        ids,
        st.fixed_dictionaries(
            {
                "text": st.sampled_from(["", "draft", "final"]),
                "scores": st.sampled_from([{}, {"0123abcd": "89abcdef"}]),
                "at": timestamps,
            }
        ),
        max_size=2,
    ),
    last=st.none() | st.fixed_dictionaries({"module": ids, "anchor": st.sampled_from(["", "x"]), "at": timestamps}),
)


@settings(max_examples=60, deadline=None)
@given(a=records, b=records, c=records)
def test_merge_is_idempotent_associative_and_commutative_up_to_ties(js, a, b, c):
    result = js(
        "const [x, y, z] = [a, b, c].map((r) => R.clean(r).record);"
        "const s = (r) => JSON.stringify(r, Object.keys(r).sort());"
        "const j = (r) => JSON.stringify(r);"
        "return {idem: j(R.merge(x, x)) === j(x), assoc: j(R.merge(R.merge(x, y), z)) === j(R.merge(x, R.merge(y, z))),"
        " ab: R.merge(x, y), ba: R.merge(y, x)};",
        a=a,
        b=b,
        c=c,
    )
    assert result["idem"] and result["assoc"]

    # Where no two entries tie on time, the order of the tabs does not matter.
    def times(record):
        return [e["at"] for f in ("completed", "quizzes", "readings", "tasks") for e in record[f].values()] + (
            [record["last"]["at"]] if record["last"] else []
        )

    if len(set(times(a) + times(b))) == len(times(a) + times(b)):
        assert result["ab"] == result["ba"]


def quiz(correct: bool, first: bool, again: bool = False, at: int = 1) -> dict:
    return {"correct": correct, "at": at, "first": first, **({"again": True} if again else {})}


def test_settle_completes_a_quiz_module_when_its_checks_are_done(js):
    """Every question answered correctly, and the first tries at the pass mark;
    below it, every question answered correctly again at a later try."""
    body = "const r = R.clean(raw).record; R.settle(r, course, 77); return r.completed;"
    done = {"a": {"done": True, "at": 77}}
    half_first = v2(quizzes={"a-1": quiz(True, True), "a-2": quiz(True, False, again=True)})
    assert js(body, raw=half_first, course=COURSE) == done  # 50% first time meets a 50% pass mark
    assert js(body, raw=v2(quizzes={"a-1": quiz(True, True), "a-2": quiz(False, False)}), course=COURSE) == {}
    assert js(body, raw=v2(quizzes={"a-1": quiz(True, True)}), course=COURSE) == {}, "a question never answered"
    strict = {**COURSE, "modules": [{**COURSE["modules"][0], "pass_mark": 80}]}
    assert js(body, raw=half_first, course=strict) == {}, "50% first time misses 80%: the whole check once more"
    both_again = v2(quizzes={"a-1": quiz(True, True, again=True), "a-2": quiz(True, False, again=True)})
    assert js(body, raw=both_again, course=strict) == done
    # A module without quizzes is only ever completed by the learner.
    assert js(body, raw=v2(), course=COURSE) == {}


def test_a_v1_record_is_migrated_without_losing_an_answer(js):
    """v1 kept each quiz's best result only: it becomes the first try (so a pass
    mark met under v1 stays met), choices and every other field are kept."""
    old = {
        **v2(
            visited={"a": 5},
            completed={"a": {"done": True, "at": 9}},
            readings={"r-1": {"read": True, "at": 6}},
            name={"text": "Ada", "at": 3},
            last={"module": "a", "anchor": "x", "at": 8},
        ),
        "v": 1,
        "quizzes": {
            "a-1": {"correct": True, "at": 7, "choices": ["0badc0de"]},
            "a-2": {"correct": False, "at": 4},
            "A B": {"correct": True, "at": 1},
        },
    }
    result = clean(js, old)
    assert result["migrated"] is True
    assert result["problems"] == ['quizzes entry "A B" is not valid']
    assert result["record"] == {
        **old,
        "v": 2,
        "quizzes": {
            "a-1": {"correct": True, "at": 7, "choices": ["0badc0de"], "first": True},
            "a-2": {"correct": False, "at": 4, "first": False},
        },
    }
    state = js("return R.moduleState(R.clean(raw).record, course.modules[0]);", raw=old, course=COURSE)
    assert (state["first"], state["correct"], state["score"]) == (1, 1, 50)
    assert js("return R.isNewer(raw);", raw=v2(v=3)) is True and js("return R.isNewer(raw);", raw=old) is False


def test_a_first_try_is_kept_and_a_later_right_answer_marks_again(js):
    body = (
        "const r = R.clean(raw).record;"
        "R.recordQuiz(r, 'a-1', false, 10, ['0badc0de'], false, false);"
        "R.recordQuiz(r, 'a-1', false, 10, ['0badc0de'], false, false);"  # heard twice: nothing changes
        "const once = JSON.parse(JSON.stringify(r.quizzes['a-1']));"
        "R.recordQuiz(r, 'a-1', true, 20, ['1badc0de'], true, true);"
        "return [once, r.quizzes['a-1'], R.moduleState(r, course.modules[0])];"
    )
    once, later, state = js(body, raw=v2(), course=COURSE)
    assert once == {"correct": False, "at": 10, "choices": ["0badc0de"], "first": False}
    assert later == {"correct": True, "at": 20, "choices": ["1badc0de"], "first": False, "again": True}
    assert (state["first"], state["correct"], state["again"], state["score"]) == (0, 1, 1, 0)


def test_completion_code_is_derived_from_the_record(js):
    done = v2(
        completed={"a": {"done": True, "at": 1_700_000_000_000}, "b": {"done": True, "at": 1_600_000_000_000}},
        quizzes={"a-1": {"correct": True, "at": 1, "first": True}},
    )
    code = "return await R.completionCode(R.clean(raw).record, course);"
    first = js(code, raw=done, course=COURSE)
    assert len(first) == 14 and first == js(code, raw=done, course=COURSE)
    better = {**done, "quizzes": {"a-1": quiz(True, True), "a-2": quiz(True, True)}}
    assert js(code, raw=better, course=COURSE) != first
    assert js(code, raw=v2(completed={"a": {"done": True, "at": 1}}), course=COURSE) is None
    assert js("return R.completedAt(R.clean(raw).record, course);", raw=done, course=COURSE) == 1_700_000_000_000


def test_completion_code_falls_back_to_fnv_without_subtle_crypto(js):
    done = v2(completed={"a": {"done": True, "at": 1}, "b": {"done": True, "at": 1}})
    result = js(
        "const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle');"
        "Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined, configurable: true });"
        "try { return [await R.completionCode(R.clean(raw).record, course), await R.completionCode(R.clean(raw).record, course)]; }"
        "finally { Object.defineProperty(Crypto.prototype, 'subtle', subtle); }",
        raw=done,
        course=COURSE,
    )
    assert result[0] == result[1]
    assert result[0].startswith("F-") and len(result[0]) == 16


def test_a_reading_counts_toward_a_module_without_starting_it(js):
    """A reading shared by several modules, ticked on one of them: the others'
    tallies change, but a module the learner never opened is not "in progress"."""
    state = js(
        "return R.moduleState(rec, course.modules[0]);",
        rec=v2(readings={"r-1": {"read": True, "at": 5}}),
        course=COURSE,
    )
    assert state["read"] == 1
    assert state["started"] is False
    opened = js(
        "return R.moduleState(rec, course.modules[0]);",
        rec=v2(visited={"a": 5}, readings={"r-1": {"read": True, "at": 5}}),
        course=COURSE,
    )
    assert opened["started"] is True


TASK = {"text": "Ask what has changed.", "scores": {"16cb15a1": "0117691d"}, "at": 5}


def test_task_responses_are_optional_validated_and_capped(js):
    without = {k: v for k, v in v2().items() if k != "tasks"}
    assert clean(js, without)["record"] == v2() and clean(js, without)["problems"] == []
    assert clean(js, v2(tasks={"plan": TASK}))["record"]["tasks"] == {"plan": TASK}
    longest = {**TASK, "text": "x" * 10_000}
    assert clean(js, v2(tasks={"plan": longest}))["record"]["tasks"] == {"plan": longest}
    bad = {
        "too-long": {**TASK, "text": "x" * 10_001},
        "no-text": {"scores": {}, "at": 1},
        "bad-score": {**TASK, "scores": {"16cb15a1": "Strong"}},
        "bad-criterion": {**TASK, "scores": {"<img>": "0117691d"}},
        "extra": {**TASK, "html": "<b>"},
        "Not An Id": TASK,
    }
    result = clean(js, v2(tasks=bad))
    assert result["record"]["tasks"] == {}
    assert sorted(result["problems"]) == sorted(f'tasks entry "{key}" is not valid' for key in bad)


def test_merge_keeps_the_later_response_of_a_task(js):
    older, newer = {**TASK, "text": "draft", "at": 1}, {**TASK, "text": "final", "at": 2}
    assert merge(js, v2(tasks={"plan": older}), v2(tasks={"plan": newer}))["tasks"] == {"plan": newer}
    assert merge(js, v2(tasks={"plan": newer}), v2(tasks={"plan": older}))["tasks"] == {"plan": newer}
    # A reset (a newer epoch) clears older responses, but not one written after it.
    reset = v2(epoch=10)
    assert merge(js, reset, v2(tasks={"plan": older}))["tasks"] == {}
    assert merge(js, reset, v2(tasks={"plan": {**TASK, "at": 11}}))["tasks"] == {"plan": {**TASK, "at": 11}}
