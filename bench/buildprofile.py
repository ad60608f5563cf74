"""Where a build's time goes: one ``mkdocs build`` with each plugin's and each
hook's event handlers timed, MkDocs' Markdown conversion and page rendering
timed around them, and our own code's share of the CPU time sampled.

    .venv/bin/python bench/buildprofile.py path/to/mkdocs.yml   # prints JSON

Our code's share: a CPU-time timer (``ITIMER_PROF``) interrupts the build
every millisecond of CPU, and the CPU time since the last interruption counts
as ours when any frame of the running stack is a file under ``hooks/`` (the
hooks, the macros module, our Markdown extensions and what each of them
calls). Sampling finds our code wherever it is entered from, which event
timers cannot (a Markdown extension runs inside MkDocs' page rendering). The
outermost frame of ours names the part: ``on_post_build`` is the post-build
steps, other hook events are hooks, ``course_macros.py`` the macros, and our
code entered from Markdown is our Markdown extensions. Samples whose innermost
frame of ours is ``templates.py`` are Jinja at work on a page's template: they
count as ours, and are also added up on their own (``TEMPLATES``), because the
macros plugin would spend that time itself if our hook did not render pages.

bench_build.py runs it on the featured course (our share, with its target)
and on its plain twin (where the features' extra time goes). Timers and
samples add a little to each call; both courses pay alike.
"""

from __future__ import annotations

import collections
import json
import logging
import os
import signal
import sys
import tempfile
import time

from mkdocs import plugins
from mkdocs.commands import build
from mkdocs.exceptions import Abort
from mkdocs.structure import pages

HOOKS = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", "hooks")) + os.sep
INTERVAL_S = 0.001
OURS = "our code: "  # the prefix of the sampled figures
# Within our code: Jinja parsing, compiling and running trainers' page templates
# (coursesite/templates.py), the work the macros plugin does itself when our hook
# does not render the pages. Reported beside our share, never subtracted from it.
TEMPLATES = "within our code: Jinja on page templates"

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


class OwnCodeSampler:
    """CPU time with one of our files on the stack, by part (see the module's docstring)."""

    def __init__(self):
        self.spent: collections.Counter[str] = collections.Counter()
        self._ours: dict[str, bool] = {}  # file name -> under hooks/
        self._last = 0.0

    def _is_ours(self, filename: str) -> bool:
        if filename not in self._ours:
            self._ours[filename] = os.path.realpath(filename).startswith(HOOKS)
        return self._ours[filename]

    def _part(self, frame) -> tuple[str | None, bool]:
        """The part of ours running, and whether it is Jinja at work on a page's
        template (the innermost frame of ours is templates.py's)."""
        outermost = innermost = None
        while frame is not None:
            if self._is_ours(frame.f_code.co_filename):
                outermost = frame.f_code
                innermost = innermost or outermost
            frame = frame.f_back
        if outermost is None or innermost is None:
            return None, False
        in_templates = os.path.basename(innermost.co_filename) == "templates.py"
        name = os.path.basename(outermost.co_filename)
        if name == "course_hooks.py":
            return ("post-build steps" if outermost.co_name == "on_post_build" else "hooks"), in_templates
        return ("macros" if name == "course_macros.py" else "Markdown extensions"), in_templates

    def _sample(self, signum, frame) -> None:
        now = time.process_time()
        part, in_templates = self._part(frame)
        if part is not None:
            self.spent[part] += now - self._last
            if in_templates:
                self.spent[TEMPLATES] += now - self._last
        self._last = now

    def __enter__(self):
        self._last = time.process_time()
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, INTERVAL_S, INTERVAL_S)
        return self

    def __exit__(self, *exc) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)


def profile(config_file: str) -> dict[str, float]:
    from mkdocs.config import load_config

    _instrument()
    start = time.process_time()
    with tempfile.TemporaryDirectory(prefix="buildprofile-") as site_dir, OwnCodeSampler() as ours:
        config = load_config(config_file, site_dir=site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    spent["total (CPU)"] = time.process_time() - start
    templates = ours.spent.pop(TEMPLATES, 0.0)
    for part, seconds in ours.spent.items():
        spent[OURS + part] = seconds
    spent[OURS + "all"] = sum(ours.spent.values())
    spent[TEMPLATES] = templates
    return {label: round(seconds, 3) for label, seconds in spent.items()}


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # the build's own errors, if any
    try:
        figures = profile(sys.argv[1])
    except Abort as stop:
        sys.exit(f"build failed: {stop}")
    json.dump(figures, sys.stdout, indent=1, sort_keys=True)
