"""Build scaling and our own code's share of a build, on generated courses.

- Full ``mkdocs build`` (wall clock, subprocess) at 100, 500 and 2,000
  modules; time per page at 2,000 divided by time per page at 100.
- Our own code's share of the CPU time of a build of the 100-module course
  (hooks, macros, our Markdown extensions, post-build steps), sampled by
  bench/buildprofile.py, and where the time goes against the course's plain
  twin (quizzes as plain lists, no citations, readings, hooks, macros or quiz
  extension).

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
from benchlib import ENV, OUT, figure, log, timed_build
from buildprofile import OURS, TEMPLATES
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
    times[small] = _runs(courses[small], runs)
    times[medium] = _runs(courses[medium], runs)
    times[large], stopped = _large_runs(courses[large], started)
    figures = _scaling_figures(courses, times, stopped)
    log(f"  our code's share: {runs} sampled build(s) of the {small}-module course (bench/buildprofile.py)")
    profiles = [_profile(courses[small]) for _ in range(runs)]
    figures.append(own_share_figure(profiles, small))
    notes = [
        f"Courses from bench/generate.py: each module about {courses[small]['words'] // small:,} words with 5 quizzes, "
        "citations, links to other modules and to anchors, admonitions and tables; modules are grouped into nav parts of "
        "20 (a 2,000-item flat sidebar is not a course anyone would ship).",
        f"{len(times[large])} run(s) at {large:,} modules (this benchmark's time budget: {BUDGET_S // 60} minutes; a build is "
        f"stopped after {STOP_S // 60} minutes at the latest); {runs} at the other sizes, after one untimed warm-up build.",
        f"Features found in the repository when generated: {courses[small]['features']}."
        + (
            f" Readings left out because the repository's checks reject them: {', '.join(courses[small]['readings_left_out'])}."
            if courses[small]["readings_left_out"]
            else ""
        ),
    ]
    notes.append(_own_parts(profiles))
    notes.append(_where_time_goes(profiles[0], _profile(plain)))
    return {"title": "Build scaling and our code's share", "figures": figures, "notes": notes}


def _profile(course: dict) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("buildprofile.py")), str(Path(course["root"]) / "mkdocs.yml")],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise SystemExit(f"buildprofile.py failed on {course['root']}:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout)


def own_share_figure(profiles: list[dict[str, float]], modules: int) -> dict:
    """Our code's share of each sampled build's CPU time, in percent."""
    shares = [100 * p[OURS + "all"] / p["total (CPU)"] for p in profiles]
    return figure(
        f"our code's share of the build's CPU time, {modules:,} modules",
        "%",
        runs=shares,
        target="<= 25",
        note="hooks, macros, our Markdown extensions and post-build steps, sampled by bench/buildprofile.py",
    )


def _own_parts(profiles: list[dict[str, float]]) -> str:
    first = profiles[0]
    parts = sorted(
        ((k.removeprefix(OURS), v) for k, v in first.items() if k.startswith(OURS) and k != OURS + "all"),
        key=lambda kv: -kv[1],
    )
    templates, total = first.get(TEMPLATES, 0.0), first["total (CPU)"]
    return (
        f"Our code in the first sampled build: {first[OURS + 'all']:.2f} s of {total:.2f} s CPU; "
        + "; ".join(f"{part} {seconds:.2f} s" for part, seconds in parts)
        + f". Of our code, {templates:.2f} s is Jinja parsing and running the pages' templates "
        "(coursesite/templates.py): the macros plugin spends that itself when no hook renders the pages; ours renders "
        "them to report a template's mistakes at their lines. It counts in the share above; without it, the share "
        f"would be {100 * (first[OURS + 'all'] - templates) / total:.1f} %."
    )


def _where_time_goes(ours: dict[str, float], base: dict[str, float]) -> str:
    """Every plugin's and hook's events timed in one build of each course
    (bench/buildprofile.py): what the features' extra time is spent on."""
    ours = {k: v for k, v in ours.items() if not k.startswith((OURS, TEMPLATES))}
    base = {k: v for k, v in base.items() if not k.startswith((OURS, TEMPLATES))}
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
