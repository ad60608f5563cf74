"""The ``course`` command for trainers.

    course check [--format text|json|github] [--no-build] [--items]
    course items   (coursesite/items/command.py)
    course links [--external] [--format ...]   (see coursesite/links/command.py)
    course answer-key [--format md|csv] [--output FILE]; course objectives   (coursesite/quiz/command.py)
    course scorm [--version 1.2|2004|both] [--output dist]   (coursesite/scorm/command.py)
    course postbuild SITE_DIR [--no-minify]   (coursesite/postbuild.py)

prints every content problem as ``path:line: message (hint)`` and exits 1 when
there is any, 0 when the course is clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commandline import missing_config
from .problems import ERROR, count_line, format_problems, sort_problems


def _report(problems: list, fmt: str) -> int:
    """Print every problem at once; the exit status: 1 when there is any."""
    problems = sort_problems(problems)
    output = format_problems(problems, fmt)
    if output:
        print(output)
    if fmt in ("text", "auto") and not output.startswith("::"):
        print(count_line(problems), file=sys.stderr)
    return 1 if problems else 0


def _check(args: argparse.Namespace) -> int:
    from . import all_checks, course_loader

    config_file = Path(args.config)
    if missing_config(config_file):
        return 2
    course: course_loader.Course | None = None
    if args.no_build:
        course = course_loader.load_course(config_file)
        problems = all_checks.check_sources(course)
    else:
        from .sitebuild import build_and_collect

        problems = build_and_collect(config_file)
    if args.items:  # item-writing flaws as errors (coursesite/items)
        from .items.check import item_problems

        problems += item_problems(course or course_loader.load_course(config_file), ERROR)
    return _report(problems, args.format)


def _postbuild(args: argparse.Namespace) -> int:
    from .postbuild import finish_built_site

    config_file, site_dir = Path(args.config), Path(args.site_dir)
    if missing_config(config_file):
        return 2
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here (no index.html); build the course first", file=sys.stderr)
        return 2
    return _report(finish_built_site(config_file, site_dir, minify_assets=not args.no_minify), args.format)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="course", description="Check and package the course.")
    parser.add_argument("--config", default="mkdocs.yml", help="the site configuration (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run every content check and list all problems")
    check.add_argument(
        "--format",
        choices=("auto", "text", "json", "github"),
        default="auto",
        help="output format (auto: GitHub annotations inside GitHub Actions, else text)",
    )
    check.add_argument(
        "--no-build",
        action="store_true",
        help="only check sources; skip the checks that need a build (links, rendered pages)",
    )
    check.add_argument(
        "--items",
        action="store_true",
        help="also report item-writing flaws (questions a test-wise learner can game) as errors",
    )
    check.set_defaults(run=_check)
    postbuild = commands.add_parser(
        "postbuild",
        help="finish a site built from this course by any generator: course data, stylesheets, minifying, built-site checks",
    )
    postbuild.add_argument("site_dir", help="the built site's folder")
    postbuild.add_argument("--no-minify", action="store_true", help="keep our JavaScript and CSS readable")
    postbuild.add_argument("--format", choices=("auto", "text", "json", "github"), default="auto", help="as for check")
    postbuild.set_defaults(run=_postbuild)
    from .links.command import add_links_command

    add_links_command(commands)  # course links [--external]: see coursesite/links/command.py
    from .quiz.command import add_quiz_commands

    add_quiz_commands(commands)  # course answer-key, course objectives: see coursesite/quiz/command.py
    from .scorm.command import add_scorm_command

    add_scorm_command(commands)  # course scorm [--version] [--output]: see coursesite/scorm/command.py
    from .items.command import add_items_command

    add_items_command(commands)  # course items: see coursesite/items/command.py
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
