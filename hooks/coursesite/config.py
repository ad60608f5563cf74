"""Read what the course engine needs from ``mkdocs.yml`` without MkDocs.

The check command runs without building, so it reads the nav itself; the
build hook uses the same reader so both report nav problems identically.
Settings whose value follows MkDocs' rules (defaults, ``!ENV``, a packager's
overrides) are MkDocs' own: ``BuildSettings``, from the build's configuration
or from ``mkdocs.config.load_config`` (``sitebuild.mkdocs_settings``), which
validates and never builds.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .source import decode_source
from .urls import MALFORMED_HINT, split_url
from .yamlsrc import item_line, key_line, load_yaml


@dataclass
class NavEntry:
    src_uri: str  # relative to docs_dir, with forward slashes
    title: str | None
    line: int  # line in mkdocs.yml


@dataclass(frozen=True)
class BuildSettings:
    """The settings of mkdocs.yml the engine needs, as MkDocs resolved them."""

    site_dir: Path
    use_directory_urls: bool = True
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""  # MkDocs' default for a GitHub repo_url included

    @classmethod
    def of(cls, config: Any) -> BuildSettings:
        """From a configuration MkDocs validated (``MkDocsConfig``)."""
        return cls(
            site_dir=Path(config.site_dir),
            use_directory_urls=config.use_directory_urls is not False,
            site_url=config.site_url or "",
            repo_url=config.repo_url or "",
            edit_uri=config.edit_uri or "",
        )


@dataclass
class SiteConfig:
    root: Path  # the folder holding mkdocs.yml
    config_path: str  # as reported, e.g. "mkdocs.yml"
    docs_dir: Path
    docs_prefix: str  # docs_dir relative to root, e.g. "docs"
    site_name: str = ""
    nav: list[NavEntry] = field(default_factory=list)
    raw: Any = None
    problems: list[Problem] = field(default_factory=list)
    _settings: BuildSettings | None = field(default=None, repr=False)

    @property
    def settings(self) -> BuildSettings:
        """What MkDocs makes of mkdocs.yml; a build sets those it really used."""
        if self._settings is None:
            from .sitebuild import mkdocs_settings

            self._settings = mkdocs_settings(self.root / self.config_path)
        return self._settings

    @settings.setter
    def settings(self, value: BuildSettings) -> None:
        self._settings = value

    def report_path(self, src_uri: str) -> str:
        """Path of a docs file as a trainer sees it, e.g. docs/modules/01-x.md."""
        return f"{self.docs_prefix}/{src_uri}" if self.docs_prefix not in ("", ".") else src_uri


def built_page(src_uri: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs writes the page built from ``src_uri``, by MkDocs' own rule
    (``File.dest_uri``): ``index.md`` and ``README.md`` become ``index.html``;
    ``x.md`` becomes ``x/index.html``, or ``x.html`` without directory URLs."""
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    stem = "index" if stem == "README" else stem
    if not use_directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def _is_external(target: str) -> bool:
    return "://" in target or target.startswith(("mailto:", "/"))


def _walk_nav(items: Any, config_path: str, out: list[NavEntry], problems: list[Problem]) -> None:
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        line = item_line(items, index, 1)
        if isinstance(item, str):
            if not _is_external(item):
                out.append(NavEntry(item, None, line))
        elif not hasattr(item, "items") or len(item) != 1:
            # What MkDocs refuses ("Expected nav item to be a string or dict..."), said at the line.
            what = f"has {len(item)} titles ({', '.join(map(str, item))})" if hasattr(item, "items") else f"is {item!r}"
            problems.append(
                Problem(
                    config_path,
                    line,
                    f"nav entry {what}, not one page or section",
                    "write one entry per line, - path/to/page.md or - Title: path/to/page.md, with the pages of a section indented under it",
                )
            )
        else:
            for title, value in item.items():
                if isinstance(value, str):
                    if not _is_external(value):
                        out.append(NavEntry(value, str(title), line))
                elif isinstance(value, list):
                    _walk_nav(value, config_path, out, problems)
                else:
                    problems.append(
                        Problem(
                            config_path,
                            line,
                            f"nav entry '{title}' must name a page or a list of pages",
                            "write Title: path/to/page.md, or indent the section's pages under it",
                        )
                    )


def _address_problems(data: Any, config_path: str) -> list[Problem]:
    """MkDocs stops with a traceback on a malformed address in these settings."""
    return [
        Problem(config_path, key_line(data, key, 1), f"{key} '{value}' is not a well-formed address", MALFORMED_HINT)
        for key in ("site_url", "repo_url")
        if isinstance(value := data.get(key), str) and getattr(value, "tag", None) is None and split_url(value) is None
    ]


def read_site_config(config_file: Path) -> SiteConfig:
    config_file = config_file.resolve()
    root = config_file.parent
    report = config_file.name
    site = SiteConfig(root=root, config_path=report, docs_dir=root / "docs", docs_prefix="docs")
    try:
        text, problems = decode_source(config_file.read_bytes(), report)
    except OSError as error:
        site.problems.append(
            Problem(
                report,
                0,
                f"cannot read the site configuration: {error.strerror}",
                "run the command from the course folder",
            )
        )
        return site
    if text is None:
        site.problems += problems
        return site
    data, problems = load_yaml(text, report)
    site.problems += problems
    if not hasattr(data, "get"):
        if data is not None or not problems:
            site.problems.append(
                Problem(report, 1, "mkdocs.yml must be a mapping of settings", "compare it with the course template")
            )
        return site
    site.raw = data
    docs_dir = str(data.get("docs_dir", "docs"))
    site.docs_dir = (root / docs_dir).resolve()
    site.docs_prefix = Path(docs_dir).as_posix().strip("/") or "."
    site.site_name = str(data.get("site_name", ""))
    site.problems += _address_problems(data, report)
    _walk_nav(data.get("nav"), report, site.nav, site.problems)
    if "nav" not in data:
        site.problems.append(Problem(report, 1, "mkdocs.yml has no nav", "list the pages in course order under nav:"))
    return site
