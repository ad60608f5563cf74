"""``course items [--format text|json]``: the item-writing report (report.py).

Reads the sources only (no build). Exit status 0: the report is advice; the
checks that can fail are ``course check --items``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_items_command(commands) -> None:
    items = commands.add_parser(
        "items", help="how well each page's questions resist a test-wise learner (cue strategies against chance)"
    )
    items.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or JSON")
    items.set_defaults(run=run_items)


def run_items(args: argparse.Namespace) -> int:
    from ..course_loader import load_course
    from . import report
    from .pools import item_pages

    config_file = Path(args.config)
    if not config_file.is_file():
        print(
            f"{config_file}: not found (run the command in the course folder, or pass --config path/to/mkdocs.yml)",
            file=sys.stderr,
        )
        return 2
    rows = report.summaries(item_pages(load_course(config_file)))
    sys.stdout.write(report.to_json(rows) if args.format == "json" else report.to_text(rows))
    return 0
