"""Build one generated course with the engine of several checkouts, in turn.

    .venv/bin/python bench/compare_hooks.py --modules 200 --runs 3 DIR [DIR ...]

Each DIR holds the ``hooks/`` and ``overrides/`` of a checkout (e.g.
``git archive COMMIT hooks overrides | tar -x -C DIR``). The same generated
course is built once per DIR per round, going round the DIRs so that all meet
the same machine; each build imports the engine from its own DIR. Prints each
build's wall-clock and CPU seconds (the build's and its children's), then the
medians per DIR. This is how a piece of machinery is judged: the course built
with it and without it, alternately.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ENV, MKDOCS, OUT, log
from generate import generate


def _course_for(source: Path, engine: Path) -> Path:
    """A copy of the generated course whose hooks and overrides are ``engine``'s."""
    root = OUT / f"compare-{source.name}-{engine.resolve().name}"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source, root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    for name in ("hooks", "overrides"):
        (root / name).unlink()
        os.symlink((engine / name).resolve(), root / name)
    return root


def _build(root: Path, engine: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one ``mkdocs build`` importing the engine from ``engine``."""
    env = dict(ENV, PYTHONPATH=str((engine / "hooks").resolve()))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", "--quiet"], cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build failed with {engine}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str]) -> dict[str, dict[str, list[float]]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("engines", nargs="+", type=Path, help="folders holding hooks/ and overrides/")
    parser.add_argument("--modules", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args(argv)
    course = generate(OUT / f"compare-{options.modules}", options.modules)
    source = Path(course["root"])
    roots = {engine: _course_for(source, engine) for engine in options.engines}
    for engine, root in roots.items():  # warm-up, not counted: file cache and bytecode
        _build(root, engine)
    times = {str(engine): {"wall": [], "cpu": []} for engine in roots}
    for round_ in range(options.runs):
        for engine, root in roots.items():
            wall, cpu = _build(root, engine)
            times[str(engine)]["wall"].append(wall)
            times[str(engine)]["cpu"].append(cpu)
            log(f"  round {round_ + 1}, {engine}: {wall:.2f} s wall, {cpu:.2f} s CPU")
    for engine, spent in times.items():
        log(
            f"{engine}: median {statistics.median(spent['wall']):.2f} s wall, "
            f"{statistics.median(spent['cpu']):.2f} s CPU ({options.runs} builds of {options.modules} modules)"
        )
    return times


if __name__ == "__main__":
    main(sys.argv[1:])
