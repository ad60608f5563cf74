"""The validators every YAML check shares (coursesite/validate.py): each key of
a block checked, every mistake said at its own line, an unknown key with the
known key it resembles; each feature keeps its own words."""

from __future__ import annotations

from coursesite.problems import Problem, did_you_mean
from coursesite.validate import check_fields, flag, is_int, number, one_of, text
from support.sites import module_page

VALIDATORS = {
    "level": one_of(("low", "high"), lambda value: f"level {value!r} is not low or high", "write level: low"),
    "name": text(lambda _value: "name must be text", "write name: Ada"),
    "shown": flag(lambda value: f"shown must be true or false, not {value!r}", "write shown: true"),
    "tries": number(1, 5, lambda value: f"tries must be a whole number from 1 to 5, not {value!r}", "write tries: 3"),
}


def _unknown(key: str) -> tuple[str, str]:
    return f"unknown key '{key}'", did_you_mean(key, VALIDATORS, "use level, name, shown or tries")


def test_each_mistake_is_said_at_its_line_and_the_rest_is_kept():
    fields = [("level", "high", 2), ("name", "  Ada \n Lovelace ", 3), ("shown", "yes", 4), ("tris", 2, 5)]
    checked = check_fields(fields, VALIDATORS, "docs/x.yml", _unknown)
    assert checked.values == {"level": "high", "name": "Ada Lovelace"}
    assert checked.lines == {"level": 2, "name": 3, "shown": 4, "tris": 5}
    assert checked.problems == [
        Problem("docs/x.yml", 4, "shown must be true or false, not 'yes'", "write shown: true"),
        Problem("docs/x.yml", 5, "unknown key 'tris'", "did you mean 'tries'?"),
    ]


def test_yaml_booleans_are_not_numbers():
    assert is_int(3) and not is_int(True) and not is_int(3.0)
    tries = VALIDATORS["tries"]
    assert tries(True)[1] == ("tries must be a whole number from 1 to 5, not True", "write tries: 3")
    assert tries(6)[1] is not None and tries(2.5)[1] is not None and tries(5) == (5, None)
    assert number(0.5, 2, lambda v: "no", "hint", whole=False)(1.5) == (1.5, None)


def test_a_glossary_entry_says_a_wrong_value_at_its_line(site):
    site.module("01-first.md", module_page("first"))
    site.write("docs/_data/glossary/first.yml", "- term: GROW\n  definition: [a, list]\n- term: KPI\n", dedent=False)
    status, lines = site.check("--no-build")
    assert status == 1
    assert lines == [
        "docs/_data/glossary/first.yml:2: glossary entry needs 'definition' as non-empty text (add definition: ...)",
        "docs/_data/glossary/first.yml:3: glossary entry needs 'definition' as non-empty text (add definition: ...)",
    ]
