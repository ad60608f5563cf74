"""Minify our own scripts and stylesheets in the built site (issue 9: at most
5 KB of our JS and CSS, gzipped, per page).

Only the copies in ``site_dir`` are minified: the sources in ``docs/assets``
stay readable, and a trainer's preview (``mkdocs serve``) ships them as they
are, for debugging. Why rjsmin and rcssmin: maintained, small, no Node
toolchain, deterministic (the same source always gives the same bytes), and
they only drop comments and whitespace. They never rename or rewrite code, so
the shipped code is the source without its comments, and cannot behave
differently from it the way a renaming or rewriting minifier's output can.
Theme files (Material's, already minified) are left alone.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

OURS = ("assets/course.css", "assets/lms")  # files and folders of ours, relative to the site
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def our_assets(site_dir: Path) -> list[Path]:
    found: list[Path] = []
    for name in OURS:
        path = site_dir / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        found += [file for file in files if file.is_file() and file.suffix in MINIFIERS]
    return found


def minified(source: str, suffix: str) -> str:
    """``source`` of a ``.js`` or ``.css`` file as the built site ships it."""
    return MINIFIERS[suffix](source).strip() + "\n"


def minify_site(site_dir: Path) -> int:
    """Minify our assets in place; returns the bytes saved."""
    saved = 0
    for file in our_assets(site_dir):
        source = file.read_text(encoding="utf-8")
        small = minified(source, file.suffix)
        file.write_text(small, encoding="utf-8")
        saved += len(source.encode("utf-8")) - len(small.encode("utf-8"))
    return saved
