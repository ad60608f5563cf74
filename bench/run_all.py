"""Run every benchmark, one after the other, and write bench/REPORT.md.

    .venv/bin/python bench/run_all.py            # the full suite -> bench/REPORT.md
    .venv/bin/python bench/run_all.py --quick    # smoke run, tiny sizes -> bench/out/REPORT-quick.md
    .venv/bin/python bench/run_all.py --only build,weight   # some -> bench/out/REPORT-partial.md

Each ``bench/bench_*.py`` follows the convention in bench/README.md:
``main(args) -> dict`` prints its figures and returns them. Ours run first,
then any other ``bench_*.py`` found (quizzes, links...), alphabetically. Each
runs in its own process (so one crash or one leftover global cannot spoil
the next) and nothing runs in parallel. The report shows exactly the figures
printed on the console, formatted by the same function.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from benchlib import OUT, log  # noqa: E402
from report import write_report  # noqa: E402

OURS = ("bench_build", "bench_serve", "bench_weight", "bench_lighthouse", "bench_scorm")


def discover() -> list[str]:
    found = sorted(p.stem for p in BENCH.glob("bench_*.py"))
    return [name for name in OURS if name in found] + [name for name in found if name not in OURS]


def _check_shape(result) -> str | None:
    """Why ``result`` does not follow the convention, or None."""
    if not isinstance(result, dict) or not isinstance(result.get("figures"), list):
        return "main() must return a dict with a list under 'figures'"
    for fig in result["figures"]:
        if not isinstance(fig, dict) or "name" not in fig or not (fig.get("runs") or "value" in fig):
            return f"figure {fig!r} needs 'name' and non-empty 'runs' or a 'value'"
    return None


def _follows_convention(module) -> bool:
    try:
        return len(inspect.signature(module.main).parameters) >= 1
    except (AttributeError, TypeError, ValueError):
        return False


def child(name: str, output: Path, args: list[str]) -> int:
    """Import one benchmark, call main(args) and save what it returned.

    A script that does not follow the convention yet is run as a script
    instead (``python bench/<name>.py``); the report then shows what it printed.
    """
    module = importlib.import_module(name)
    if not _follows_convention(module):
        if args:  # --quick: a script without the convention cannot be made small
            output.write_text(
                json.dumps({"title": name, "figures": [], "printed": True, "skipped": True}), encoding="utf-8"
            )
            return 0
        sys.argv = [str(BENCH / f"{name}.py")]
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as stop:
            if stop.code not in (None, 0):
                raise
        output.write_text(json.dumps({"title": name, "figures": [], "printed": True}), encoding="utf-8")
        return 0
    result = module.main(args)
    problem = _check_shape(result)
    if problem:
        raise SystemExit(f"{name}.py: {problem} (see bench/README.md)")
    result.setdefault("title", name)
    output.write_text(json.dumps(result), encoding="utf-8")
    return 0


def run_one(name: str, args: list[str]) -> dict:
    """Run a benchmark in its own process, echoing its output as it comes."""
    log(f"\n== {name}.py ==")
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    printed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        output = Path(tmp) / "result.json"
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", name, "--output", str(output), "--", *args],
            cwd=BENCH.parent,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for line in process.stdout:
            print(line, end="", flush=True)
            printed.append(line.rstrip())
        process.wait()
        result = (
            json.loads(output.read_text(encoding="utf-8"))
            if process.returncode == 0 and output.exists()
            else {
                "title": name,
                "figures": [],
                "error": f"exit status {process.returncode}:\n" + "\n".join(printed[-30:]),
            }
        )
    if result.get("printed"):
        result["output"] = printed
    result.update(file=f"{name}.py", seconds=time.perf_counter() - started, load=(load_before, os.getloadavg()[0]))
    log(f"== {name}.py {'FAILED' if 'error' in result else 'done'} in {result['seconds']:.0f} s ==")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmark and write bench/REPORT.md.")
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes, one run: checks the suite works (not for the report)"
    )
    parser.add_argument("--only", help="comma-separated names, e.g. build,weight (writes a partial report)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        return child(options.child, options.output, options.rest)
    names = discover()
    if options.only:
        wanted = {f"bench_{n.strip().removeprefix('bench_')}" for n in options.only.split(",")}
        names = [n for n in names if n in wanted]
    args = ["--quick"] if options.quick else []
    started = time.perf_counter()
    results = [run_one(name, args) for name in names]
    total = time.perf_counter() - started
    if options.quick:
        path = OUT / "REPORT-quick.md"
    elif options.only:
        path = OUT / "REPORT-partial.md"
    else:
        path = BENCH / "REPORT.md"
    text = write_report(
        path, results, total, command=" ".join(["bench/run_all.py", *(argv if argv is not None else sys.argv[1:])])
    )
    log("\n" + text)
    log(f"Report written to {path.relative_to(BENCH.parent)}")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
