"""What the link checks read from ``mkdocs.yml``.

The site's own address (``site_url``) decides which absolute links are really
internal: the 404 page links ``/sales-leader-course/assets/...`` and every page
carries a canonical ``https://.../sales-leader-course/...`` link. Options for
the checks live under ``extra.lms.links`` (documented in docs/guide/links.md):

    extra:
      lms:
        links:
          accept: {linkedin.com: [999]}  # answers that count as working, per host
          http_only: [example.org]       # hosts with no https: no http:// warning
          skip: [https://example.com/private/]  # URL prefixes never checked outside
          timeout: 10                    # seconds per request (external check)
          retries: 2
          per_host: 2                    # requests at once to one host
          concurrency: 16                # requests at once in all
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from ..config import SiteConfig
from ..problems import Problem
from ..urls import split_url
from ..yamlsrc import key_line

# Sites known to refuse robots with a non-standard answer although the page exists.
DEFAULT_ACCEPT = {"linkedin.com": frozenset({999})}
NUMBERS = {
    "timeout": (float, 0.05, 300.0),
    "retries": (int, 0, 10),
    "per_host": (int, 1, 32),
    "concurrency": (int, 1, 128),
}
KEYS = ("accept", "http_only", "skip", *NUMBERS)


@dataclass
class ExternalSettings:
    timeout: float = 10.0  # seconds for one request (lychee counts whole seconds: rounded up)
    retries: int = 2  # further attempts after a timeout, a refused connection, 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry (lychee: whole seconds); it doubles each time
    per_host: int = 2
    concurrency: int = 16
    accept: dict[str, frozenset[int]] = field(default_factory=lambda: dict(DEFAULT_ACCEPT))
    skip: tuple[str, ...] = ()
    try_https: bool = True  # for http:// links, see whether https:// answers too


@dataclass
class LinkSettings:
    site_url: str = ""
    prefix: str = "/"  # path of the site on its server, e.g. "/sales-leader-course/"
    use_directory_urls: bool = True
    http_only: tuple[str, ...] = ()
    edit_prefix: str = ""  # the theme's "edit this page" links, one per page
    custom_dir: str = ""
    external: ExternalSettings = field(default_factory=ExternalSettings)
    problems: list[Problem] = field(default_factory=list)

    @property
    def site_origin(self) -> str:
        parts = split_url(self.site_url)
        return f"{parts.scheme}://{parts.netloc}" if parts and parts.scheme and parts.netloc else ""


def config_value(raw: Any, key: str, default: Any = None) -> Any:
    """A top-level setting of mkdocs.yml, resolving MkDocs' ``!ENV`` tag."""
    value = raw.get(key, default) if hasattr(raw, "get") else default
    if getattr(value, "tag", None) == "!ENV":
        names = list(value) if isinstance(value, list) else [value]
        fallback = names.pop() if isinstance(value, list) and len(names) > 1 else None
        return next((os.environ[str(n)] for n in names if str(n) in os.environ), fallback)
    return value


def _hosts(value: Any, path: str, line: int, key: str, problems: list[Problem]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(
            Problem(path, line, f"extra.lms.links.{key} must be a list of texts", f"write {key}: [example.org]")
        )
        return ()
    return tuple(v.strip().lower() for v in value)


def _accept(value: Any, path: str, line: int, problems: list[Problem]) -> dict[str, frozenset[int]]:
    accept = dict(DEFAULT_ACCEPT)
    if not hasattr(value, "items"):
        problems.append(
            Problem(
                path,
                line,
                "extra.lms.links.accept must map hosts to lists of status codes",
                "write accept: {linkedin.com: [999]}",
            )
        )
        return accept
    for host, codes in value.items():
        if not isinstance(codes, list) or not all(isinstance(c, int) and not isinstance(c, bool) for c in codes):
            problems.append(
                Problem(
                    path,
                    key_line(value, host, 1),
                    f"accepted answers for '{host}' must be a list of status codes",
                    f"write {host}: [999]",
                )
            )
            continue
        accept[str(host).lower()] = frozenset(codes)
    return accept


def _number(key: str, value: Any, path: str, line: int, problems: list[Problem]) -> Any:
    kind, low, high = NUMBERS[key]
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (kind is int and not isinstance(value, int))
        or not low <= value <= high
    ):
        problems.append(
            Problem(
                path,
                line,
                f"extra.lms.links.{key} must be a {'whole ' if kind is int else ''}number from {low} to {high}, not {value!r}",
                "fix the value or remove the line to use the default",
            )
        )
        return None
    return kind(value)


def _read_options(settings: LinkSettings, options: Any, path: str) -> None:
    problems, external = settings.problems, settings.external
    if not hasattr(options, "items"):
        problems.append(Problem(path, 1, "extra.lms.links must be a mapping of options", "see docs/guide/links.md"))
        return
    for key, value in options.items():
        line = key_line(options, key, 1)
        if key not in KEYS:
            problems.append(
                Problem(path, line, f"unknown option '{key}' in extra.lms.links", f"use only {', '.join(KEYS)}")
            )
        elif key == "accept":
            external.accept = _accept(value, path, line, problems)
        elif key == "http_only":
            settings.http_only = _hosts(value, path, line, key, problems)
        elif key == "skip":
            external.skip = _hosts(value, path, line, key, problems)
        elif (number := _number(key, value, path, line, problems)) is not None:
            setattr(external, key, number)


def read_settings(site: SiteConfig, built: dict | None = None) -> LinkSettings:
    """Settings from mkdocs.yml; ``built`` (``course.extras["build_settings"]``,
    set by the hook) gives the values the build really used."""
    raw: Any = site.raw if hasattr(site.raw, "get") else {}  # YAML data: checked key by key below
    built = built or {}
    site_url = str(built.get("site_url", config_value(raw, "site_url")) or "")
    parts = split_url(site_url)
    if parts is None:  # reported by config.read_site_config
        site_url = ""
    path = parts.path.strip("/") if parts else ""
    settings = LinkSettings(site_url=site_url, prefix=("/" + path + "/").replace("//", "/"))
    settings.use_directory_urls = (
        built.get("use_directory_urls", config_value(raw, "use_directory_urls", True)) is not False
    )
    repo_url = str(config_value(raw, "repo_url") or "").rstrip("/")
    edit_uri = str(config_value(raw, "edit_uri") or ("edit/master/docs/" if "github.com" in repo_url else ""))
    settings.edit_prefix = f"{repo_url}/{edit_uri.strip('/')}/" if repo_url and edit_uri else ""
    theme = raw.get("theme")
    settings.custom_dir = str(theme.get("custom_dir") or "") if hasattr(theme, "get") else ""
    extra = raw.get("extra")
    lms = extra.get("lms") if hasattr(extra, "get") else {}
    if hasattr(lms, "get") and "links" in lms:
        _read_options(settings, lms["links"], site.config_path)
    return settings
