"""The progress record's two optional lesson fields (record.js): ``lessons``
(lessons read to their end) and ``place`` (the lesson page of ``last``):
absent when empty, validated, merged, and counted toward the module."""

from __future__ import annotations

from test_progress_record import js, v2  # noqa: F401 (js is a fixture)

KEYS = ["folder--01-one", "folder--02-two"]
COURSE = {
    "title": "Course",
    "modules": [
        {
            "id": "folder",
            "title": "Folder",
            "url": "folder/",
            "duration": 30,
            "pass_mark": 50,
            "quizzes": ["f-1"],
            "readings": [],
            "lessons": [{"key": k, "title": k, "url": f"folder/{k}/", "duration": 10} for k in KEYS],
        },
        {
            "id": "plain",
            "title": "Plain",
            "url": "plain/",
            "duration": 5,
            "pass_mark": 80,
            "quizzes": [],
            "readings": [],
            "lessons": [{"key": "plain--01-only", "title": "Only", "url": "plain/01-only/", "duration": 5}],
        },
    ],
    "pages": {},
}


def test_absent_fields_stay_absent_and_present_ones_are_validated(js):  # noqa: F811
    assert js("return R.clean(raw).record;", raw=v2()) == v2()
    raw = v2(
        lessons={KEYS[0]: {"read": True, "at": 5}, "Bad Key": {"read": True, "at": 5}},
        place={"lesson": KEYS[0], "at": 5},
    )
    result = js("return R.clean(raw);", raw=raw)
    assert result["record"]["lessons"] == {KEYS[0]: {"read": True, "at": 5}}
    assert result["record"]["place"] == {"lesson": KEYS[0], "at": 5}
    assert result["problems"] == ['lessons entry "Bad Key" is not valid']
    bad = js("return R.clean(raw).problems;", raw=v2(lessons=[1], place={"lesson": KEYS[0]}))
    assert bad == ["lessons is not a list of entries", "place is not valid"]


def test_merge_keeps_every_lesson_read_and_the_newer_place(js):  # noqa: F811
    a = v2(lessons={KEYS[0]: {"read": True, "at": 5}}, place={"lesson": KEYS[0], "at": 5})
    b = v2(lessons={KEYS[1]: {"read": True, "at": 7}}, place={"lesson": KEYS[1], "at": 7})
    merged = js("return R.merge(R.clean(a).record, R.clean(b).record);", a=a, b=b)
    assert set(merged["lessons"]) == set(KEYS) and merged["place"]["lesson"] == KEYS[1]
    assert "lessons" not in js("return R.merge(R.clean(a).record, R.clean(a).record);", a=v2())


def test_a_folder_module_is_complete_with_every_lesson_read_and_its_pass_mark(js):  # noqa: F811
    body = "const r = R.clean(raw).record; R.settle(r, course, 77); return [r.completed, R.moduleState(r, course.modules[0])];"
    passed = {"f-1": {"correct": True, "at": 1, "first": True}}
    one = {KEYS[0]: {"read": True, "at": 1}}
    completed, state = js(body, raw=v2(quizzes=passed, lessons=one), course=COURSE)
    assert completed == {} and (state["lessons"], state["lessonsRead"], state["started"]) == (2, 1, True)
    both = {**one, KEYS[1]: {"read": True, "at": 1}, "plain--01-only": {"read": True, "at": 1}}
    completed, _ = js(body, raw=v2(quizzes=passed, lessons=both), course=COURSE)
    assert completed == {"folder": {"done": True, "at": 77}, "plain": {"done": True, "at": 77}}
