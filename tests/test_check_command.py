"""The trainers' ``course check`` command: same problems as the build, in
text, JSON or GitHub-annotation form, exit status 1 on problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from support.sites import module_page

COURSE = os.path.join(os.path.dirname(sys.executable), "course")


def run_check(site, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    site.write_config()
    return subprocess.run(
        [COURSE, "check", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})),
    )


def broken_site(site):
    site.module("01-intro.md", module_page("intro", level="expert", duration=0))


def test_clean_course_exits_zero(site):
    site.module("01-intro.md", module_page("intro"))
    result = run_check(site, "--format", "text")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "No problems found." in result.stderr


def test_text_lists_every_problem_and_exits_one(site):
    broken_site(site)
    result = run_check(site, "--format", "text")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/modules/01-intro.md:6: 'duration' must be a whole number of minutes greater than 0, not 0 (give whole minutes, e.g. duration: 40)",
        "docs/modules/01-intro.md:7: 'level' must be one of foundation, practitioner, advanced, not 'expert' (use foundation, practitioner or advanced)",
    ]
    assert "Traceback" not in result.stderr


def test_json_format_for_tools(site):
    broken_site(site)
    result = run_check(site, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [(p["path"], p["line"], p["severity"]) for p in data] == [
        ("docs/modules/01-intro.md", 6, "error"),
        ("docs/modules/01-intro.md", 7, "error"),
    ]
    assert data[1]["message"] == "'level' must be one of foundation, practitioner, advanced, not 'expert'"
    assert data[1]["hint"] == "use foundation, practitioner or advanced"


def test_github_annotations_inside_actions(site):
    broken_site(site)
    result = run_check(site, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=docs/modules/01-intro.md,line=6::'duration' must be")


def test_check_runs_the_same_checks_as_the_build(site):
    broken_site(site)
    build = site.build()
    check = run_check(site, "--format", "text")
    assert build.returncode != 0 and check.returncode == 1
    for line in check.stdout.splitlines():
        assert line in build.output


def test_missing_config_is_a_clear_message(tmp_path):
    result = subprocess.run([COURSE, "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "mkdocs.yml: not found (run the command in the course folder, or pass --config path/to/mkdocs.yml)"
    )
