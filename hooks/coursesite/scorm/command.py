"""``course scorm``: build the SCORM packages a training administrator imports.

    course scorm [--version 1.2|2004|both] [--output dist]

Builds the course strictly (every check must pass) into a temporary folder
and writes ``<course>-scorm12.zip`` and/or ``<course>-scorm2004.zip``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..commandline import missing_config
from . import VERSIONS


def add_scorm_command(commands) -> None:
    scorm = commands.add_parser("scorm", help="build SCORM 1.2 and 2004 packages for a corporate LMS")
    scorm.add_argument(
        "--version", choices=("1.2", "2004", "both"), default="both", help="SCORM version to package (default: both)"
    )
    scorm.add_argument("--output", default="dist", help="folder for the zip files (default: dist)")
    scorm.set_defaults(run=run_scorm)


def run_scorm(args: argparse.Namespace) -> int:
    from ..config import read_site_config
    from ..problems import format_problems, sort_problems
    from .package import build_packages
    from .suspend import SCORM12_LIMIT

    config_file = Path(args.config)
    if missing_config(config_file):
        return 2
    output = Path(args.output).resolve()
    docs_dir = read_site_config(config_file).docs_dir
    if output == docs_dir or docs_dir in output.parents:
        print(
            f"{args.output}: refusing to write packages inside {docs_dir} (they would be published); choose a folder outside it",
            file=sys.stderr,
        )
        return 2
    versions = list(VERSIONS) if args.version == "both" else [args.version]
    result = build_packages(config_file, output, versions)
    if result.problems:
        print(format_problems(sort_problems(result.problems), "text"))
        print(
            f"{len(result.problems)} problem(s): no package written. Fix them and run 'course scorm' again.",
            file=sys.stderr,
        )
        return 1
    for version, package in zip(versions, result.packages, strict=True):
        print(f"SCORM {version}: {Path(args.output) / package.name}")
    print(f"Learner record (suspend data): at most {result.worst_case} characters; SCORM 1.2 allows {SCORM12_LIMIT}.")
    return 0
