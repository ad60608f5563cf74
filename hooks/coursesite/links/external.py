"""The external link check: ``course links --external`` (opt-in; never part of
a default build or test run, so a slow outside site can never fail a pull
request). Collects every outside URL with the lines that use it, serves fresh
answers from the cache, asks lychee about the rest (``lychee.py``), and
judges each answer.

When every server asked fails before any HTTP answer (its name does not
resolve, or the connection is refused or has no route), the machine is
offline: the check stops with ``NoNetwork`` instead of reporting each link
as unreachable, and caches nothing, so the next run online asks again."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..course_loader import Course
from .cache import LinkCache
from .collect import external_urls
from .internal import scan
from .lychee import DNS, NO_CONNECTION, NO_ROUTE, REFUSED, Outcome, ask, note_https
from .resolve import Resolver
from .settings import ExternalSettings, LinkSettings, read_settings
from .verdict import Result, judge, sort_results

OFFLINE_ERRORS = frozenset({DNS, REFUSED, NO_ROUTE, NO_CONNECTION})
# One or two dead sites are broken links; three or more servers all failing before any
# answer is this machine's network, not the sites.
MIN_SERVERS = 3


class NoNetwork(Exception):
    """No server could be reached at all: nothing was checked."""

    def __init__(self, urls: int, servers: int):
        super().__init__(
            f"no network: none of the {servers} servers of the {urls} outside addresses could be reached "
            "(each name failed to resolve or each connection was refused or had no route, before any answer), "
            "so no link was checked and nothing was cached; connect to the internet and run the check again"
        )


def _offline(outcomes: list[Outcome]) -> int:
    """How many servers failed, when every one of them failed as on a machine without network; else 0."""
    servers = {urlsplit(outcome.url).netloc.lower() for outcome in outcomes}
    if len(servers) < MIN_SERVERS or not all(o.code is None and o.error in OFFLINE_ERRORS for o in outcomes):
        return 0
    return len(servers)


def check_urls(urls: dict[str, list[str]], settings: ExternalSettings, cache: LinkCache) -> list[Result]:
    """Results for ``urls`` (URL -> places that use it), worst first.

    Raises ``NoNetwork`` (before anything is cached) when the machine is offline,
    ``LycheeFailed`` when lychee cannot run."""
    cached = {url: outcome for url in urls if (outcome := cache.get(url)) is not None}
    asked = ask([url for url in urls if url not in cached], settings)
    if servers := _offline(list(asked.values())):
        raise NoNetwork(len(asked), servers)
    note_https(asked, settings)
    for outcome in asked.values():
        cache.put(outcome)
    cache.save()
    results = []
    for url, places in urls.items():
        result = judge(cached.get(url) or asked[url], settings)
        result.where, result.from_cache = list(places), url in cached
        results.append(result)
    return sort_results(results)


def check_external(
    course: Course, site_dir: Path, cache: LinkCache, settings: LinkSettings | None = None
) -> list[Result]:
    """Every outside URL of the built site and the reading list."""
    settings = settings or read_settings(course.site)
    pages, files = scan(Path(site_dir))
    urls = external_urls(course, pages, Resolver(files, settings), settings)
    return check_urls(urls, settings.external, cache)
