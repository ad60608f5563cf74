"""``course answer-key`` and ``course objectives``: quiz material for trainers.

    course answer-key [--format md|csv] [--output FILE]
    course objectives

Both read the sources only (no build). The answer key is refused while any
quiz has a problem (a wrong key is worse than none) and is never written
into the docs or site folders, so it cannot be published by accident.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_quiz_commands(commands) -> None:
    key = commands.add_parser("answer-key", help="write the facilitators' answer key (not published)")
    key.add_argument("--format", choices=("md", "csv"), default="md", help="Markdown (default) or CSV, one row per choice")
    key.add_argument("--output", help="write to this file instead of the screen (never inside docs/ or the site folder)")
    key.set_defaults(run=run_answer_key)
    objectives = commands.add_parser("objectives", help="list each module's objectives and the quizzes that check them")
    objectives.set_defaults(run=run_objectives)


def _load(args: argparse.Namespace):
    from ..course import load_course

    config_file = Path(args.config)
    if not config_file.is_file():
        print(f"{config_file}: not found (run the command in the course folder, or pass --config path/to/mkdocs.yml)", file=sys.stderr)
        return None
    return load_course(config_file)


def _forbidden_folder(course, output: Path) -> Path | None:
    site = course.site
    site_dir = site.raw.get("site_dir", "site") if hasattr(site.raw, "get") else "site"
    for folder in (site.docs_dir, (site.root / str(site_dir)).resolve()):
        if output == folder or folder in output.parents:
            return folder
    return None


def run_answer_key(args: argparse.Namespace) -> int:
    from ..problems import format_problems, sort_problems
    from . import answerkey, check

    course = _load(args)
    if course is None:
        return 2
    problems = [p for p in sort_problems(check.check(course)) if p.is_error]
    if problems:
        print(format_problems(problems, "text"), file=sys.stderr)
        print(f"{len(problems)} quiz problem(s): fix them before writing the answer key.", file=sys.stderr)
        return 1
    text = answerkey.to_csv(course) if args.format == "csv" else answerkey.to_markdown(course)
    if not args.output:
        sys.stdout.write(text)
        return 0
    output = Path(args.output).resolve()
    folder = _forbidden_folder(course, output)
    if folder is not None:
        print(f"{args.output}: refusing to write the answer key inside {folder} (it would be published); choose a path outside it", file=sys.stderr)
        return 2
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"Answer key written to {args.output}.", file=sys.stderr)
    return 0


def run_objectives(args: argparse.Namespace) -> int:
    from .answerkey import objectives_text

    course = _load(args)
    if course is None:
        return 2
    sys.stdout.write(objectives_text(course))
    return 0
