"""The external link check: ``course links --external`` (opt-in; never part of
a default build or test run, so a slow outside site can never fail a pull
request). Collects every outside URL, serves fresh answers from the cache,
asks the servers about the rest, and judges each answer."""

from __future__ import annotations

from pathlib import Path

from ..course import Course
from .cache import LinkCache
from .collect import external_urls
from .engine import Engine
from .internal import scan
from .resolve import Resolver
from .settings import ExternalSettings, LinkSettings, read_settings
from .verdict import Result, judge, sort_results


def check_urls(urls: dict[str, list[str]], settings: ExternalSettings, cache: LinkCache) -> list[Result]:
    """Results for ``urls`` (URL -> places that use it), worst first."""
    cached = {url: outcome for url in urls if (outcome := cache.get(url)) is not None}
    asked = Engine(settings).run([url for url in urls if url not in cached]) if len(cached) < len(urls) else {}
    for outcome in asked.values():
        cache.put(outcome)
    cache.save()
    results = []
    for url, places in urls.items():
        result = judge(cached.get(url) or asked[url], settings)
        result.where, result.from_cache = list(places), url in cached
        results.append(result)
    return sort_results(results)


def check_external(course: Course, site_dir: Path, cache: LinkCache, settings: LinkSettings | None = None) -> list[Result]:
    """Every outside URL of the built site and the reading list."""
    settings = settings or read_settings(course.site)
    pages, files = scan(Path(site_dir))
    urls = external_urls(course, pages, Resolver(files, settings), settings)
    return check_urls(urls, settings.external, cache)
