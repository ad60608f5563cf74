"""Lighthouse (the npm package, pinned) on the home page, a module page and
the dashboard of the real course: mobile preset, performance and
accessibility scores.

Lighthouse is installed by this script into bench/.node (gitignored) with
``npm i -E lighthouse@12.2.3`` and drives the system Chromium (CHROME_PATH)
headless. The course is served gzip-compressed on 127.0.0.1, as GitHub Pages
serves it; Chromium's resolver refuses every other host.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ROOT, figure, log, served_course

VERSION = "12.2.3"
NODE_DIR = ROOT / "bench" / ".node"
CLI = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
RUNS = 5  # Lighthouse's own advice for its run-to-run variance: the median of five runs
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def ensure_lighthouse() -> None:
    package = NODE_DIR / "node_modules" / "lighthouse" / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == VERSION:
        return
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    log(f"  installing lighthouse@{VERSION} into {NODE_DIR.relative_to(ROOT)} (npm i -E)")
    subprocess.run(
        ["npm", "i", "-E", "--no-audit", "--no-fund", "--prefix", str(NODE_DIR), f"lighthouse@{VERSION}"],
        check=True,
        capture_output=True,
        text=True,
    )


def _chrome_flags() -> str:
    from support.browser import LAUNCH_ARGS

    # Every host name except 127.0.0.1 fails to resolve: no request can leave the machine.
    return " ".join(["--headless=new", *LAUNCH_ARGS, '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"'])


def _run(url: str, out: Path, chrome: str) -> dict:
    command = [
        str(CLI),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility",
        f"--chrome-flags={_chrome_flags()}",
    ]
    result = subprocess.run(
        command, env=dict(os.environ, CHROME_PATH=chrome), capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def _failed_accessibility(report: dict) -> list[str]:
    refs = {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"] if ref.get("weight")}
    return sorted(a for a in refs if report["audits"][a].get("score") is not None and report["audits"][a]["score"] < 1)


def _page(name: str, url: str, chrome: str, tmp: Path) -> tuple[list[dict], list[str]]:
    reports = []
    for number in range(RUNS):
        reports.append(_run(url, tmp / f"{name}-{number}.json", chrome))
        scores = {k: round(v["score"] * 100) for k, v in reports[-1]["categories"].items()}
        log(
            f"    {name} run {number + 1}: performance {scores['performance']}, accessibility {scores['accessibility']}"
        )
    figures = [
        figure(
            f"{name} page: performance score",
            "score",
            runs=[r["categories"]["performance"]["score"] * 100 for r in reports],
            target=">= 98",
        ),
        figure(
            f"{name} page: accessibility score",
            "score",
            runs=[r["categories"]["accessibility"]["score"] * 100 for r in reports],
            target=">= 100",
        ),
    ]
    metrics = ", ".join(
        f"{m.replace('-', ' ')} {statistics.median(r['audits'][m]['numericValue'] for r in reports):,.0f}{'' if m.startswith('cumulative') else ' ms'}"
        for m in METRICS
        if m != "cumulative-layout-shift"
    )
    cls = statistics.median(r["audits"]["cumulative-layout-shift"]["numericValue"] for r in reports)
    notes = [f"{name} page medians: {metrics}, cumulative layout shift {cls:.3f}."]
    failed = sorted({a for r in reports for a in _failed_accessibility(r)})
    if failed:
        notes.append(f"{name} page accessibility audits failed: {', '.join(failed)}.")
    errored = sorted({k for r in reports for k, a in r["audits"].items() if a.get("scoreDisplayMode") == "error"})
    if errored:
        weighted = sorted(
            {
                ref["id"]
                for r in reports
                for c in r["categories"].values()
                for ref in c["auditRefs"]
                if ref["id"] in errored and ref.get("weight")
            }
        )
        weight = (
            f"these weigh in the scores: {', '.join(weighted)}" if weighted else "none of them weighs in the scores"
        )
        notes.append(f"{name} page: Lighthouse could not run {', '.join(errored)} ({weight}).")
    warnings = sorted({w.split(". ")[0] for r in reports for w in r.get("runWarnings", [])})
    notes += [f"{name} page: Lighthouse warned: {w}." for w in warnings]
    return figures, notes


def main(args: list[str]) -> dict:
    global RUNS
    if "--quick" in args:
        RUNS = 1
    from support.browser import find_browser

    ensure_lighthouse()
    chrome = find_browser()
    figures, notes = [], []
    with (
        served_course("bench-lighthouse-") as (base, pages, what),
        tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp,
    ):
        log(f"  lighthouse {VERSION}, mobile preset, {RUNS} runs per page, on {what}")
        for name, path in pages.items():
            page_figures, page_notes = _page(name, base + path, chrome, Path(tmp))
            figures += page_figures
            notes += page_notes
    notes.insert(
        0,
        f"Lighthouse {VERSION} (npm), mobile preset with its simulated throttling, Chromium {_chromium_version(chrome)}, "
        f"on {what}, served gzip -9 from 127.0.0.1; {RUNS} runs per page.",
    )
    return {"title": "Lighthouse", "figures": figures, "notes": notes}


def _chromium_version(chrome: str) -> str:
    result = subprocess.run([chrome, "--version"], capture_output=True, text=True)
    found = re.search(r"\d+(?:\.\d+){3}", result.stdout)
    return found.group(0) if found else "(version unknown)"


if __name__ == "__main__":
    main(sys.argv[1:])
