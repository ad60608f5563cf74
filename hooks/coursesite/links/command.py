"""``course links``: the link checks on their own.

    course links [--format text|json|github]          links inside the site
    course links --external [--format table|json|markdown]
                 [--cache-dir .cache/links] [--ttl-hours 24] [--timeout S]

Both build the course into a temporary folder first (or use ``--site-dir``).
Exit status: 1 when a link is broken (inside: any problem; outside: broken,
unreachable or timed out), 0 otherwise, 2 when the course cannot be built,
3 when --external finds no network (one sentence; nothing checked or cached).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ..commandline import missing_config

INTERNAL_FORMATS = {
    "auto": "auto",
    "text": "text",
    "table": "text",
    "markdown": "text",
    "json": "json",
    "github": "github",
}
NO_NETWORK_STATUS = 3
EPILOG = "exit status: 0 all good, 1 a link is broken, 2 the course cannot be built, 3 no network (--external only: nothing checked or cached)"
EXTERNAL_FORMATS = {
    "auto": "table",
    "text": "table",
    "table": "table",
    "github": "table",
    "json": "json",
    "markdown": "markdown",
}


def add_links_command(commands) -> None:
    parser = commands.add_parser(
        "links", help="check every link inside the site, or with --external every outside URL", epilog=EPILOG
    )
    parser.add_argument(
        "--external", action="store_true", help="check outside URLs of the site and the reading list (uses the network)"
    )
    parser.add_argument(
        "--format",
        choices=tuple(INTERNAL_FORMATS),
        default="auto",
        help="text|json|github for links inside; table|json|markdown for --external",
    )
    parser.add_argument(
        "--cache-dir",
        default=".cache/links",
        help="where answers are kept between runs, relative to the course folder (default: .cache/links)",
    )
    parser.add_argument(
        "--ttl-hours", type=float, default=24.0, help="how long a cached answer is trusted (default: 24; 0 asks again)"
    )
    parser.add_argument("--timeout", type=float, help="seconds per request (default: extra.lms.links.timeout or 10)")
    parser.add_argument("--site-dir", help="check this built site instead of building the course first")
    parser.set_defaults(run=run)


def _external(course, site_dir: Path, args: argparse.Namespace) -> int:
    from .cache import LinkCache
    from .external import NoNetwork, check_external
    from .lychee import LycheeFailed
    from .report import format_results
    from .settings import read_settings
    from .verdict import FAILING

    settings = read_settings(course.site)
    if args.timeout:
        settings.external.timeout = args.timeout
    cache_dir = Path(args.cache_dir)
    cache_dir = cache_dir if cache_dir.is_absolute() else course.site.root / cache_dir
    try:
        results = check_external(course, site_dir, LinkCache(cache_dir, args.ttl_hours), settings)
    except NoNetwork as offline:
        print(f"{offline}.", file=sys.stderr)
        return NO_NETWORK_STATUS
    except LycheeFailed as failed:
        print(f"{failed}.", file=sys.stderr)
        return 2
    print(format_results(results, EXTERNAL_FORMATS[args.format]))
    return 1 if any(r.status in FAILING for r in results) else 0


def _internal(course, site_dir: Path, args: argparse.Namespace) -> int:
    from ..problems import format_problems, sort_problems
    from .internal import check_site

    problems = sort_problems(check_site(course, site_dir))
    output = format_problems(problems, INTERNAL_FORMATS[args.format])
    if output:
        print(output)
    print(f"{len(problems)} link problem(s) found." if problems else "No link problems found.", file=sys.stderr)
    return 1 if problems else 0


def _build(config_file: Path, site_dir: Path) -> int:
    from ..problems import format_text
    from ..sitebuild import build_into

    problems = build_into(config_file, site_dir, strict=False)
    if (site_dir / "index.html").is_file():
        return 0
    print(format_text(problems), file=sys.stderr)
    print(
        "The course could not be built, so its links cannot be checked: fix the problems above first.", file=sys.stderr
    )
    return 2


def run(args: argparse.Namespace) -> int:
    from ..course_loader import load_course

    config_file = Path(args.config)
    if missing_config(config_file):
        return 2
    with tempfile.TemporaryDirectory(prefix="course-links-") as temp:
        site_dir = Path(args.site_dir) if args.site_dir else Path(temp) / "site"
        if args.site_dir and not site_dir.is_dir():
            print(f"{site_dir}: no such folder (build the site first, or leave out --site-dir)", file=sys.stderr)
            return 2
        if not args.site_dir and (status := _build(config_file, site_dir)):
            return status
        course = load_course(config_file)
        return (_external if args.external else _internal)(course, site_dir, args)
