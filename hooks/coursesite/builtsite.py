"""A built site's pages, each read and parsed once for all the checks of the built site.

The link check needs every page's links and anchors, the quiz and task
leftover checks the text learners read on each course page, the figure check
the images of a course page's article. Parsing is the largest part of each
of these readings, so one pass parses each page once and keeps what the checks
need; each page's tree is dropped before the next is parsed (a large course's
trees would not fit in memory together).

``all_checks.check_built_site`` reads the site once for all its checks; a check
run on its own (a test, ``course links``) reads it when it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from .config import built_page
from .course_loader import Course
from .links.scan import ScannedPage, scan_tree, site_files
from .pagehtml import learner_text


@dataclass(frozen=True, slots=True)
class Image:
    """An image of a course page's article, as the figure check needs it."""

    src: str
    alt: str
    caption: str | None  # text of the enclosing <figure>'s <figcaption>; None outside a <figure>


@dataclass(slots=True)
class BuiltSite:
    root: Path
    files: set[str]  # every file of the site, posix paths relative to it
    links: dict[str, ScannedPage]  # every HTML page (sorted) -> its links and anchors
    texts: dict[str, str]  # built course page -> its text as learners read it
    images: dict[str, list[Image]]  # built course page showing an SVG -> its article's images


def _figure_caption(img) -> str | None:
    node = img.parent
    while node is not None and node.tag != "figure":
        node = node.parent
    if node is None:
        return None
    caption = node.css_first("figcaption")
    return caption.text(strip=True) if caption is not None else ""


def _images(tree: LexborHTMLParser) -> list[Image]:
    return [
        Image(img.attributes.get("src") or "", img.attributes.get("alt") or "", _figure_caption(img))
        for img in tree.css("article img")
    ]


def read(course: Course, site_dir: Path) -> BuiltSite:
    """Every HTML page of ``site_dir`` parsed once (the search index and sitemap are not pages)."""
    directory_urls = course.site.settings.use_directory_urls  # of this build: false in a SCORM package
    course_pages = {built_page(src_uri, directory_urls) for src_uri in course.pages}
    files = site_files(site_dir)
    site = BuiltSite(Path(site_dir), files, {}, {}, {})
    for path in sorted(f for f in files if f.endswith(".html")):
        html = (site.root / path).read_text(encoding="utf-8", errors="replace")
        tree = LexborHTMLParser(html)
        site.links[path] = scan_tree(path, tree)
        if path in course_pages:
            if ".svg" in html:  # most pages show no drawing
                site.images[path] = _images(tree)
            site.texts[path] = learner_text(tree)  # last: it takes the literal elements out
    return site


def of(course: Course, site_dir: Path) -> BuiltSite:
    """The site being checked: as ``check_built_site`` read it, or read now."""
    site = course.derived.built_site
    return site if site is not None and site.root == Path(site_dir) else read(course, site_dir)
