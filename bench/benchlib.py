"""Small helpers shared by the benchmarks: figures, timed builds, a local
gzip-serving HTTP server and the real course built for the browser benches.

A figure is a plain dict (see bench/README.md, "The convention"):
``{"name", "unit", "runs" or "value", "target"?, "note"?}``.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]
from support.server import StaticServer, _QuietHandler  # noqa: E402  (the tests' server, reused)

OUT = ROOT / "bench" / "out"
MKDOCS = Path(sys.executable).with_name("mkdocs")
# Builds run as on a trainer's machine, where Python keeps the bytecode of our
# modules after the first build: a shell with PYTHONDONTWRITEBYTECODE set would
# have every build compile hooks/ from source again, and count that as our code.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
ENV.update(NO_MKDOCS_2_WARNING="1", NO_COLOR="1")


def log(message: str) -> None:
    print(message, flush=True)


def figure(
    name: str,
    unit: str,
    *,
    runs: list[float] | None = None,
    value: float | None = None,
    target: str | None = None,
    note: str | None = None,
    lower_bound: bool = False,
) -> dict:
    """One reported figure; printed at once so the console shows what the report will say."""
    result = {"name": name, "unit": unit}
    if lower_bound:
        result["lower_bound"] = True
    if runs is not None:
        result["runs"] = [round(r, 4) for r in runs]
    if value is not None:
        result["value"] = round(value, 4)
    for key, text in (("target", target), ("note", note)):
        if text:
            result[key] = text
    log(f"  {name}: {describe(result)}{'  target ' + target + ': ' + verdict(result) if target else ''}")
    return result


def central(fig: dict) -> float:
    """The figure's headline number: its value, else the median of its runs."""
    return fig["value"] if "value" in fig else statistics.median(fig["runs"])


def _number(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.1f}"
    if unit in ("B", "score", ""):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"


def _with_unit(value: float, unit: str) -> str:
    if unit == "score":
        return f"{_number(value, unit)}/100"
    return f"{_number(value, unit)} {unit}".rstrip()


def describe(fig: dict) -> str:
    """'12.3 s (median of 3, min 12.1, max 12.9)', the same text the report shows."""
    unit = fig.get("unit", "")
    head = ("at least " if fig.get("lower_bound") else "") + _with_unit(central(fig), unit)
    runs = fig.get("runs") or []
    if "value" not in fig and len(runs) > 1:
        head += f" (median of {len(runs)}, min {_number(min(runs), unit)}, max {_number(max(runs), unit)})"
    elif "value" not in fig and len(runs) == 1:
        head += " (1 run)"
    return head


def verdict(fig: dict) -> str:
    """'met', 'MISSED' or '' for a figure with a target such as '<= 1.2' or '>= 98'.

    A figure marked ``"lower_bound": True`` (a run stopped at its time limit)
    can only show that a '<=' target is missed, never that it is met.
    """
    target = fig.get("target")
    if not target:
        return ""
    op, limit = target.split()[0], float(target.split()[1])
    value = central(fig)
    ok = value <= limit if op == "<=" else value >= limit if op == ">=" else False
    if fig.get("lower_bound") and op == "<=":
        return "MISSED" if not ok else "NOT SHOWN (lower bound only)"
    return "met" if ok else "MISSED"


def run_mkdocs(root: Path, *args: str, env: dict | None = None, timeout: int = 900) -> float:
    """Run ``mkdocs <args>`` in ``root``; return wall-clock seconds; raise on failure."""
    start = time.perf_counter()
    result = subprocess.run(
        [str(MKDOCS), *args], cwd=root, env=env or ENV, capture_output=True, text=True, timeout=timeout
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-25:])
        raise RuntimeError(f"mkdocs {' '.join(args)} failed in {root}:\n{tail}")
    return elapsed


def timed_build(root: Path, timeout: int = 900) -> float:
    """Wall-clock seconds of a full ``mkdocs build``; raises subprocess.TimeoutExpired past ``timeout``."""
    return run_mkdocs(root, "build", "--quiet", timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _GzipHandler(_QuietHandler):
    """Serves files gzip-compressed (level 9) when the client accepts it,
    as GitHub Pages does, so transfer sizes and Lighthouse see real bytes."""

    TEXT = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (
            path.endswith(self.TEXT) and os.path.isfile(path) and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class GzipServer(StaticServer):
    """The tests' static server on 127.0.0.1, compressing like GitHub Pages."""

    def __init__(self, root: Path):
        super().__init__(root)
        self.httpd.RequestHandlerClass = functools.partial(_GzipHandler, directory=str(root))


def build_real_course(site_dir: Path, site_url: str) -> tuple[Path, str]:
    """Build the repository's own course (strict) for the browser benchmarks.

    Returns (site_dir, note). If the real course does not build right now
    (content is written concurrently), a generated 10-module course is built
    instead and the note says so: the report must never hide the swap.
    """
    env = dict(ENV, COURSE_SITE_URL=site_url)
    try:
        run_mkdocs(ROOT, "build", "--strict", "--quiet", "--site-dir", str(site_dir), env=env)
        return site_dir, "the repository's own course (mkdocs build --strict)"
    except RuntimeError as error:
        from generate import generate

        log(f"  the real course did not build, using a generated 10-module course instead:\n{error}")
        course = generate(OUT / "course-weight-fallback", 10, site_url=site_url)
        run_mkdocs(Path(course["root"]), "build", "--quiet", "--site-dir", str(site_dir), env=env)
        return site_dir, "a generated 10-module course (the real course did not build when measured)"


@contextlib.contextmanager
def served_course(prefix: str):
    """Build the real course into a temporary folder and serve it gzipped on
    127.0.0.1; yields (base URL, {page name: URL path}, what was built)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        site_dir = Path(tmp) / "site"
        site_dir.mkdir()
        with GzipServer(site_dir) as server:
            _, what = build_real_course(site_dir, server.url)
            yield server.url, course_pages(site_dir), what


def course_pages(site_dir: Path) -> dict[str, str]:
    """The three pages the issue names: home, a module page (the first in
    course order) and the dashboard; URL paths relative to the site root."""
    from coursesite.course_loader import load_course

    pages = {"home": ""}
    course = load_course(ROOT / "mkdocs.yml")
    built = sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.glob("modules/*/index.html"))
    for folder in [m.src_uri[:-3] for m in course.modules] + built:
        if (site_dir / folder / "index.html").exists():
            pages["module"] = folder + "/"
            break
    if (site_dir / "dashboard" / "index.html").exists():
        pages["dashboard"] = "dashboard/"
    return pages
