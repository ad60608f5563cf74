"""Read every built page once: the anchors it offers and the links it makes.

One parse per page (selectolax's Lexbor parser) and one CSS query collect
both, so checking a 2,000-page site costs about as much as reading it.
Everything the browser would follow counts: ``href``, ``src`` and ``srcset``
on any element, whether it came from Markdown, raw HTML, a macro or the theme.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

# Elements with a link or an anchor; `name` makes an anchor only on <a>.
SELECTOR = "[href], [src], [srcset], [id], a[name]"
IMAGES = frozenset({"img", "source", "input"})  # their alt text names them in messages
TEXT_LIMIT = 60


@dataclass(slots=True)
class Link:
    url: str  # as written in the HTML, entities decoded
    tag: str  # a, img, link, script, source...
    text: str = ""  # visible text of <a> (or alt of an image), as in the HTML: see shorten()
    label: str = ""  # aria-label, when it overrides the visible text


@dataclass(slots=True)
class ScannedPage:
    path: str  # relative to site_dir, e.g. "modules/01-x/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of ``srcset="a.png 1x, b.png 2x"``."""
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def shorten(text: str, limit: int = TEXT_LIMIT) -> str:
    """Link text as messages show it: one line, at most ``limit`` characters."""
    text = text.strip()
    if "\n" in text or "  " in text or "\t" in text:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _anchor_fallback(node, attrs) -> str:
    """Text for a link with no visible text: its image's alt, or its title."""
    image = node.css_first("img[alt]")
    alt = image.attributes.get("alt") if image is not None else None
    return alt or attrs.get("title") or ""


def scan_html(path: str, html: str) -> ScannedPage:
    return scan_tree(path, LexborHTMLParser(html))


def scan_tree(path: str, tree: LexborHTMLParser) -> ScannedPage:
    """``scan_html`` of a page already parsed (builtsite.py: one parse for every check)."""
    page = ScannedPage(path)
    ids, links = page.ids, page.links
    for node in tree.css(SELECTOR):
        attrs = node.attributes
        if ident := attrs.get("id"):
            ids.add(ident)
        href = attrs.get("href")
        if node.tag == "a":  # most links: text kept raw, tidied only when shown (shorten)
            if name := attrs.get("name"):
                ids.add(name)
            if href is not None:
                text = node.text(deep=True)
                links.append(
                    Link(
                        href.strip(),
                        "a",
                        text if text.strip() else _anchor_fallback(node, attrs),
                        attrs.get("aria-label") or "",
                    )
                )
            continue
        src, srcset = attrs.get("src"), attrs.get("srcset")
        if href is None and src is None and not srcset:
            continue
        tag = node.tag or ""  # selectolax types it optional; elements always have one
        alt = (attrs.get("alt") or "") if tag in IMAGES else ""
        if href is not None:
            links.append(Link(href.strip(), tag, alt))
        if src is not None:
            links.append(Link(src.strip(), tag, alt))
        if srcset:
            links.extend(Link(url, tag, alt) for url in srcset_urls(srcset))
    return page


def site_files(site_dir: Path) -> set[str]:
    """Every file of the built site, as posix paths relative to it."""
    files: set[str] = set()
    root = str(site_dir)
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        files.update(prefix + name for name in names)
    return files


def scan_site(
    site_dir: Path, files: set[str], known: dict[str, ScannedPage | None] | None = None
) -> dict[str, ScannedPage]:
    """Every HTML page of the site (the search index and sitemap are not pages);
    ``known`` holds pages already read (the link-check worker reads them as the
    build writes them).

    One thread: parsing in worker threads (Lexbor releases Python's lock)
    measured no faster on our shared two-core machines."""
    known = known or {}
    pages = sorted(f for f in files if f.endswith(".html"))
    return {
        path: known.get(path) or scan_html(path, (site_dir / path).read_text(encoding="utf-8", errors="replace"))
        for path in pages
    }
