"""Where a build's time goes: one ``mkdocs build`` with each plugin's and each
hook's event handlers timed, and MkDocs' Markdown conversion and page
rendering timed around them.

    .venv/bin/python bench/buildprofile.py path/to/mkdocs.yml   # prints JSON

bench_build.py runs it on the featured course and on its plain twin, so the
report says what our features' extra time is spent on, not only how much
there is. Timers add a little to each call; the two courses pay alike.
"""

from __future__ import annotations

import collections
import json
import logging
import sys
import tempfile
import time

from mkdocs import plugins
from mkdocs.commands import build
from mkdocs.exceptions import Abort
from mkdocs.structure import pages

spent: collections.Counter[str] = collections.Counter()


def _timed(label: str, function):
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    timed.mkdocs_priority = getattr(function, "mkdocs_priority", 0)  # keep the event order
    return timed


def _instrument() -> None:
    register = plugins.PluginCollection._register_event

    def register_timed(self, event_name, method, plugin_name=None):
        if isinstance(method, plugins.CombinedEvent):  # a hook's handlers of one event, each timed
            for sub in method.methods:
                register_timed(self, event_name, sub, plugin_name)
            return
        owner = "our hook" if plugin_name and plugin_name.endswith(".py") else f"plugin {plugin_name}"
        register(self, event_name, _timed(f"{owner}: on_{event_name}", method), plugin_name)

    plugins.PluginCollection._register_event = register_timed
    # Markdown to HTML with every extension (quiz blocks included), and the theme's templates.
    pages.Page.render = _timed("MkDocs: Markdown to HTML (all extensions)", pages.Page.render)
    build._build_page = _timed("MkDocs: page templates and writing (incl. their plugin events)", build._build_page)


def profile(config_file: str) -> dict[str, float]:
    from mkdocs.config import load_config

    _instrument()
    start = time.process_time()
    with tempfile.TemporaryDirectory(prefix="buildprofile-") as site_dir:
        config = load_config(config_file, site_dir=site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    spent["total (CPU)"] = time.process_time() - start
    return {label: round(seconds, 3) for label, seconds in spent.items()}


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # the build's own errors, if any
    try:
        figures = profile(sys.argv[1])
    except Abort as stop:
        sys.exit(f"build failed: {stop}")
    json.dump(figures, sys.stdout, indent=1, sort_keys=True)
