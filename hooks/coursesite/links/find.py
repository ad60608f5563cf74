"""Find the broken links of a built site: scan each page once, resolve each
link, check each anchor against the ids of the page it reaches.

One pass over the pages, in the build process, after the build.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from . import rules
from .resolve import Resolver, Target, has_anchor, page_dir
from .scan import Link, ScannedPage
from .settings import LinkSettings


@dataclass(frozen=True, slots=True)
class Finding:
    page: str  # built page, e.g. "modules/01-x/index.html"
    link: Link
    kind: str  # one of rules.MISSING ... rules.BARE_URL
    target: str = ""  # site path the link reaches (the page lacking the anchor)
    fragment: str = ""
    suggestion: str = ""  # a close existing anchor, for "did you mean"


def suggest(fragment: str, ids: set[str]) -> str:
    close = difflib.get_close_matches(fragment, [i for i in ids if not i.startswith("__")], n=1, cutoff=0.6)
    return close[0] if close else ""


def _text_finding(path: str, link: Link, kind: str, target: Target | None, resolver: Resolver) -> Finding:
    reached = "" if target is None or target.outside else resolver.existing_file(target) or target.path
    return Finding(path, link, kind, reached, target.fragment if target is not None and reached else "")


def find_in_pages(pages: dict[str, ScannedPage], resolver: Resolver, settings: LinkSettings) -> list[Finding]:
    """Findings for every link of ``pages``, in page order.

    The loop runs once per link of the site (hundreds of thousands on a large
    course), so the common case, a good link, takes as few steps as possible."""
    findings: list[Finding] = []
    http_only, resolve, text_problem = settings.http_only, resolver.resolve, rules.TextRule()
    files, indexes = resolver.files, resolver.indexes
    for path, page in pages.items():
        folder, ids = page_dir(path), page.ids
        for link in page.links:
            url = link.url
            if url[:1] == "#":  # this page
                target = None
                if len(url) > 1 and not has_anchor(ids, url[1:]):
                    findings.append(Finding(path, link, rules.ANCHOR, path, url[1:], suggest(url[1:], ids)))
            elif (target := resolve(path, url, folder)) is None:
                if url[:5].lower() == "http:" and rules.is_plain_http(url, http_only):
                    findings.append(Finding(path, link, rules.HTTP))
            elif not target.fragment and (target.path in files or target.path in indexes):
                pass  # a file or a folder with its index.html, no anchor: fine
            else:
                _check_target(path, link, target, pages, resolver, findings)
            if link.tag == "a" and (kind := text_problem(link)):
                findings.append(_text_finding(path, link, kind, target or resolve(path, url, folder), resolver))
    return findings


def _check_target(
    path: str, link: Link, target: Target, pages: dict[str, ScannedPage], resolver: Resolver, findings: list[Finding]
) -> None:
    if target.outside:
        findings.append(Finding(path, link, rules.OUTSIDE, fragment=target.fragment))
    elif (file := resolver.existing_file(target)) is None:
        findings.append(Finding(path, link, rules.missing_kind(target.path), target.path, target.fragment))
    elif target.fragment and (reached := pages.get(file)) is not None and not has_anchor(reached.ids, target.fragment):
        findings.append(Finding(path, link, rules.ANCHOR, file, target.fragment, suggest(target.fragment, reached.ids)))
