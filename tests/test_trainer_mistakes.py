"""A trainer's usual mistakes, each reported once as ``path:line: message (hint)``
at its line in the file: the same in ``course check``, ``course check
--no-build`` (for what needs no build) and the strict build, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support.sites import module_page

COURSE = os.path.join(os.path.dirname(sys.executable), "course")
INTRO = "docs/modules/01-intro.md"
# module_page(): ten lines of front matter, a blank line, then the body from line 12.
TEMPLATE_MISTAKES = {
    "unquoted cite": ("See {{ cite(kluger-denisi-1996) }}.\n", 12, "cite() needs each reading id in quotes"),
    "space in a name": (
        "Intro.\n\nDear {{ first name }},\n",
        14,
        "template syntax error: expected token 'end of print statement', got 'name'",
    ),
    "empty if": (
        "Intro.\n\n{% if %}\nx\n{% endif %}\n",
        14,
        "template syntax error: Expected an expression, got 'end of statement block'",
    ),
}


def run_check(site, *args: str) -> tuple[int, list[str], str]:
    """``course check`` as a trainer runs it: (status, problem lines, stderr)."""
    site.write_config()
    result = subprocess.run(
        [COURSE, "check", "--format", "text", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout.splitlines(), result.stderr


def build_problems(site) -> tuple[int, list[str], str]:
    """The strict build: (status, problem lines without their log level, whole output)."""
    result = site.build("--strict")
    assert "Traceback" not in result.output
    lines = [line.split("-  ", 1)[1] for line in result.lines() if line.startswith(("ERROR   -  ", "WARNING -  "))]
    return result.returncode, lines, result.output


@pytest.mark.parametrize("name", TEMPLATE_MISTAKES)
def test_template_mistake_is_reported_at_its_line_in_the_file(site, name):
    body, line, message = TEMPLATE_MISTAKES[name]
    site.module("01-intro.md", module_page("intro", body=body))
    expected = f"{INTRO}:{line}: {message} ("
    for args in ((), ("--no-build",)):
        status, lines, _ = run_check(site, *args)
        assert status == 1 and len(lines) == 1 and lines[0].startswith(expected), (args, lines)
    status, lines, _ = build_problems(site)
    assert status == 1 and len(lines) == 1 and lines[0].startswith(expected), lines


# Lines 14-16 of a module_page() body after "Intro.": a facilitator note, left out of a learner build.
NOTE = '??? facilitator "Notes"\n\n    Ask the group first.{}\n\n'
CITE_MISTAKE = "cite() needs each reading id in quotes"
NOTE_MISTAKES = {
    "syntax error below a note": ("", "Dear {{ first name }},\n", 18, "template syntax error: expected token"),
    "unquoted cite below a note": ("", "See {{ cite(kluger-denisi-1996) }}.\n", 18, CITE_MISTAKE),
    "unquoted cite inside a note": (" {{ cite(kluger-denisi-1996) }}", "Thanks.\n", 16, CITE_MISTAKE),
}


@pytest.mark.parametrize("name", NOTE_MISTAKES)
def test_template_mistake_near_facilitator_notes_is_reported_at_its_line(site, name):
    """A learner build renders the page without its notes: its template code is
    still checked as written, at the lines of the file."""
    note, tail, line, message = NOTE_MISTAKES[name]
    site.module("01-intro.md", module_page("intro", body="Intro.\n\n" + NOTE.format(note) + tail))
    status, lines, _ = build_problems(site)
    assert status == 1 and len(lines) == 1 and lines[0].startswith(f"{INTRO}:{line}: {message}"), lines


def test_page_with_facilitator_notes_renders_its_macros_in_the_learner_build(site):
    site.module("01-intro.md", module_page("intro", body="Intro.\n\n" + NOTE.format("") + "{{ syllabus() }}\n"))
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    html = (result.site_dir / "modules" / "01-intro" / "index.html").read_text(encoding="utf-8")
    assert "Ask the group first" not in html and "syllabus()" not in html and "running total" in html


def test_undefined_names_and_failing_macros_are_reported_by_the_build(site):
    site.module("01-intro.md", module_page("intro", body="Intro.\n\nSee {{ course_hom() }}.\n"))
    site.module("02-next.md", module_page("next", title="Next", body="Next.\n\n\n{{ syllabus(1) }}\n"))
    expected = [
        f"{INTRO}:14: template code names 'course_hom', which is not defined (did you mean 'course_home'?)",
        "docs/modules/02-next.md:15: template code failed: TypeError: syllabus() takes 0 positional arguments but 1 was given (check the macro call on this line and its arguments)",
    ]
    assert run_check(site)[:2] == (1, expected)
    assert build_problems(site)[:2] == (1, expected)


NAV_MISTAKES = {
    # A section title followed by its pages at the same indentation: the section is empty.
    "pages not indented under their section": (
        "- Home: index.md\n- Course:\n- modules/01-intro.md\n",
        2,
        "nav entry 'Course' must name a page or a list of pages",
    ),
    "a page indented less than its neighbour": (
        "- Home: index.md\n- Course:\n    - modules/01-intro.md\n  - modules/02-next.md\n",
        4,
        "YAML syntax error: expected <block end>, but found '-'",
    ),
    "two entries on one item": (
        "- Home: index.md\n  Course:\n  - modules/01-intro.md\n",
        1,
        "nav entry has 2 titles (Home, Course), not one page or section",
    ),
}


def broken_nav(site, nav: str) -> int:
    """Replace the nav of the site's mkdocs.yml; returns the line of nav: (its first entry is one below)."""
    config = site.write_config()
    text = config.read_text(encoding="utf-8")
    start = text.index("\nnav:\n") + 1
    config.write_text(text[:start] + "nav:\n" + nav, encoding="utf-8")
    return text[:start].count("\n") + 1


@pytest.mark.parametrize("name", NAV_MISTAKES)
def test_nav_mistake_is_reported_at_its_line_in_mkdocs_yml(site, name):
    nav, offset, message = NAV_MISTAKES[name]
    site.module("01-intro.md", module_page("intro"))
    site.module("02-next.md", module_page("next", title="Next"))
    line = broken_nav(site, nav) + offset
    site.write_config = lambda nav=None: site.root / "mkdocs.yml"  # keep the broken file
    for args in ((), ("--no-build",)):
        status, lines, _ = run_check(site, *args)
        assert status == 1 and len(lines) == 1 and lines[0].startswith(f"mkdocs.yml:{line}: {message} ("), (args, lines)
    # MkDocs reads mkdocs.yml before any hook runs: the strict build stops with its own one message.
    result = site.build("--strict")
    assert result.returncode == 1 and "Traceback" not in result.output


def test_one_mistake_one_message(site):
    """A module whose front matter is wrong defines no id, so its glossary file
    names no module; a nav entry naming a missing file makes the theme link to
    nothing: only the causes are reported."""
    site.module("01-intro.md", module_page("intro", level="expert"))
    site.write("docs/_data/glossary/intro.yml", "- term: GROW\n  definition: A coaching model.\n")
    site.module("02-next.md", module_page("next", title="Next"), nav=False)
    site.nav.append("modules/02-nxt.md")
    expected = [
        f"{INTRO}:7: 'level' must be one of foundation, practitioner, advanced, not 'expert' (use foundation, practitioner or advanced)",
        "mkdocs.yml:{line}: nav entry 'modules/02-nxt.md' points at a missing file (did you mean 'modules/02-next.md'?)",
    ]
    config = site.write_config().read_text(encoding="utf-8")
    expected[1] = expected[1].format(line=config.split("\n").index("  - modules/02-nxt.md") + 1)
    assert run_check(site)[:2] == (1, expected)
    assert run_check(site, "--no-build")[:2] == (1, expected)
    assert build_problems(site)[:2] == (1, expected)


def test_missing_image_and_mistyped_page_link_say_how_to_fix_them(site):
    body = "See ![the coaching cycle](img/cycle.png) and [the next module](02-nxt.md).\n"
    site.module("01-intro.md", module_page("intro", body=body))
    site.module("02-next.md", module_page("next", title="Next"))
    expected = [
        f"{INTRO}:12: image \"the coaching cycle\" to 'img/cycle.png' leads nowhere: nothing is published at /modules/01-intro/img/cycle.png (put the file at docs/modules/img/cycle.png, or correct the path)",
        f"{INTRO}:12: link \"the next module\" to '02-nxt.md' names a Markdown file that is not a page of the site (did you mean '02-next.md'?)",
    ]
    assert run_check(site)[:2] == (1, expected)
    assert build_problems(site)[:2] == (1, expected)


def test_check_and_build_count_the_same_problems(site):
    site.module(
        "01-intro.md", module_page("intro", level="expert", body="Dear {{ first name }},\n\n![A chart](chart.png)\n")
    )
    site.module(
        "02-next.md", module_page("next", title="Next", body="Read [click here](../index.md) and {{ course_hom() }}.\n")
    )
    status, check_lines, stderr = run_check(site)
    build_status, build_lines, output = build_problems(site)
    assert (status, build_status) == (1, 1)
    assert sorted(build_lines) == sorted(check_lines) and len(check_lines) == 5, (check_lines, build_lines)
    assert "5 problem(s) found: 4 error(s), 1 warning(s)." in stderr
    assert "Aborted: 5 problem(s) found: 4 error(s), 1 warning(s)." in output
