"""The wheel on its own: built, installed into a new virtualenv outside the
repository, and used by another MkDocs project that lists the quiz extension.

Slow-ish (about a minute: a wheel build and a virtualenv's install from the
package cache), hence the ``slow`` mark. Nothing here may import from the
repository: the project's build and ``course quiz-assets`` run with the new
virtualenv's programs, and the installed package is checked to live there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from support.server import StaticServer
from support.sites import ROOT

pytestmark = pytest.mark.slow

QUIZ_FILES = ("quiz.js", "quiz/check.js", "store.js", "quiz.css")
PAGE = """\
# Warm-up

/// quiz | What makes praise work?
    id: praise-warm-up

- [x] It names what the person did
    > Yes: specific praise tells them what to repeat.
- [ ] It is given once a year
    > No: feedback works when it is timely.
///
"""


def _run(args: list, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _source_copy(target: Path) -> Path:
    """What the wheel is built from, laid out as in the repository (hooks/coursesite/browser links to docs/assets/lms)."""
    for name in ("pyproject.toml", "README.md"):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "hooks", target / "hooks", symlinks=True, ignore=ignore)
    shutil.copytree(ROOT / "docs" / "assets" / "lms", target / "docs" / "assets" / "lms")
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """A new virtualenv with the wheel and the locked dependencies; its bin folder and environment."""
    work = tmp_path_factory.mktemp("wheel")
    # Nothing of this process's environment may point Python back at the repository.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    source = _source_copy(work / "source")  # pip builds in the source folder: not in the repository
    _run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", work / "dist", source], work, env
    )
    [wheel] = (work / "dist").glob("*.whl")
    # Without pip of its own (a third of the time): this pip installs into it.
    _run([sys.executable, "-m", "venv", "--without-pip", work / "venv"], work, env)
    bin_dir = work / "venv" / "bin"
    pip = [sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet"]
    _run([*pip, "-c", ROOT / "requirements.lock", wheel], work, env)
    return bin_dir, env


@pytest.fixture(scope="module")
def other_project(installed, tmp_path_factory) -> Path:
    """A one-page MkDocs project with a quiz, built by the new virtualenv; its site folder."""
    bin_dir, env = installed
    project = tmp_path_factory.mktemp("project")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    copied = _run([bin_dir / "course", "quiz-assets", "docs"], project, env).stdout
    # The settings the command prints are the ones the project uses.
    settings = copied[copied.index("markdown_extensions:") :]
    config = "site_name: Another course\ntheme:\n  name: material\n  font: false\n" + settings
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    _run([bin_dir / "mkdocs", "build", "--strict"], project, dict(env, NO_MKDOCS_2_WARNING="1"))
    return project / "site"


def test_the_installed_package_is_the_wheel_not_the_repository(installed):
    bin_dir, env = installed
    where = _run([bin_dir / "python", "-c", "import coursesite; print(coursesite.__file__)"], Path("/"), env).stdout
    assert Path(where.strip()).is_relative_to(bin_dir.parent), where
    assert not Path(where.strip()).is_relative_to(ROOT), where


def test_the_quiz_renders_with_its_script_and_styles(other_project):
    html = (other_project / "index.html").read_text(encoding="utf-8")
    assert 'data-lms-quiz="praise-warm-up"' in html
    assert "It names what the person did" in html and "specific praise tells them what to repeat" in html
    assert 'href="assets/lms/quiz.css"' in html
    assert '<script src="assets/lms/quiz.js" type="module">' in html
    for name in QUIZ_FILES:  # the very files of the course's own site
        shipped = other_project / "assets" / "lms" / name
        assert shipped.read_bytes() == (ROOT / "docs" / "assets" / "lms" / name).read_bytes(), name


def test_the_quiz_is_checked_in_a_browser(other_project, open_page):
    with StaticServer(other_project) as server:
        page = open_page(server.url).page
        form = page.locator("form[data-lms-quiz]")
        expect(form).to_have_attribute("data-lms-ready", "")
        form.get_by_label("It names what the person did").check()
        form.get_by_role("button", name="Check answer").click()
        expect(form.locator(".lms-quiz__result")).to_contain_text("Correct")


def test_quiz_assets_names_a_missing_folder_in_one_sentence(installed, tmp_path):
    bin_dir, env = installed
    result = subprocess.run(
        [str(bin_dir / "course"), "quiz-assets", "nowhere"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("nowhere: no such folder")
    assert result.stderr.count("\n") == 1
