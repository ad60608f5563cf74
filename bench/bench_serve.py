"""Live editing: the time from saving one module under ``mkdocs serve`` to the
rebuilt page being served, on the repository's own course and on a
200-module course, ours against plain ``mkdocs serve`` on the same files.

    .venv/bin/python bench/bench_serve.py                      # ours and plain, both courses
    .venv/bin/python bench/bench_serve.py --baseline DIR       # also another checkout's hooks ("before")

Each course is served twice (three times with ``--baseline``), every server
started as trainers start it (``make serve``: full rebuild on every change,
live reload on) on 127.0.0.1 and a free port: ours with the course's own
``mkdocs.yml``; its plain twin with the same docs and a copy of that
``mkdocs.yml`` without our hooks, macros and Markdown extensions (MkDocs,
Material and its search only, as bench_build.py's plain twin); with
``--baseline DIR``, the same docs and configuration as ours but the hooks
and ``coursesite`` package of the checkout in DIR. Edits go round the servers in
turn so that all of them meet the same machine load. Each edit rewrites the
module with a new marker paragraph; the page is polled every 20 ms until the
marker is in it. Before each edit the script waits until every server has
been quiet for a while, so every edit starts from an idle server. The CPU
time each rebuild took (the server's and its children's, from /proc) is
reported too: on a shared machine it moves far less than the seconds do.
"""

from __future__ import annotations

import collections
import os
import queue
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ENV, MKDOCS, OUT, ROOT, figure, free_port, log
from generate import _yaml, generate, plain_config

MODULES = 200
EDITS = 5
REAL_MODULE = "modules/04-motivation.md"  # a module in the middle of the real course
TARGETS = {"real": "<= 1.0", str(MODULES): "<= 2.5"}
POLL_S = 0.02
TIMEOUT_S = 300


class Server:
    """``mkdocs serve`` in the background; its log lines arrive on a queue."""

    def __init__(self, root: Path, label: str, env: dict):
        self.label = label
        self.url = f"http://127.0.0.1:{free_port()}/"
        self.lines: queue.Queue[str] = queue.Queue()
        self.recent: collections.deque[str] = collections.deque(maxlen=30)  # shown if the server gets stuck
        self.process = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", self.url[7:-1], "--livereload", "--no-strict"],  # as `make serve`
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if "Serving on " in line:  # the address includes the path of site_url
                self.url = line.split("Serving on ", 1)[1].strip()
            self.lines.put(line.rstrip())
            self.recent.append(f"{time.strftime('%H:%M:%S')} {line.rstrip()}")

    def wait_for_build(self, timeout: float = TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve ({self.label}) stopped (exit {self.process.returncode})")
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            # MkDocs prints a build time it has printed before only once, so a rebuild
            # may end on the live-reload line alone.
            if "Documentation built in" in line or "Reloading browsers" in line:
                return
            if "ERROR" in line or "Aborted" in line:
                log(f"    server ({self.label}): {line}")
        raise RuntimeError(
            f"mkdocs serve ({self.label}) did not finish a build in time; its last lines:\n" + "\n".join(self.recent)
        )

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


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and of the children it waited for (Linux), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime, stime, cutime, cstime


def _copy_project(source: Path, out: Path, hooks_from: Path, plain: bool) -> Path:
    """``source``'s docs and mkdocs.yml in ``out``; hooks/ and overrides/ linked from ``hooks_from``."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source / "docs", out / "docs", symlinks=True)
    for name in ("hooks", "overrides"):
        os.symlink(hooks_from / name, out / name)
    config = _yaml().load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    with (out / "mkdocs.yml").open("w", encoding="utf-8") as handle:
        _yaml().dump(plain_config(config) if plain else config, handle)
    return out


def _variants(name: str, source: Path, baseline: Path | None) -> dict[str, tuple[Path, dict]]:
    """label -> (project folder, environment) for ours, plain and, if asked, before."""
    variants = {
        "ours": (_copy_project(source, OUT / f"serve-{name}", ROOT, plain=False), ENV),
        "plain": (_copy_project(source, OUT / f"serve-{name}-plain", ROOT, plain=True), ENV),
    }
    if baseline:  # its own lms package first on the path, so its hooks import their own engine
        env = dict(ENV, PYTHONPATH=str(baseline / "hooks"))
        variants["before"] = (_copy_project(source, OUT / f"serve-{name}-before", baseline, plain=False), env)
    return variants


def _measure(name: str, source: Path, module: str, edits: int, baseline: Path | None) -> tuple[dict, dict]:
    """Start every variant's server, then edit ``module`` in each in turn, ``edits`` rounds.
    Returns seconds from save to served page, and CPU seconds of each rebuild, by variant."""
    variants = _variants(name, source, baseline)
    servers = {label: Server(root, f"{name}, {label}", env) for label, (root, env) in variants.items()}
    times: dict[str, list[float]] = {label: [] for label in servers}
    cpu: dict[str, list[float]] = {label: [] for label in servers}
    try:
        for label, server in servers.items():
            started = time.perf_counter()
            server.wait_for_build()
            server.settle()  # reads the "Serving on" line that follows the first build
            log(f"    {name}, {label}: first build served (not counted) after {time.perf_counter() - started:.1f} s")
        for number in range(1, edits + 1):
            for label, server in servers.items():
                for each in servers.values():
                    each.settle()
                target = variants[label][0] / "docs" / module
                original = target.read_text(encoding="utf-8")
                url = server.url + module[:-3] + "/"
                cpu_before = _cpu_seconds(server.process.pid)
                times[label].append(_edit(server, target, original, url, f"bench-marker-{number}-{time.time_ns()}"))
                log(f"    {name}, {label}, edit {number}: page served with the change after {times[label][-1]:.2f} s")
                server.wait_for_build()
                cpu[label].append(_cpu_seconds(server.process.pid) - cpu_before)
                target.write_text(original, encoding="utf-8")
    finally:
        for server in servers.values():
            server.stop()
    return times, cpu


def _figures(name: str, times: dict[str, list[float]], cpu: dict[str, list[float]]) -> list[dict]:
    what = "the real course" if name == "real" else f"{name} modules"
    figures = [
        figure(
            f"save to served page, {what}, ours",
            "s",
            runs=times["ours"],
            target=TARGETS.get(name),
            note="our hooks, as `make serve` runs them",
        )
    ]
    if "before" in times:
        figures.append(figure(f"save to served page, {what}, before (--baseline)", "s", runs=times["before"]))
    figures.append(
        figure(
            f"save to served page, {what}, plain mkdocs serve",
            "s",
            runs=times["plain"],
            note="same docs, mkdocs.yml without our hooks, macros and Markdown extensions",
        )
    )
    for label in ("ours", "before"):
        if label in times:
            ratio = statistics.median(times[label]) / statistics.median(times["plain"])
            figures.append(figure(f"{label} / plain, {what}", "ratio", value=ratio, note="ratio of the medians above"))
    for label in times:
        figures.append(
            figure(
                f"CPU per rebuild, {what}, {label}", "s", runs=cpu[label], note="the server's own and its children's"
            )
        )
    return figures


def main(args: list[str]) -> dict:
    quick = "--quick" in args
    baseline = Path(args[args.index("--baseline") + 1]).resolve() if "--baseline" in args else None
    modules, edits = (20, 1) if quick else (MODULES, EDITS)
    load = [os.getloadavg()[0]]
    log(f"  the real course: editing {REAL_MODULE}")
    real = _measure("real", ROOT, REAL_MODULE, edits, baseline)
    load.append(os.getloadavg()[0])
    course = generate(OUT / f"serve-source-{modules}", modules)
    module = "modules/" + sorted((Path(course["root"]) / "docs" / "modules").glob("*.md"))[modules // 2].name
    log(f"  {modules} modules: editing {module}")
    large = _measure(str(modules), Path(course["root"]), module, edits, baseline)
    load.append(os.getloadavg()[0])
    figures = _figures("real", *real) + _figures(str(modules), *large)
    notes = [
        f"{edits} edits of one module per server, polled every {POLL_S * 1000:.0f} ms, going round the servers in turn; "
        "the first build after starting a server is not counted. Every server runs a full rebuild per change, "
        "as `make serve` does (MkDocs' watcher polls every 0.5 s and waits 0.1 s for changes to stop).",
        "CPU per rebuild: the server's CPU time and its children's (the macros plugin runs git ten times a "
        "build) from the save until the build is done, read from /proc (Linux).",
        "Load average (1 min) at the start, between the two courses and at the end: "
        + ", ".join(f"{value:.1f}" for value in load)
        + ".",
    ]
    return {"title": "Live editing", "figures": figures, "notes": notes}


if __name__ == "__main__":
    main(sys.argv[1:])
