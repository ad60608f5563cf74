"""The worker of ``background``: ``python -m coursesite.links.worker SITE_DIR``.

Reads pickled messages on standard input: ``("page", path)`` for each page
the build has written, then ``("done", LinkSettings)``; answers
``("findings", [Finding, ...])`` on standard output, found by the same
``scan_html`` and ``find_in_pages`` as the in-process check. Kept apart from
``background`` so that running it does not import the module it is run as.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from .find import find_in_pages
from .resolve import Resolver
from .scan import ScannedPage, scan_html, scan_site, site_files


def _read(root: Path, path: str) -> ScannedPage | None:
    try:
        return scan_html(path, (root / path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None  # gone again: scan_site reads what the final listing holds


def work(site_dir: str, messages, answer) -> None:
    """The worker: read pages as their paths arrive, then check the whole site."""
    root, read = Path(site_dir), {}
    while True:
        try:
            kind, value = pickle.load(messages)
        except EOFError:
            return  # the build process is gone (it failed, or was stopped): so is the need
        if kind == "page":
            read[value] = _read(root, value)
            continue
        files = site_files(root)
        pages = scan_site(root, files, read)
        pickle.dump(("findings", find_in_pages(pages, Resolver(files, value), value)), answer)
        answer.flush()
        return


if __name__ == "__main__":
    work(sys.argv[1], sys.stdin.buffer, sys.stdout.buffer)
