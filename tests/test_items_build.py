"""Item-writing flaws in the build: warnings that never fail the strict
build, unless the course opts in with ``extra.lms.items: error``; ``course
check`` lists them only with ``--items``, as errors."""

from __future__ import annotations

import pytest

from support.sites import module_page

FLAWED = """Some text.

/// quiz | What do you do first?
    id: intro-first
    objective: [1, 2, 3]

- [ ] Discount it
- [x] Ask what the buyer said at the last meeting and why
- [ ] Drop it
///
"""
LINE = (
    module_page("intro", body=FLAWED).split("\n").index("- [x] Ask what the buyer said at the last meeting and why") + 1
)
WARNING = (
    f"WARNING -  docs/modules/01-intro.md:{LINE}: warning: quiz 'intro-first': the correct option is far longer than "
    "every distractor (51 characters, the longest distractor 11) [length-cue]"
)


@pytest.fixture
def flawed_site(site):
    site.module("01-intro.md", module_page("intro", body=FLAWED))
    return site


def test_strict_build_shows_item_warnings_and_succeeds(flawed_site):
    result = flawed_site.build("--strict")
    assert result.returncode == 0, result.output
    assert any(line.startswith(WARNING) for line in result.lines()), result.output
    assert "1 item-writing warning(s)" in result.output


def test_a_course_can_make_item_flaws_fail_the_build(flawed_site):
    flawed_site.settings = {"extra": {"lms": {"items": "error"}}}
    result = flawed_site.build("--strict")
    assert result.returncode == 1
    assert f"ERROR   -  docs/modules/01-intro.md:{LINE}: quiz 'intro-first': the correct option" in result.output


def test_an_unknown_items_setting_is_an_error_in_mkdocs_yml(flawed_site):
    flawed_site.settings = {"extra": {"lms": {"items": "loud"}}}
    status, lines = flawed_site.check("--no-build")
    assert status == 1
    assert any(line.startswith("mkdocs.yml:") and "extra.lms.items is 'loud'" in line for line in lines), lines


def test_course_check_lists_item_flaws_only_with_items(flawed_site):
    assert flawed_site.check("--no-build") == (0, [])
    status, lines = flawed_site.check("--no-build", "--items")
    assert status == 1
    assert [line.rsplit(" (", 1)[0] for line in lines] == [WARNING.removeprefix("WARNING -  ").replace("warning: ", "")]


def test_course_check_with_a_build_adds_item_errors_once(flawed_site):
    status, lines = flawed_site.check("--items")
    assert status == 1
    assert len([line for line in lines if "[length-cue]" in line]) == 1
