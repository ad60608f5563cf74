"""The internal link check of a large site, read while the site is built.

Reading the built pages is most of the check (Lexbor's parse, about half a
millisecond for a page with a long navigation), and MkDocs renders one page
at a time on one core. On a large course, on a machine with a core to spare
(``spare_core``), a worker process therefore reads each page as soon as
MkDocs has written it, on another core, and resolves every link once the
build is done: the build waits only for its last pages and the resolving
(bench/bench_links.py). The worker runs the same
``scan_html`` and ``find_in_pages`` as the in-process check, so the findings
are the same; only the files' reading moves.

The worker is a plain ``python -m coursesite.links.worker`` child (no
``multiprocessing``: nothing of the build process is forked or re-imported)
fed page paths over a pipe. Whatever goes wrong with it (it cannot start,
dies, or answers late) ends in ``findings()`` returning None, and the caller
checks in its own process, so the check always runs.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from pathlib import Path

from .find import Finding
from .settings import LinkSettings

log = logging.getLogger("mkdocs.hooks.course_hooks")
# Below this many pages the check takes a few tenths of a second in the build
# process (about 1 ms a page: bench_links.py), not worth a second process
# (about 0.1 s to start) and the CPU that reading during the build adds.
FROM_PAGES = 300
ANSWER_WITHIN = 600.0  # seconds: after the build, the worker needs a few at most
HOOKS_DIR = str(Path(__file__).resolve().parents[2])


def spare_core() -> bool:
    """The worker only pays where it has a core of its own: on one core it would
    take its time from the build, and more: reading while the build runs took
    about 30% more CPU than reading afterwards (2.65 s against 2.06 s for
    2,000 pages, bench/REPORT.md)."""
    return (os.cpu_count() or 1) > 1


def worker_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "coursesite.links.worker", str(site_dir)]


class BackgroundCheck:
    """Pages handed over as they are written; ``findings()`` once the build is done."""

    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir)
        self._written: str | None = None
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [HOOKS_DIR, os.environ.get("PYTHONPATH")])))
        self._worker: subprocess.Popen | None = subprocess.Popen(
            worker_command(self.site_dir),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    def page_rendered(self, dest_uri: str) -> None:
        """Called as MkDocs is about to write ``dest_uri``: it writes a page right
        after rendering it, so the page rendered before this one is on disk."""
        if self._written is not None:
            self._send(("page", self._written))
        self._written = dest_uri

    def findings(self, settings: LinkSettings) -> list[Finding] | None:
        """The worker's findings for the finished site, or None when it failed."""
        if self._written is not None:
            self._send(("page", self._written))
        worker, self._worker = self._worker, None
        if worker is None:
            return None
        try:
            answer, _ = worker.communicate(pickle.dumps(("done", settings)), timeout=ANSWER_WITHIN)
            kind, findings = pickle.loads(answer)
            if worker.returncode == 0 and kind == "findings":
                return findings
        except Exception as error:
            log.debug("link check: the background reader failed (%r); checking in this process", error)
        _end(worker)
        return None

    def stop(self) -> None:
        """No check is coming (the build failed): no worker left behind."""
        worker, self._worker = self._worker, None
        if worker is not None:
            _end(worker)

    def _send(self, message: tuple) -> None:
        if self._worker is None or self._worker.stdin is None:
            return
        try:
            self._worker.stdin.write(pickle.dumps(message))
            self._worker.stdin.flush()
        except OSError:  # the worker is gone: findings() will say so
            pass


def _end(worker: subprocess.Popen) -> None:
    worker.kill()
    worker.wait()
