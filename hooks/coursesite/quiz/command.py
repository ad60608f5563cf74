"""``course answer-key``, ``course objectives`` and ``course quiz-assets``: quiz material for trainers.

    course answer-key [--format md|csv] [--output FILE|-]
    course objectives
    course quiz-assets [DOCS_DIR]   (quiz/assets.py: the quiz in another MkDocs project)

Both read the sources only (no build). The answer key is refused while any
quiz has a problem (a wrong key is worse than none). It is written outside
the course's repository, by default to ``~/answer-keys/<course>.md``, and
never inside it: a key in the repository is one ``git add .`` away from a
public commit, and a ``.gitignore`` entry would not stop ``git add -f``, a
copied or zipped folder, or a CI job that uploads the whole workspace.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..commandline import missing_config

KEY_FOLDER = "answer-keys"  # in the trainer's home folder
OUTPUT_HELP = (
    "where to write the key (default: ~/answer-keys/<course>.md or .csv; '-' prints it). Never inside the course's "
    "repository: a key there can be committed and published by accident, which .gitignore alone does not prevent"
)


def add_quiz_commands(commands) -> None:
    key = commands.add_parser("answer-key", help="write the facilitators' answer key (not published)")
    key.add_argument(
        "--format", choices=("md", "csv"), default="md", help="Markdown (default) or CSV, one row per choice"
    )
    key.add_argument("--output", help=OUTPUT_HELP)
    key.set_defaults(run=run_answer_key)
    objectives = commands.add_parser("objectives", help="list each module's objectives and the quizzes that check them")
    objectives.set_defaults(run=run_objectives)
    assets = commands.add_parser(
        "quiz-assets", help="copy the quiz's JavaScript and CSS into another MkDocs project's docs folder"
    )
    assets.add_argument("docs_dir", nargs="?", default="docs", help="the project's docs folder (default: docs)")
    assets.set_defaults(run=run_quiz_assets)


def _load(args: argparse.Namespace):
    from ..course_loader import load_course

    config_file = Path(args.config)
    if missing_config(config_file):
        return None
    return load_course(config_file)


def repository_root(folder: Path) -> Path:
    """The git work tree holding ``folder`` (the nearest ``.git`` above it), else ``folder``."""
    folder = folder.resolve()
    return next((parent for parent in (folder, *folder.parents) if (parent / ".git").exists()), folder)


def default_output(course, fmt: str) -> Path:
    name = re.sub(r"[^a-z0-9]+", "-", course.site.site_name.lower()).strip("-") or "course"
    return Path.home() / KEY_FOLDER / f"{name}.{fmt}"


def _forbidden_folder(course, output: Path) -> Path | None:
    """The folder of the repository or of the published site that ``output`` is in, if any."""
    site = course.site
    for folder in (repository_root(site.root), site.docs_dir, site.settings.site_dir.resolve()):
        if output == folder or folder in output.parents:
            return folder
    return None


def run_answer_key(args: argparse.Namespace) -> int:
    from ..problems import format_problems, sort_problems
    from . import answerkey, source_check

    course = _load(args)
    if course is None:
        return 2
    problems = [p for p in sort_problems(source_check.check(course)) if p.is_error]
    if problems:
        print(format_problems(problems, "text"), file=sys.stderr)
        print(f"{len(problems)} quiz problem(s): fix them before writing the answer key.", file=sys.stderr)
        return 1
    text = answerkey.to_csv(course) if args.format == "csv" else answerkey.to_markdown(course)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    output = Path(args.output).resolve() if args.output else default_output(course, args.format)
    folder = _forbidden_folder(course, output)
    if folder is not None:
        print(
            f"{output}: refusing to write the answer key inside {folder} (it could be committed or published with the course); "
            f"choose a path outside it, e.g. ~/{KEY_FOLDER}/, or leave out --output",
            file=sys.stderr,
        )
        return 2
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"Answer key written to {output} (outside the repository: keep it away from learners).", file=sys.stderr)
    return 0


def run_objectives(args: argparse.Namespace) -> int:
    from .answerkey import objectives_text

    course = _load(args)
    if course is None:
        return 2
    sys.stdout.write(objectives_text(course))
    return 0


def run_quiz_assets(args: argparse.Namespace) -> int:
    from .assets import MKDOCS_SETTINGS, copy_quiz_assets

    docs_dir = Path(args.docs_dir)
    if not docs_dir.is_dir():
        print(
            f"{docs_dir}: no such folder (name the project's docs folder, e.g. course quiz-assets docs)",
            file=sys.stderr,
        )
        return 2
    for file in copy_quiz_assets(docs_dir):
        print(f"wrote {file}")
    print(f"\nmkdocs.yml needs (merge with what it has):\n\n{MKDOCS_SETTINGS}")
    return 0
