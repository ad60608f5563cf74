"""Run a real MkDocs build in-process and collect the course's problems.

This is the only module of the package that imports MkDocs (lazily): the
``course check`` command uses it so that checks which need rendered HTML
(links, leftover quiz syntax) run exactly as in ``mkdocs build``, and the
engine reads the settings MkDocs resolves from mkdocs.yml through it.
"""

from __future__ import annotations

import logging
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import state
from .config import BuildSettings
from .problems import Problem

REFUSED = re.compile(r"Config value '([^']*)': (.*)", re.S)


class _Capture(logging.Handler):
    """Keeps MkDocs' own warnings (e.g. its link validation) as problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_and_collect(config_file: Path) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="course-check-") as site_dir:
        return build_into(config_file, Path(site_dir), strict=False)


def build_into(
    config_file: Path, site_dir: Path, *, skip_templates: tuple[str, ...] = (), packaging: bool = False, **overrides
) -> list[Problem]:
    """Build into ``site_dir`` and return every problem (none: the site is good).

    ``overrides`` replace settings of mkdocs.yml for this build only, e.g. the
    SCORM packager's ``use_directory_urls=False, site_url="", strict=True``;
    ``skip_templates`` names theme pages not to render (e.g. ``404.html``);
    ``packaging`` builds the pages of a SCORM package (``state.BuildOptions``).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    problems: list[Problem] = []
    try:
        with state.requesting(collect_only=True, packaging=packaging):
            with refused_settings() as refused:
                try:
                    config = load_config(str(config_file), site_dir=str(site_dir), **overrides)
                except (MkDocsException, ValueError) as error:  # ValueError: MkDocs cannot split a malformed site_url
                    return config_problems(config_file, refused, error)
            config.theme.static_templates.difference_update(skip_templates)
            build(config)
    except MkDocsException as error:
        problems.append(
            Problem(
                str(config_file.name),
                0,
                f"the build stopped: {error}",
                "fix the problems above, then run the check again",
            )
        )
    finally:
        logger.removeHandler(capture)
    if state.current is not None:
        problems += state.current.problems
    for record in capture.records:
        if record.name.startswith("mkdocs.hooks.course_hooks"):
            continue
        message = " ".join(record.getMessage().split())
        problems.append(
            Problem(
                "mkdocs", 0, message, "reported by MkDocs", "error" if record.levelno >= logging.ERROR else "warning"
            )
        )
    return problems


@contextmanager
def refused_settings():
    """MkDocs' messages about settings it refuses ("Config value 'nav': ..."),
    kept instead of printed: ``config_problems`` says them at their lines."""
    held: list[str] = []

    def hold(record: logging.LogRecord) -> bool:
        refused = record.levelno >= logging.ERROR and REFUSED.match(record.getMessage())
        if refused:
            held.append(record.getMessage())
        return not refused

    logger = logging.getLogger("mkdocs.config")
    logger.addFilter(hold)
    try:
        yield held
    finally:
        logger.removeFilter(hold)


def config_problems(config_file: Path, refused: list[str], error: Exception) -> list[Problem]:
    """Why MkDocs could not use ``config_file``: every source problem (the
    course's own reading of mkdocs.yml names YAML and nav mistakes at their
    lines), then MkDocs' messages about other settings at their keys' lines."""
    from . import all_checks
    from .course_loader import load_course
    from .yamlsrc import key_line

    course = load_course(config_file)
    site = course.site
    problems = all_checks.check_sources(course)
    own = [p for p in problems if p.path == site.config_path and p.is_error]
    for message in refused:
        match = REFUSED.match(message)
        assert match is not None  # refused_settings keeps no other message
        key, text = match.groups()
        if key == "nav" and own:
            continue  # the course's nav reading said it at its line
        line = key_line(site.raw, key, 1) if hasattr(site.raw, "get") and key in site.raw else 0
        own.append(
            Problem(
                site.config_path,
                line,
                f"'{key}': {' '.join(text.split())}",
                "see this setting in the MkDocs documentation (mkdocs.org/user-guide/configuration)",
            )
        )
        problems.append(own[-1])
    if not own:
        problems.append(
            Problem(
                site.config_path,
                0,
                f"MkDocs cannot use it: {' '.join(str(error).split())}",
                "compare it with the course template",
            )
        )
    return problems


def mkdocs_settings(config_file: Path, **overrides: Any) -> BuildSettings:
    """MkDocs' reading of ``config_file``; its defaults when MkDocs refuses the
    file (the course's own reading names those mistakes at their lines)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with refused_settings():
        try:
            return BuildSettings.of(load_config(str(config_file), **overrides))
        except (MkDocsException, ValueError):  # ValueError: a malformed site_url
            return BuildSettings(site_dir=config_file.parent / "site")


def keep_serving(builder, config_file: Path, report) -> object:
    """``mkdocs serve``'s rebuild, made never to raise: when mkdocs.yml cannot
    be used (or a build stops), MkDocs would print a traceback and hold every
    request until the next good build. Instead ``report`` gets the problems and
    the preview keeps serving the last good build."""
    from mkdocs.exceptions import MkDocsException

    def rebuild() -> None:
        with refused_settings() as refused:
            try:
                return builder()
            except MkDocsException as error:
                problems = config_problems(config_file, refused, error)
        report(problems)

    return rebuild
