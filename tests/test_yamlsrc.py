"""coursesite.yamlsrc: YAML data that remembers the line of every key and item, all
duplicate keys, MkDocs' !ENV tag, and syntax errors at the line to fix."""

from __future__ import annotations

import datetime

from coursesite.yamlsrc import item_line, key_line, load_yaml

TEXT = """\
title: Coaching
module:
  id: coaching
  objectives:
    - Explain the idea
    - Plan a conversation
  duration: 30
"""


def test_keys_and_items_know_their_file_lines():
    data, problems = load_yaml(TEXT, "docs/modules/01.md", first_line=2)
    assert problems == []
    module = data["module"]
    assert key_line(data, "title", 2) == 2 and key_line(module, "duration", 2) == 8
    assert [item_line(module["objectives"], i, 2) for i in range(2)] == [6, 7]
    assert key_line(module, "missing", 2) == 4, "an absent key points at its mapping"


def test_scalars_follow_yaml_rules_mkdocs_uses_for_front_matter():
    data, _ = load_yaml("n: 30\nf: 1.5\nyes_: true\nday: 2024-03-01\nisbn: '9780062457714'\nnothing:\n", "x.yml")
    assert data == {
        "n": 30,
        "f": 1.5,
        "yes_": True,
        "day": datetime.date(2024, 3, 1),
        "isbn": "9780062457714",
        "nothing": None,
    }


def test_every_duplicate_key_is_reported_and_the_first_value_kept():
    data, problems = load_yaml("a: 1\nb: 2\na: 3\nb: 4\n", "x.yml")
    assert data == {"a": 1, "b": 2}
    assert [(p.line, p.message) for p in problems] == [
        (3, "key 'a' is given twice (first on line 1)"),
        (4, "key 'b' is given twice (first on line 2)"),
    ]


def test_keys_yaml_reads_as_one_are_one_key_reported_not_silently_merged():
    data, problems = load_yaml("1: first\n01: second\nouter:\n  a: 1\nouter:\n  b: 2\n  b: 3\n", "x.yml")
    assert data == {1: "first", "outer": {"a": 1}}
    assert [(p.line, p.message) for p in problems] == [
        (2, "key '01' is given twice (first on line 1)"),
        (5, "key 'outer' is given twice (first on line 3)"),
        (7, "key 'b' is given twice (first on line 6)"),
    ]


def test_env_tags_keep_their_tag_for_mkdocs_settings():
    data, problems = load_yaml('site_url: !ENV [SITE, "https://x.example/"]\nname: !ENV NAME\n', "mkdocs.yml")
    assert problems == []
    assert data["site_url"] == ["SITE", "https://x.example/"] and data["site_url"].tag == "!ENV"
    assert data["name"] == "NAME" and data["name"].tag == "!ENV"


def test_an_unclosed_list_is_reported_where_it_opens_in_plain_words():
    _, problems = load_yaml("title: A\nobjectives: [one,\n  two\n", "docs/m.md", first_line=2)
    assert [str(p) for p in problems] == [
        "docs/m.md:3: YAML syntax error: expected ',' or ']', but got the end of the YAML "
        "(check indentation, colons and quotes on this line and the one above)"
    ]


def test_an_impossible_date_stays_text_for_the_validators_to_reject():
    data, problems = load_yaml("published: 2024-13-45\n", "x.yml")
    assert data == {"published": "2024-13-45"} and problems == []
