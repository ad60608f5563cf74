"""The repository's own course: builds strict-clean, passes the check
command, and two builds of one commit are byte-identical."""

from __future__ import annotations

import filecmp
import os
import subprocess
from pathlib import Path

from support.sites import MKDOCS, ROOT

COURSE = Path(MKDOCS).with_name("course")


def test_repository_course_builds_strict_clean(built_course):
    assert (built_course / "index.html").is_file()
    assert (built_course / "modules" / "01-manager-or-leader" / "index.html").is_file()


def test_check_command_is_clean_on_the_repository():
    result = subprocess.run(
        [str(COURSE), "check", "--format", "text"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _tree_differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    differences = [f"only in one build: {name}" for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    differences += [f"differs: {(left / name).relative_to(left)}" for name in mismatch + errors]
    for sub in comparison.common_dirs:
        differences += _tree_differences(left / sub, right / sub)
    return differences


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
    for name in ("first", "second"):
        result = subprocess.run(
            [str(MKDOCS), "build", "--strict", "--site-dir", str(tmp_path / name)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert _tree_differences(tmp_path / "first", tmp_path / "second") == []
