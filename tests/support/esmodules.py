"""Run the course's browser modules directly, in the real browser engine, for
tests of their pure functions (no course build needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .server import StaticServer
from .sites import ROOT


@contextmanager
def module_runner(browser, folder: str, imports: str, names: str) -> Iterator[Callable[..., Any]]:
    """``run(body, **args)``: evaluate ``body`` (with the args as constants) and return its JSON result.

    A page at ``docs/<folder>`` (served on 127.0.0.1, so relative imports resolve as
    on the site) first runs ``imports``, which puts the modules on ``window``;
    ``names`` declares them for each body, e.g. ``"R = window.R"``.
    """
    with StaticServer(ROOT / "docs") as server:
        page = browser.new_page()
        page.goto(server.url + folder)
        page.evaluate(f"async () => {{ {imports} }}")

        def run(body: str, **args):
            return page.evaluate(f"async ({{ {', '.join(args)} }}) => {{ const {names}; {body} }}", args)

        yield run
        page.close()
