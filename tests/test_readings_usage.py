"""Readings used by pages: cite() and front-matter ``readings:`` naming a
missing reading fail with the page's file and line (with and without a
build), unused readings are warnings, and a reading list must exist."""

from __future__ import annotations

from support.sites import module_page

READINGS = """\
pink-2009:
  kind: web
  title: "Drive"
  authors: ["Pink, Daniel H."]
  year: 2009
  url: https://www.danpink.com/books/drive/
  effort: 10 minutes
  level: foundation
  note: The author's page about the book.
  modules: [motivation]
"""
NAV = [{"Home": "index.md"}, {"Course": ["modules/01-motivation.md"]}, {"Reading list": "readings.md"}]
PAGE = "docs/modules/01-motivation.md"


def course(site, body: str = "Text.\n", readings: str = READINGS, **fields):
    site.write("docs/index.md", "# Home\n\nWelcome.\n")
    site.module("01-motivation.md", module_page("motivation", title="Motivation", body=body, **fields))
    site.write("docs/readings.md", "# Reading list\n\n{{ reading_list() }}\n")
    site.write("docs/_data/readings.yml", readings, dedent=False)
    return NAV


def body_line(site, needle: str) -> int:
    lines = (site.root / PAGE).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_cite_of_a_missing_reading_is_reported_at_its_line_without_building(site):
    nav = course(
        site,
        body='Intro.\n\nAutonomy matters {{ cite(\'pink-2009\') }}.\n\nMastery {{ cite(\n  "pink-2009",\n  "pink-2010") }}.\n',
    )
    status, lines = site.check("--no-build", nav=nav)
    line = body_line(site, '"pink-2010"')
    assert (status, lines) == (
        1,
        [
            f"{PAGE}:{line}: cite() names 'pink-2010', which is not in docs/_data/readings.yml (did you mean 'pink-2009'?)"
        ],
    )


def test_strict_build_fails_once_per_missing_citation_and_the_page_shows_the_gap(site):
    nav = course(site, body='Autonomy matters {{ cite("nope") }}.\n')
    result = site.build("--strict", nav=nav)
    expected = f"{PAGE}:{body_line(site, 'nope')}: cite() names 'nope', which is not in docs/_data/readings.yml (add an entry with this id to docs/_data/readings.yml, or correct the id)"
    assert result.returncode != 0
    assert [line for line in result.lines() if "cite()" in line] == [f"ERROR   -  {expected}"]
    assert "Traceback" not in result.output
    # The macro never raises: the preview shows where the citation is missing.
    assert "(missing reading: nope)" in result.page("modules/01-motivation/index.html")


def test_course_check_with_a_build_reports_a_missing_citation_once(site):
    nav = course(site, body='Autonomy matters {{ cite("nope") }}.\n')
    status, lines = site.check(nav=nav)
    assert status == 1
    assert [line for line in lines if "cite()" in line] == [
        f"{PAGE}:{body_line(site, 'nope')}: cite() names 'nope', which is not in docs/_data/readings.yml (add an entry with this id to docs/_data/readings.yml, or correct the id)"
    ]


def test_cite_naming_no_reading(site):
    nav = course(site, body="Autonomy matters {{ cite() }}.\n")
    _status, lines = site.check("--no-build", nav=nav)
    assert lines == [
        f'{PAGE}:{body_line(site, "cite()")}: cite() names no reading (write e.g. {{{{ cite("pink-2009") }}}})'
    ]


def test_a_citation_the_source_scan_cannot_see_is_still_reported_by_the_build(site):
    nav = course(site, body='{% set key = "no" ~ "pe" %}Autonomy matters {{ cite(key) }}.\n')
    assert site.check("--no-build", nav=nav) == (0, [])  # no literal id to check without macros
    result = site.build("--strict", nav=nav)
    assert result.returncode != 0
    assert f"ERROR   -  {PAGE}: cite() names 'nope', which is not in docs/_data/readings.yml" in result.output
    assert "(missing reading: nope)" in result.page("modules/01-motivation/index.html")


def test_front_matter_reading_that_does_not_exist_is_reported_at_its_item(site):
    nav = course(site, readings=READINGS.replace("  modules: [motivation]\n", ""))
    text = (
        (site.root / PAGE)
        .read_text(encoding="utf-8")
        .replace("module:\n", "module:\n  readings:\n  - pink-2009\n  - kram-1985\n", 1)
    )
    site.write(PAGE, text, dedent=False)
    _status, lines = site.check("--no-build", nav=nav)
    assert lines == [
        f"{PAGE}:{body_line(site, '- kram-1985')}: reading 'kram-1985' is not in docs/_data/readings.yml (add an entry with this id to docs/_data/readings.yml, or correct the id)"
    ]


def test_a_reading_nothing_uses_is_a_warning(site):
    nav = course(site, readings=READINGS.replace("  modules: [motivation]\n", ""))
    _status, lines = site.check("--no-build", nav=nav)
    assert lines == [
        "docs/_data/readings.yml:1: warning: reading 'pink-2009' is not used by any module or citation (list it in a module's readings:, name a module in its modules:, cite it, or delete it)"
    ]
    assert site.build("--no-strict", nav=nav).returncode == 0  # a warning: only the strict build stops
    assert site.build("--strict", nav=nav).returncode != 0


def test_a_cited_reading_is_used(site):
    nav = course(
        site,
        body='Autonomy matters {{ cite("pink-2009") }}.\n',
        readings=READINGS.replace("  modules: [motivation]\n", ""),
    )
    assert site.check("--no-build", nav=nav) == (0, [])


def test_citations_need_a_reading_list_page(site):
    nav = course(site, body='Autonomy matters {{ cite("pink-2009") }}.\n')
    site.write("docs/readings.md", "# Reading list\n\nSoon.\n")
    _status, lines = site.check("--no-build", nav=nav)
    assert lines == [
        f"{PAGE}:{body_line(site, 'cite(')}: cite() links to the course reading list, but no page shows it (create docs/readings.md containing {{{{ reading_list() }}}} and add it to nav)"
    ]


def test_readings_without_citations_need_no_reading_list_page(site):
    nav = course(site)
    site.write("docs/readings.md", "# Reading list\n\nSoon.\n")
    assert site.check("--no-build", nav=nav) == (0, [])


def test_pages_that_do_not_render_macros_are_not_checked_for_citations(site):
    nav = course(site)
    site.write("docs/guide.md", '---\nrender_macros: false\n---\n\n# Guide\n\nWrite {{ cite("an-example") }}.\n')
    assert site.check("--no-build", nav=[*nav, {"Guide": "guide.md"}]) == (0, [])


def test_a_course_without_readings_needs_no_reading_file(site):
    site.write("docs/index.md", "# Home\n\nWelcome.\n")
    site.module("01-motivation.md", module_page("motivation", title="Motivation"))
    nav = [{"Home": "index.md"}, {"Course": ["modules/01-motivation.md"]}]
    status, lines = site.check("--no-build", nav=nav)
    assert (status, lines) == (0, [])
    result = site.build("--strict", nav=nav)
    assert result.returncode == 0, result.output
    assert "Reading list" not in result.page("modules/01-motivation/index.html")


def test_a_reading_cited_only_in_the_trainer_guide_is_not_linked_from_a_learner_reading_list(site):
    """The learner edition leaves the guide out: the list must not link to it (the facilitator edition does)."""
    nav = course(site, readings=READINGS.replace("  modules: [motivation]\n", ""))
    site.write("docs/guide/writing.md", '# Writing\n\nSee {{ cite("pink-2009") }}.\n')
    nav = [*nav, {"Trainer guide": ["guide/writing.md"]}]
    learner = site.build("--strict", nav=nav)
    assert learner.returncode == 0, learner.output
    assert "Drive" in learner.page("readings/index.html") and "Cited in" not in learner.page("readings/index.html")
    site.settings = {"extra": {"edition": "facilitator"}}
    facilitator = site.build("--strict", nav=nav)
    assert facilitator.returncode == 0, facilitator.output
    assert "Cited in:" in facilitator.page("readings/index.html")
