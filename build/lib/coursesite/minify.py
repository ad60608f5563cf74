"""Minify our own scripts and stylesheets in the built site, to keep our code
on a page within its byte budget.

Only the copies in ``site_dir`` are minified: the sources in ``docs/assets``
stay readable, and a trainer's preview (``mkdocs serve``) ships them as they
are, for debugging. Scripts go through tdewolff's minifier (the Go library
behind Hugo's, with Python bindings): it parses modern JavaScript, so template
literals, modules and regular expressions come out meaning what they meant. A
minifier that only drops whitespace by pattern (rjsmin) cannot tell a space
inside a nested template literal from one between tokens, and shipped "8 h15min".
Stylesheets go through rcssmin, which drops comments and whitespace only.
Both are deterministic: the same source always gives the same bytes.

tdewolff's package has no wheel for macOS on Apple silicon (pyproject.toml
leaves it out there, as it would need a Go compiler): a build on such a Mac
ships our scripts unminified, which behave the same and weigh more. The
published site is built on Linux.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin

try:
    import minify as tdewolff
except ImportError:  # macOS on Apple silicon: see above
    tdewolff = None

OURS = ("assets/course.css", "assets/lms")  # files and folders of ours, relative to the site


def _js(source: str) -> str:
    return tdewolff.string("application/javascript", source) if tdewolff else source


MINIFIERS = {".js": _js, ".css": rcssmin.cssmin}


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
