"""Run a real MkDocs build in-process and collect the course's problems.

This is the only module of the package that imports MkDocs (lazily): the
``course check`` command uses it so that checks which need rendered HTML
(links, leftover quiz syntax) run exactly as in ``mkdocs build``.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from . import state
from .problems import Problem


class _Capture(logging.Handler):
    """Keeps MkDocs' own warnings (e.g. its link validation) as problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _unreadable_config(config_file: Path, error: ValueError) -> list[Problem]:
    """MkDocs' own reading of a setting it cannot parse (a malformed site_url)
    raised: the course's reading of mkdocs.yml says which line."""
    from .config import read_site_config

    stopped = Problem(config_file.name, 0, f"the build stopped: MkDocs cannot read a setting ({error})", "fix the other problems listed for mkdocs.yml, then run the check again")
    return read_site_config(config_file).problems + [stopped]


def build_and_collect(config_file: Path) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="course-check-") as site_dir:
        return build_into(config_file, Path(site_dir), strict=False)


def build_into(config_file: Path, site_dir: Path, *, skip_templates: tuple[str, ...] = (), packaging: bool = False, **overrides) -> list[Problem]:
    """Build into ``site_dir`` and return every problem (none: the site is good).

    ``overrides`` replace settings of mkdocs.yml for this build only, e.g. the
    SCORM packager's ``use_directory_urls=False, site_url="", strict=True``;
    ``skip_templates`` names theme pages not to render (e.g. ``404.html``);
    ``packaging`` builds the pages of a SCORM package (``state.packaging``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    state.collect_only = True
    state.packaging = packaging
    state.current = None  # a failed config must not report an earlier build's problems
    problems: list[Problem] = []
    try:
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), **overrides)
        except ValueError as error:
            return _unreadable_config(config_file, error)
        config.theme.static_templates.difference_update(skip_templates)
        build(config)
    except MkDocsException as error:
        problems.append(Problem(str(config_file.name), 0, f"the build stopped: {error}", "fix the problems above, then run the check again"))
    finally:
        state.collect_only = state.packaging = False
        logger.removeHandler(capture)
    if state.current is not None:
        problems += state.current.problems
    for record in capture.records:
        if record.name.startswith("mkdocs.hooks.course"):
            continue
        message = " ".join(record.getMessage().split())
        problems.append(Problem("mkdocs", 0, message, "reported by MkDocs", "error" if record.levelno >= logging.ERROR else "warning"))
    return problems
