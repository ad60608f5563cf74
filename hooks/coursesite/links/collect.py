"""Every outside URL of the course, with the places that use it.

Two sources: the built site (every ``href``/``src``/``srcset`` with http or
https, found by the same one-pass scan as the internal check) and the reading
list (``url``, and ``doi`` checked through https://doi.org/). Not collected:
the site's own address (the canonical links; the internal check covers them),
the theme's per-page "edit this page" links, and ``extra.lms.links.skip``.
"""

from __future__ import annotations

from collections import defaultdict

from ..course_loader import DATA_DIR, Course
from ..source import decode_source
from ..yamlsrc import key_line, load_yaml
from .resolve import Resolver
from .scan import ScannedPage
from .settings import LinkSettings
from .sourcemap import SourceMap

READINGS = f"{DATA_DIR}/readings.yml"


def _place(path: str, line: int) -> str:
    return f"{path}:{line}" if line else path


def _wanted(url: str, settings: LinkSettings, resolver: Resolver) -> bool:
    if not url[:8].lower().startswith(("http://", "https://")) or resolver.own_address(url) is not None:
        return False
    if settings.edit_prefix and url.startswith(settings.edit_prefix):
        return False
    return not any(url.startswith(prefix) for prefix in settings.external.skip)


def site_urls(
    course: Course, pages: dict[str, ScannedPage], resolver: Resolver, settings: LinkSettings
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    sources = SourceMap(course, settings)
    for page in pages.values():
        for link in page.links:
            if _wanted(link.url, settings, resolver):
                where = sources.where(page.path, link, None)
                place = _place(where.path, where.line)
                if place not in found[link.url]:
                    found[link.url].append(place)
    return found


def reading_urls(course: Course) -> dict[str, list[str]]:
    file = course.site.docs_dir / READINGS
    if not file.is_file():
        return {}
    path = course.site.report_path(READINGS)
    text, _problems = decode_source(file.read_bytes(), path)  # the readings check reports them
    data, _problems = load_yaml(text, path) if text is not None else (None, [])
    found: dict[str, list[str]] = defaultdict(list)
    if not isinstance(data, dict):
        return found
    from ..inline import md_url
    from ..readings.markdown import doi_url  # the very addresses the reading lists link to

    for entry in data.values():
        if not hasattr(entry, "get"):
            continue
        for key, make in (("url", lambda url: md_url(url.strip())), ("doi", lambda doi: doi_url(doi.strip()))):
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                found[make(value)].append(_place(path, key_line(entry, key, 1)))
    return found


def external_urls(
    course: Course, pages: dict[str, ScannedPage], resolver: Resolver, settings: LinkSettings
) -> dict[str, list[str]]:
    """URL -> places, reading list first, in a stable order."""
    merged: dict[str, list[str]] = defaultdict(list)
    for found in (reading_urls(course), site_urls(course, pages, resolver, settings)):
        for url, places in found.items():
            merged[url] += [p for p in places if p not in merged[url]]
    return {url: merged[url] for url in sorted(merged) if _wanted(url, settings, resolver)}
