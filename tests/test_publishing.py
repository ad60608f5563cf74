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
    setups = [
        s for job in flow["jobs"] for s in steps(flow, job) if s.get("uses", "").startswith("actions/setup-python")
    ]
    assert setups and all(setup["with"]["cache"] == "pip" for setup in setups)


def test_main_publishes_with_the_official_pages_actions_and_a_fixed_date():
    flow = workflow("publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in flow["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action + "@") for u in uses), action
    run = commands(flow)
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in run
    assert "mkdocs build --strict" in run and not re.search(r"mkdocs build[^\n]*\s-v\b", run)


def _step(flow: dict, command: str, edition: str | None = None) -> tuple[str, int, dict]:
    """(job, index, step) of the one step whose run: holds ``command`` (and,
    given ``edition``, that builds that edition: COURSE_EDITION, default learner)."""
    found = [
        (job, i, step)
        for job in flow["jobs"]
        for i, step in enumerate(steps(flow, job))
        if command in step.get("run", "")
        and (edition is None or step.get("env", {}).get("COURSE_EDITION", "learner") == edition)
    ]
    assert len(found) == 1, f"{command!r} should be run by exactly one step, found {len(found)}"
    return found[0]


def _needs(flow: dict, job: str) -> set[str]:
    needs = flow["jobs"][job].get("needs", [])
    return {needs} if isinstance(needs, str) else set(needs)


def test_every_job_of_every_workflow_has_a_time_limit():
    for file in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in workflow(file.name)["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, (
                f"{file.name}: job {name}"
            )


def test_pull_requests_get_content_annotations_first_and_whatever_the_tests_do():
    flow = workflow("pull-request.yml")
    check_job, check_at, check = _step(flow, "course check --format github")
    tests_job, tests_at, _ = _step(flow, "make test")
    assert "!cancelled()" in str(check.get("if", "")), "annotations even when an earlier step failed"
    if check_job == tests_job:
        assert check_at < tests_at, "the content check runs before the browser suite"
    else:
        assert check_job in _needs(flow, tests_job), "the content check's job runs before the browser suite's"
        assert "!cancelled()" in str(flow["jobs"][tests_job].get("if", "")), "content problems must not skip the tests"
        assert flow["jobs"][check_job]["timeout-minutes"] <= 10
        content = "\n".join(s.get("run", "") for s in steps(flow, check_job))
        assert "make test" not in content and ".[test]" not in content, "the content job installs no browser suite"
    for edition in ("learner", "facilitator"):
        build_job, _, build = _step(flow, "mkdocs build --strict", edition=edition)
        assert build_job == check_job and "!cancelled()" in str(build.get("if", "")), (
            f"the strict build of the {edition} edition runs even when the check found problems"
        )


def test_main_publishes_the_learner_edition_and_keeps_the_facilitator_edition_private():
    flow = workflow("publish.yml")
    _, _, learner = _step(flow, "mkdocs build --strict", edition="learner")
    _, _, facilitator = _step(flow, "mkdocs build --strict", edition="facilitator")
    assert "--site-dir site-facilitator" in facilitator["run"] and "--site-dir" not in learner["run"]
    uploads = [s for s in steps(flow, "build") if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert [s["with"]["path"] for s in uploads] == ["site-facilitator"], "the facilitator edition is a private download"
    _, _, publish = _step(flow, "cp -R site-facilitator site/facilitator")
    assert publish["if"] == "${{ vars.PUBLISH_FACILITATOR_EDITION == 'true' }}", "publishing it is an explicit opt-in"


def test_a_new_push_cancels_the_pull_requests_superseded_run():
    concurrency = workflow("pull-request.yml")["concurrency"]
    assert concurrency["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in concurrency["group"] or "github.ref" in concurrency["group"]


def test_only_the_deploy_job_may_publish_to_pages():
    flow = workflow("publish.yml")
    assert not {"pages", "id-token"} & set(flow.get("permissions", {})), "no Pages rights for every job"
    for name, job in flow["jobs"].items():
        permissions = job.get("permissions", {})
        deploys = any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"])
        if deploys:
            assert permissions.get("pages") == "write" and permissions.get("id-token") == "write", name
        else:
            assert permissions.get("pages") in (None, "read") and "id-token" not in permissions, name


def test_the_link_cache_is_saved_even_when_links_are_broken():
    flow = workflow("external-links.yml")
    [job] = flow["jobs"]
    uses = [s.get("uses", "") for s in steps(flow, job)]
    assert not any(u.startswith("actions/cache@") for u in uses), "actions/cache saves only after a successful job"
    restore = next(s for s in steps(flow, job) if s.get("uses", "").startswith("actions/cache/restore@"))
    save_at, save = next(
        (i, s) for i, s in enumerate(steps(flow, job)) if s.get("uses", "").startswith("actions/cache/save@")
    )
    _, check_at, _ = _step(flow, "course links --external")
    assert check_at < save_at and save.get("if") in ("always()", "${{ always() }}")
    assert save["with"]["path"] == restore["with"]["path"] == ".cache/links"
    assert save["with"]["key"] == restore["with"]["key"]
