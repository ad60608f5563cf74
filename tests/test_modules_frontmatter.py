"""Module front matter (docs/guide/front-matter.md): one test per rule, each asserting
the exact ``path:line: message (hint)`` a trainer sees."""

from __future__ import annotations

import pytest

from support.sites import module_page

FILE = "docs/modules/01-intro.md"


def front(module_yaml: str, title: str = "Introduction", description: str = "About it.") -> str:
    return f"---\ntitle: {title}\ndescription: {description}\nmodule:\n{module_yaml}---\n\nBody text.\n"


VALID = (
    "  id: intro\n  duration: 30\n  level: foundation\n"
    "  objectives:\n    - Explain the idea\n    - Choose a step\n    - Plan a talk\n"
)


def check_one(site, text: str, filename: str = "01-intro.md") -> list[str]:
    site.module(filename, text)
    status, lines = site.check("--no-build")
    assert status == 1, "a content problem must make the check fail"
    return lines


def test_valid_module_has_no_problems(site):
    site.module("01-intro.md", front(VALID))
    assert site.check("--no-build") == (0, [])


RULES = [
    pytest.param(
        VALID.replace("  duration: 30\n", ""),
        f"{FILE}:4: module is missing required key 'duration' (give whole minutes, e.g. duration: 40)",
        id="missing-required",
    ),
    pytest.param(
        VALID.replace("duration: 30", "duration: half an hour"),
        f"{FILE}:6: 'duration' must be a whole number of minutes greater than 0, not 'half an hour' (give whole minutes, e.g. duration: 40)",
        id="wrong-type",
    ),
    pytest.param(
        VALID + "  pass_mrk: 80\n",
        f"{FILE}:12: unknown key 'pass_mrk' in module (did you mean 'pass_mark'?)",
        id="unknown-key-typo",
    ),
    pytest.param(
        VALID.replace("id: intro", "id: Intro Module"),
        f"{FILE}:5: 'id' must be a slug (lower-case letters, digits and single hyphens), not 'Intro Module' (use lower-case words joined by hyphens, e.g. id: mentoring)",
        id="id-not-slug",
    ),
    pytest.param(
        VALID.replace("level: foundation", "level: expert"),
        f"{FILE}:7: 'level' must be one of foundation, practitioner, advanced, not 'expert' (use foundation, practitioner or advanced)",
        id="bad-level",
    ),
    pytest.param(
        VALID.split("  objectives:")[0] + "  objectives: []\n",
        f"{FILE}:8: objectives are empty (list 3-5 things a learner will be able to do)",
        id="empty-objectives",
    ),
    pytest.param(
        VALID.replace("    - Plan a talk\n", ""),
        f"{FILE}:8: has 2 objectives; a module needs 3 to 5 (merge or split objectives so there are 3 to 5)",
        id="too-few-objectives",
    ),
    pytest.param(
        VALID.replace("Explain the idea", "Understand the idea"),
        f"{FILE}:9: objective starts with 'understand', which a learner cannot be checked on (start with an observable verb such as explain, choose, plan, apply or distinguish)",
        id="uncheckable-objective",
    ),
    pytest.param(
        VALID + "  pass_mark: 120\n",
        f"{FILE}:12: 'pass_mark' must be a whole percentage from 0 to 100, not 120 (give a percentage, e.g. pass_mark: 80)",
        id="pass-mark-range",
    ),
    pytest.param(
        VALID + "  prerequisites: [nowhere]\n",
        f"{FILE}:12: prerequisite 'nowhere' is not the id of any module (use the id: of a module listed in nav)",
        id="prerequisite-points-at-nothing",
    ),
    pytest.param(
        VALID + "  prerequisites: [intro]\n",
        f"{FILE}:12: module lists itself ('intro') as a prerequisite (remove it from prerequisites)",
        id="prerequisite-self",
    ),
    pytest.param(
        VALID + "  key_points: not a list\n",
        f"{FILE}:12: 'key_points' must be a list (one '- ' item per line), not str (list the module's key points, one per line)",
        id="key-points-not-list",
    ),
]


@pytest.mark.parametrize("module_yaml, expected", RULES)
def test_front_matter_rule(site, module_yaml, expected):
    assert check_one(site, front(module_yaml)) == [expected]


def test_missing_title_and_description(site):
    text = f"---\nmodule:\n{VALID}---\n\nBody.\n"
    assert check_one(site, text) == [
        f"{FILE}:2: page front matter needs 'description' as text (add a line such as description: ...)",
        f"{FILE}:2: page front matter needs 'title' as text (add a line such as title: ...)",
    ]


def test_no_module_key(site):
    assert check_one(site, "---\ntitle: A\ndescription: B\n---\n\nText.\n") == [
        f"{FILE}:2: front matter has no 'module:' key (add module: with id, duration, level and objectives)"
    ]


def test_no_front_matter_at_all(site):
    assert check_one(site, "Just text.\n") == [
        f"{FILE}:1: module page has no front matter (start the file with --- , a module: block and ---)"
    ]


def test_duplicate_module_id_names_both_places(site):
    site.module("01-intro.md", front(VALID))
    site.module("02-again.md", front(VALID, title="Again"))
    status, lines = site.check("--no-build")
    assert status == 1
    assert lines == [
        "docs/modules/02-again.md:5: module id 'intro' is already used by docs/modules/01-intro.md:5 (give each module its own id)"
    ]


def test_prerequisite_later_in_course(site):
    site.module("01-intro.md", front(VALID + "  prerequisites: [next]\n"))
    site.module("02-next.md", front(VALID.replace("id: intro", "id: next"), title="Next"))
    _status, lines = site.check("--no-build")
    assert lines == [
        f"{FILE}:12: prerequisite 'next' comes after this module in the course (move this module after it in nav, or drop the prerequisite)"
    ]


def test_duplicate_key_in_front_matter(site):
    lines = check_one(site, front(VALID + "  duration: 45\n"))
    assert lines == [
        f"{FILE}:12: key 'duration' is given twice (first on line 6) (remove one of them; YAML would silently keep only the last)"
    ]


def test_module_file_missing_from_nav(site):
    site.module("01-intro.md", front(VALID))
    site.module("02-stray.md", front(VALID.replace("id: intro", "id: stray"), title="Stray"), nav=False)
    _status, lines = site.check("--no-build")
    assert lines == [
        "docs/modules/02-stray.md:1: module file is not listed in nav (add it under the course section of nav in mkdocs.yml, in course order)"
    ]


def test_all_problems_reported_at_once(site):
    site.module("01-intro.md", front(VALID.replace("level: foundation", "level: x") + "  colour: red\n"))
    site.module("02-b.md", front(VALID.replace("  duration: 30\n", "").replace("id: intro", "id: b"), title="B"))
    status, lines = site.check("--no-build")
    assert status == 1
    assert len(lines) == 3, lines
    assert [line.split(":")[0] for line in lines] == [FILE, FILE, "docs/modules/02-b.md"]


def test_module_page_helper_is_valid(site):
    site.module("01-intro.md", module_page("intro"))
    assert site.check("--no-build") == (0, [])


def test_title_with_markup_is_refused(site):
    """The theme prints titles into the HTML unescaped: markup there would run."""
    lines = check_one(site, front(VALID, title="'<img src=x onerror=alert(1)>'"))
    assert lines == [
        f"{FILE}:2: title contains HTML markup, which the theme would put into the page as code (write the title as plain text, without < > or & entities)"
    ]


def test_title_with_plain_symbols_is_fine(site):
    site.module("01-intro.md", front(VALID, title="'Win/loss reviews: 1 < 2, and Q&A'"))
    assert site.check("--no-build") == (0, [])
