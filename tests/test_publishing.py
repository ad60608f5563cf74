"""CI and publishing configuration: what the README promises about them."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from support.sites import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    return YAML(typ="safe").load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(flow: dict, job: str) -> list[dict]:
    return flow["jobs"][job]["steps"]


def commands(flow: dict) -> str:
    return "\n".join(step.get("run", "") for job in flow["jobs"].values() for step in job.get("steps", []))


def test_readme_quick_start_is_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    lines = [line.split("#")[0].strip() for line in quick.strip().splitlines()]
    assert lines == ["make serve", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "make test"
    assert "apt-get install" in ci and "chromium" in ci


def test_pull_requests_run_the_tests_and_a_strict_build_never_verbose():
    flow = workflow("pull-request.yml")
    assert list(flow["on"]) == ["pull_request"]
    run = commands(flow)
    assert "make test" in run and "mkdocs build --strict" in run
    assert not re.search(r"mkdocs build[^\n]*(\s-v\b|--verbose)", run), "-v lets broken anchors pass (MkDocs bug #3991)"
    setup = next(s for s in steps(flow, "test-and-build") if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"


def test_main_publishes_with_the_official_pages_actions_and_a_fixed_date():
    flow = workflow("publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in flow["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action + "@") for u in uses), action
    run = commands(flow)
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in run
    assert "mkdocs build --strict" in run and not re.search(r"mkdocs build[^\n]*\s-v\b", run)
