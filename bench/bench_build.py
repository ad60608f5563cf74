"""Build scaling and our features' cost, on generated courses.

- Full ``mkdocs build`` (wall clock, subprocess) at 100, 500 and 2,000
  modules; time per page at 2,000 divided by time per page at 100.
- The 100-module course against its plain twin (quizzes as plain lists, no
  citations, readings, hooks, macros or quiz extension), built alternately so
  that both see the same machine state; each pair gives one ratio.

Runs at 2,000 modules are fitted into a time budget (at least one, at most
three); the report says how many there were.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import OUT, figure, log, timed_build
from generate import generate

RUNS = 3
BUDGET_S = 660  # for everything in this benchmark; 2,000-module runs stop early to respect it
STOP_S = 600  # the least time a 2,000-module build is given before it is stopped


def _course(modules: int, plain: bool = False) -> dict:
    name = f"build-{modules}{'-plain' if plain else ''}"
    started = time.perf_counter()
    course = generate(OUT / name, modules, plain=plain)
    log(
        f"  generated {name} in {time.perf_counter() - started:.0f} s: {course['pages']:,} pages, "
        f"{course['words']:,} words, {course['quizzes']:,} quizzes"
    )
    return course


def _runs(course: dict, count: int, timeout: int = 900) -> list[float]:
    times = []
    for _ in range(count):
        times.append(timed_build(Path(course["root"]), timeout=timeout))
        log(f"    {course['modules']} modules{' (plain)' if course['plain'] else ''}: {times[-1]:.2f} s")
    return times


def _paired(featured: dict, plain: dict, count: int) -> tuple[list[float], list[float]]:
    """Alternate featured and plain builds so both meet the same conditions."""
    ours, base = [], []
    for _ in range(count):
        ours += _runs(featured, 1)
        base += _runs(plain, 1)
    return ours, base


def _large_runs(course: dict, started: float) -> tuple[list[float], bool]:
    """As many runs as fit the budget (one at least); True if the one run was stopped at the limit."""
    limit = max(STOP_S, int(BUDGET_S - (time.perf_counter() - started)))
    try:
        times = _runs(course, 1, timeout=limit)
    except subprocess.TimeoutExpired:
        log(f"    {course['modules']} modules: stopped after {limit} s")
        return [float(limit)], True
    while len(times) < RUNS and time.perf_counter() - started + max(times) * 1.1 < BUDGET_S:
        times += _runs(course, 1)
    return times, False


def _scaling_figures(courses: dict, times: dict, stopped: bool) -> list[dict]:
    small, large = min(times), max(times)
    figures = [
        figure(
            f"full build, {n:,} modules ({courses[n]['pages']:,} pages)",
            "s",
            runs=times[n],
            lower_bound=stopped and n == large,
            note="stopped at its time limit" if stopped and n == large else None,
        )
        for n in sorted(times)
    ]
    per_page = {n: [t / courses[n]["pages"] * 1000 for t in times[n]] for n in (small, large)}
    for n in (small, large):
        figures.append(
            figure(f"time per page, {n:,} modules", "ms", runs=per_page[n], lower_bound=stopped and n == large)
        )
    scaling = statistics.median(per_page[large]) / statistics.median(per_page[small])
    figures.append(
        figure(
            f"time per page at {large:,} / at {small:,} modules",
            "ratio",
            value=scaling,
            target="<= 1.2",
            lower_bound=stopped,
            note="ratio of the medians above; 1.0 is linear growth",
        )
    )
    return figures


def main(args: list[str]) -> dict:
    quick = "--quick" in args
    small, medium, large = (10, 20, 40) if quick else (100, 500, 2000)
    runs = 1 if quick else RUNS
    started = time.perf_counter()
    courses = {n: _course(n) for n in (small, medium, large)}
    plain = _course(small, plain=True)
    log("  warm-up build (not timed): fills the OS file cache and Python's bytecode cache")
    timed_build(Path(courses[small]["root"]))
    times = {}
    times[small], plain_times = _paired(courses[small], plain, runs)
    times[medium] = _runs(courses[medium], runs)
    times[large], stopped = _large_runs(courses[large], started)
    figures = _scaling_figures(courses, times, stopped)
    figures.append(figure(f"plain baseline, {small:,} modules", "s", runs=plain_times))
    pairs = [ours / base for ours, base in zip(times[small], plain_times, strict=True)]
    figures.append(
        figure(
            f"our features' cost: full / plain build, {small:,} modules",
            "ratio",
            runs=pairs,
            target="<= 1.10",
            note="one ratio per back-to-back pair of builds",
        )
    )
    notes = [
        f"Courses from bench/generate.py: each module about {courses[small]['words'] // small:,} words with 5 quizzes, "
        "citations, links to other modules and to anchors, admonitions and tables; modules are grouped into nav parts of "
        "20 (a 2,000-item flat sidebar is not a course anyone would ship).",
        f"{len(times[large])} run(s) at {large:,} modules (this benchmark's time budget: {BUDGET_S // 60} minutes; a build is "
        f"stopped after {STOP_S // 60} minutes at the latest); {runs} at the other sizes, after one untimed warm-up build. "
        f"The {small}-module builds alternate with the plain ones and serve both comparisons.",
        f"Features found in the repository when generated: {courses[small]['features']}."
        + (
            f" Readings left out because the repository's checks reject them: {', '.join(courses[small]['readings_left_out'])}."
            if courses[small]["readings_left_out"]
            else ""
        ),
    ]
    notes.append(_where_time_goes(courses[small], plain))
    return {"title": "Build scaling and our features' cost", "figures": figures, "notes": notes}


def _profile(course: dict) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("buildprofile.py")), str(Path(course["root"]) / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise SystemExit(f"buildprofile.py failed on {course['root']}:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout)


def _where_time_goes(featured: dict, plain: dict) -> str:
    """One build of each course with every plugin's and hook's events timed
    (bench/buildprofile.py): what the features' extra time is spent on."""
    log("  where the time goes: one timed build of each 100-module course (bench/buildprofile.py)")
    ours, base = _profile(featured), _profile(plain)
    parts = []
    for label in sorted(set(ours) | set(base), key=lambda k: -max(ours.get(k, 0), base.get(k, 0))):
        if max(ours.get(label, 0), base.get(label, 0)) >= 0.005:
            parts.append(
                f"{label} {ours.get(label, 0):.2f} s" + (f" (plain {base[label]:.2f} s)" if label in base else "")
            )
    return (
        "Where the time goes, CPU seconds of one build of the featured course (and of its plain twin), imports and "
        "start-up excluded; page templates include the search plugin's indexing: " + "; ".join(parts) + "."
    )


if __name__ == "__main__":
    main(sys.argv[1:])
