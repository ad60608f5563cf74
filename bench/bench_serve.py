"""Live editing: with ``mkdocs serve`` running on a 200-module course, the
time from saving one module to the rebuilt page being served.

The server runs as trainers run it (``make serve``: full rebuild on every
change, live reload on) on 127.0.0.1 and a free port. Each edit rewrites one
module with a new marker paragraph; the page is polled every 20 ms until the
marker is in it. Before the next edit the script waits for the server's
"Documentation built" line, so every edit starts from an idle server.
"""

from __future__ import annotations

import collections
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ENV, MKDOCS, OUT, figure, free_port, log  # noqa: E402
from generate import generate  # noqa: E402

MODULES = 200
EDITS = 5
MIN_EDITS = 3
BUDGET_S = 180
POLL_S = 0.02
TIMEOUT_S = 300


class Server:
    """``mkdocs serve`` in the background; its log lines arrive on a queue."""

    def __init__(self, root: Path, port: int):
        self.url = f"http://127.0.0.1:{port}/"
        self.lines: queue.Queue[str] = queue.Queue()
        self.recent: collections.deque[str] = collections.deque(maxlen=30)  # shown if the server gets stuck
        self.process = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--no-strict"],  # as `make serve`
            cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip())
            self.recent.append(f"{time.strftime('%H:%M:%S')} {line.rstrip()}")

    def wait_for_build(self, timeout: float = TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped (exit {self.process.returncode})")
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if "Documentation built in" in line:
                return
            if "ERROR" in line or "Aborted" in line:
                log(f"    server: {line}")
        raise RuntimeError("mkdocs serve did not finish a build in time; its last lines:\n" + "\n".join(self.recent))

    def settle(self, quiet_s: float = 1.5) -> None:
        """Return once the server has logged nothing about a new build for ``quiet_s``."""
        while True:
            try:
                line = self.lines.get(timeout=quiet_s)
            except queue.Empty:
                return
            if "Building documentation" in line or "Detected file changes" in line:
                self.wait_for_build()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _edit(server: Server, file: Path, original: str, url: str, marker: str) -> float:
    """Save the module with ``marker`` and return seconds until it is served."""
    start = time.perf_counter()
    file.write_text(f"{original}\n\nEdited for the benchmark: {marker}.\n", encoding="utf-8")
    deadline = start + TIMEOUT_S
    while marker not in _fetch(url):
        if time.perf_counter() > deadline or server.process.poll() is not None:
            raise RuntimeError(f"the edit ({marker}) never showed up at {url}")
        time.sleep(POLL_S)
    return time.perf_counter() - start


def main(args: list[str]) -> dict:
    quick = "--quick" in args
    modules, edits = (20, 2) if quick else (MODULES, EDITS)
    port = free_port()
    course = generate(OUT / f"serve-{modules}", modules, site_url=f"http://127.0.0.1:{port}/")
    root = Path(course["root"])
    target = sorted((root / "docs" / "modules").glob("*.md"))[modules // 2]
    url = f"http://127.0.0.1:{port}/modules/{target.stem}/"
    original = target.read_text(encoding="utf-8")
    log(f"  serving {modules} modules on 127.0.0.1:{port}; editing {target.relative_to(root)}")
    server = Server(root, port)
    times = []
    try:
        started = time.perf_counter()
        server.wait_for_build()
        log(f"    first build served after {time.perf_counter() - started:.1f} s")
        for number in range(1, edits + 1):
            if number > MIN_EDITS and time.perf_counter() - started > BUDGET_S:
                break  # enough edits for a median within this benchmark's share of the 20 minutes
            server.settle()
            times.append(_edit(server, target, original, url, f"bench-marker-{number}-{time.time_ns()}"))
            log(f"    edit {number}: page served with the change after {times[-1]:.2f} s")
            server.wait_for_build()
    finally:
        server.stop()
        target.write_text(original, encoding="utf-8")
    figures = [figure(f"save to served page, {modules} modules (mkdocs serve)", "s", runs=times,
                      note="full rebuild per change, as `make serve` runs it; target to follow from this baseline")]
    notes = [f"{len(times)} edits of one module, polled every {POLL_S * 1000:.0f} ms; the first build after starting "
             f"the server is not counted; at least {MIN_EDITS} edits, more while the benchmark is under {BUDGET_S // 60} minutes."]
    return {"title": "Live editing", "figures": figures, "notes": notes}


if __name__ == "__main__":
    main(sys.argv[1:])
