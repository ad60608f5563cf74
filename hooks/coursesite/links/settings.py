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

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ..config import SiteConfig
from ..problems import Problem
from ..urls import split_url
from ..validate import Validator, is_int, number
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
        if not isinstance(codes, list) or not all(is_int(c) for c in codes):
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


def _number(key: str) -> Validator:
    kind, low, high = NUMBERS[key]
    whole = "whole " if kind is int else ""
    return number(
        low,
        high,
        lambda value: f"extra.lms.links.{key} must be a {whole}number from {low} to {high}, not {value!r}",
        "fix the value or remove the line to use the default",
        whole=kind is int,
    )


NUMBER_VALIDATORS = {key: _number(key) for key in NUMBERS}


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
        else:
            clean, error = NUMBER_VALIDATORS[key](value)
            if error:
                problems.append(Problem(path, line, *error))
            else:
                setattr(external, key, NUMBERS[key][0](clean))


def read_settings(site: SiteConfig) -> LinkSettings:
    """MkDocs' own settings (``site.settings``: those of the build when one runs)
    and the link options of ``extra.lms.links``."""
    raw: Any = site.raw if hasattr(site.raw, "get") else {}  # YAML data: checked key by key below
    resolved = site.settings
    parts = split_url(resolved.site_url)
    site_url = resolved.site_url if parts is not None else ""  # malformed: reported by config.read_site_config
    path = parts.path.strip("/") if parts is not None else ""
    settings = LinkSettings(site_url=site_url, prefix=("/" + path + "/").replace("//", "/"))
    settings.use_directory_urls = resolved.use_directory_urls
    if resolved.edit_uri:  # joined as MkDocs joins a page's edit link
        repo_url = resolved.repo_url.rstrip("/") + "/" if resolved.repo_url else ""
        settings.edit_prefix = urljoin(repo_url, resolved.edit_uri)
    theme = raw.get("theme")
    settings.custom_dir = str(theme.get("custom_dir") or "") if hasattr(theme, "get") else ""
    extra = raw.get("extra")
    lms = extra.get("lms") if hasattr(extra, "get") else {}
    if hasattr(lms, "get") and "links" in lms:
        _read_options(settings, lms["links"], site.config_path)
    return settings
