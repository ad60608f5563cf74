"""The quiz's browser code and styles, for a site that uses the extension on its own.

The course's own site publishes them from ``docs/assets/lms`` like any file of
``docs/``. Another MkDocs project that lists ``coursesite.quiz`` under
``markdown_extensions`` has no such folder: ``course quiz-assets`` copies them
out of the installed package into its ``docs/``, and its ``mkdocs.yml`` links
them (``MKDOCS_SETTINGS``). Without them a quiz still works (native inputs and
a "Show answer" disclosure); with them it is checked, styled and remembered.

The package's ``browser`` folder is ``docs/assets/lms`` itself (a link in the
repository, copied into the wheel), so there is one copy of each file.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

FOLDER = "assets/lms"  # inside docs/, as in the course's own site
# quiz.js imports the other two scripts by these relative paths.
FILES = ("quiz.js", "quiz/check.js", "store.js", "quiz.css")
MKDOCS_SETTINGS = f"""\
markdown_extensions:
  - coursesite.quiz
extra_css:
  - {FOLDER}/quiz.css
extra_javascript:
  - path: {FOLDER}/quiz.js
    type: module
"""


def browser_files() -> Traversable:
    """The package's copy of ``docs/assets/lms``."""
    return files("coursesite") / "browser"


def copy_quiz_assets(docs_dir: Path) -> list[Path]:
    """Write the quiz's files under ``docs_dir/assets/lms``; returns the files written."""
    source = browser_files()
    written = []
    for name in FILES:
        target = docs_dir / FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.joinpath(*name.split("/")).read_bytes())
        written.append(target)
    return written
