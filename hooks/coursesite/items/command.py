"""``course items [--format text|json]``: the item-writing report (report.py).

Reads the sources only (no build). Exit status 0: the report is advice; the
checks that can fail are ``course check --items``."""

from __future__ import annotations

import argparse
import sys


def add_items_command(commands) -> None:
    items = commands.add_parser(
        "items", help="how well each page's questions resist a test-wise learner (cue strategies against chance)"
    )
    items.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or JSON")
    items.set_defaults(run=run_items)


def run_items(args: argparse.Namespace) -> int:
    from ..quiz.command import _load as load_course  # says so when mkdocs.yml is missing
    from . import report
    from .pools import item_pages

    course = load_course(args)
    if course is None:
        return 2
    rows = report.summaries(item_pages(course))
    sys.stdout.write(report.to_json(rows) if args.format == "json" else report.to_text(rows))
    return 0
