"""Quiz benchmark: build-time cost and bytes on the wire.

    .venv/bin/python bench/bench_quiz.py [--pages 500] [--pairs 5] [--skip-mkdocs-quiz] [--only build|bytes]

1. Build time of a generated course of ``--pages`` module pages with five
   quizzes each, against the same pages with the quizzes written as plain
   lists, same configuration (hooks, macros, every extension). Builds
   alternate (quiz, plain, quiz, plain...) so both see the same machine
   state; the ratio compares the fastest run of each (the least disturbed),
   by wall clock and by CPU time. Target: <= 1.10.
2. Bytes (gzip -9) that our quiz JavaScript and CSS add to a page, and what
   mkdocs-quiz 1.7.1 adds for the same three questions, measured side by side
   in one run. mkdocs-quiz is installed into a throwaway virtual environment
   under the system temp folder, never into the project. Target: at most
   5 KB in total; a page without a quiz pays at most that.

Needs PyPI for step 2 (pip install into the temp venv); --skip-mkdocs-quiz
runs the rest offline.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML
from selectolax.lexbor import LexborHTMLParser

from coursesite.minify import minified

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
# Everything a quiz needs, its checking code (loaded on the learner's first touch) included.
ASSETS = [
    "docs/assets/lms/quiz.js",
    "docs/assets/lms/quiz/check.js",
    "docs/assets/lms/store.js",
    "docs/assets/lms/quiz.css",
]
KB = 1024

QUIZZES = [  # (question, multiple, [(text, correct, feedback)], explanation)
    (
        "Your best rep has missed target two months running. What is your first move?",
        False,
        [
            (
                "Put them on a 30-day improvement plan",
                False,
                "A plan may come later; starting with it says the numbers matter more than they do.",
            ),
            (
                "Ask them, one to one, what has changed and what would help",
                True,
                "Listening first gives you the facts and keeps the rep talking to you.",
            ),
            (
                "Move two of their accounts to a colleague",
                False,
                "This protects the forecast and teaches the rep to hide problems.",
            ),
        ],
        "Leaders start with the person behind the number.",
    ),
    (
        "Which of these are career functions in Kram's model? Choose all that apply.",
        True,
        [
            (
                "Sponsorship: recommending the mentee for a stretch role",
                True,
                "The mentor uses their standing to open a door.",
            ),
            ("Counselling: talking through the mentee's worries", False, "This is a psychosocial function."),
            (
                "Exposure: taking the mentee to the forecast call",
                True,
                "Being seen by senior people is a career function.",
            ),
        ],
        "Kram described career and psychosocial functions.",
    ),
    (
        "True or false: vague praise works as well as specific praise.",
        False,
        [
            ("True", False, "Vague praise tells people nothing about what to repeat."),
            ("False", True, "Specific praise names the behaviour worth repeating."),
        ],
        "Specific, timely recognition changes behaviour; general praise rarely does.",
    ),
]
PROSE = (
    "Good managers ask before they tell. They look at the work, not the person, and they say what "
    "they saw in words the rep can act on. "
) * 12


def log(message: str) -> None:
    print(message, flush=True)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# --- our syntax, and the same questions as plain lists or mkdocs-quiz -----


def ours(number: int, page: int, quiz: tuple, objective: int | None = None) -> str:
    question, multiple, choices, explanation = quiz
    options = (
        [f"    id: p{page}-q{number}"]
        + (["    multiple: true"] if multiple else [])
        + ([f"    objective: {objective}"] if objective else [])
    )
    lines = [f"/// quiz | {question}", *options, ""]
    for text, correct, feedback in choices:
        lines += [f"- [{'x' if correct else ' '}] {text}", f"    > {feedback}"]
    return "\n".join([*lines, "", explanation, "///", ""])


def plain(number: int, page: int, quiz: tuple, objective: int | None = None) -> str:
    question, _, choices, explanation = quiz
    lines = [f"**{question}**", ""]
    for text, _, feedback in choices:
        lines += [f"- {text}", f"    > {feedback}"]
    return "\n".join([*lines, "", explanation, ""])


def mkdocs_quiz(quiz: tuple) -> str:
    question, _, choices, explanation = quiz
    lines = ["<quiz>", question] + [f"- [{'x' if c else ' '}] {t}" for t, c, _ in choices]
    return "\n".join([*lines, "", explanation, "</quiz>", ""])


# --- 1. build time -----------------------------------------------------------


def _module(page: int, writer) -> str:
    front = (
        f"---\ntitle: Module {page}\ndescription: Generated module {page}.\nmodule:\n  id: m{page}\n  duration: 30\n"
        "  level: foundation\n  objectives:\n    - Explain the idea\n    - Choose a first step\n    - Plan a conversation\n---\n\n"
    )
    body = [f"## Part {n}\n\n{PROSE}\n\n" + writer(n, page, QUIZZES[n % 3], objective=(n % 3) + 1) for n in range(1, 6)]
    return front + "\n".join(body)


def make_course(root: Path, pages: int, writer) -> Path:
    docs = root / "docs"
    (docs / "modules").mkdir(parents=True)
    for name in ("hooks", "overrides"):
        os.symlink(ROOT / name, root / name)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    nav = []
    for page in range(1, pages + 1):
        name = f"modules/{page:04d}-module.md"
        (docs / name).write_text(_module(page, writer), encoding="utf-8")
        nav.append(name)
    yaml = YAML()
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Home": "index.md"}, {"Course": nav}]
    config["site_url"] = "http://127.0.0.1/"
    with (root / "mkdocs.yml").open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    return root


def timed_build(root: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``mkdocs build``.

    CPU time (user + system of the build process) is the steadier figure on
    a shared machine: other work slows the wall clock, not the build's own
    work. Both are reported."""
    start, before = time.perf_counter(), os.times()
    result = subprocess.run([str(MKDOCS), "build", "--quiet"], cwd=root, env=ENV, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, os.times()
    if result.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{result.stdout}{result.stderr}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def bench_build(work: Path, pages: int, pairs: int) -> None:
    log(f"1. Build time: {pages} module pages, 5 quizzes each, against the same pages with plain lists")
    quiz_course = make_course(work / "quiz", pages, ours)
    plain_course = make_course(work / "plain", pages, plain)
    timed_build(quiz_course)  # warm the disk cache and compiled templates for both
    runs = {"quiz": [], "plain": []}
    for pair in range(1, pairs + 1):
        runs["quiz"].append(timed_build(quiz_course))
        runs["plain"].append(timed_build(plain_course))
        (wall_q, cpu_q), (wall_p, cpu_p) = runs["quiz"][-1], runs["plain"][-1]
        log(
            f"   pair {pair}: quizzes {wall_q:.2f} s wall / {cpu_q:.2f} s CPU, plain lists {wall_p:.2f} s wall / {cpu_p:.2f} s CPU"
        )
    # The fastest run of each is the one least disturbed by anything else on the machine.
    best = {name: (min(r[0] for r in values), min(r[1] for r in values)) for name, values in runs.items()}
    wall, cpu = best["quiz"][0] / best["plain"][0], best["quiz"][1] / best["plain"][1]
    pair_cpu = statistics.median(q[1] / p[1] for q, p in zip(runs["quiz"], runs["plain"], strict=True))
    log(
        f"   ratio of the fastest runs: {wall:.3f} wall clock, {cpu:.3f} CPU time (median of the pairs' CPU ratios {pair_cpu:.3f})"
    )
    log(
        f"   target <= 1.10: {'met' if wall <= 1.10 else 'MISSED'} (wall clock), {'met' if cpu <= 1.10 else 'MISSED'} (CPU time)"
    )


# --- 2. bytes ------------------------------------------------------------------


def _inline_code(html: str) -> bytes:
    tree = LexborHTMLParser(html)
    parts = [node.text(deep=True) for node in tree.css("script:not([src]), style")]
    return "\n".join(parts).encode("utf-8")


def _minimal_site(root: Path, extra: dict, pages: dict[str, str]) -> Path:
    (root / "docs").mkdir(parents=True)
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "Bench",
        "site_url": "http://127.0.0.1/",
        "theme": {"name": "material", "font": False},
        "nav": [{"Quiz": "quiz.md"}, {"No quiz": "plain.md"}],
        **extra,
    }
    with (root / "mkdocs.yml").open("w", encoding="utf-8") as out:
        YAML().dump(config, out)
    return root


def _build_pair(work: Path, mkdocs: Path, with_extra: dict, quiz_page: str, copy: tuple = ()) -> dict:
    """Build the three questions with the quiz feature on, and as plain lists with it off."""
    plain_page = "# Quiz\n\n" + "\n".join(plain(n, 0, q) for n, q in enumerate(QUIZZES, 1))
    other = "# No quiz\n\nA page without any quiz.\n"
    sites = {}
    for name, extra, page in (("on", with_extra, quiz_page), ("off", {}, plain_page)):
        root = _minimal_site(work / name, extra, {"quiz.md": page, "plain.md": other})
        for asset in copy if name == "on" else ():
            (root / asset).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / asset, root / asset)
        result = subprocess.run([str(mkdocs), "build", "--quiet"], cwd=root, env=ENV, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"build failed in {root}:\n{result.stdout}{result.stderr}")
        sites[name] = root / "site"
    on, off = sites["on"], sites["off"]
    added = sorted(
        p.relative_to(on)
        for p in on.rglob("*")
        if p.is_file() and not (off / p.relative_to(on)).exists() and p.suffix in (".js", ".css")
    )
    html = {
        key: {page: (sites[key] / page / "index.html").read_text(encoding="utf-8") for page in ("quiz", "plain")}
        for key in sites
    }
    return {
        "assets": sum(gz((on / p).read_bytes()) for p in added),
        "asset_names": [str(p) for p in added],
        "inline": gz(_inline_code(html["on"]["quiz"])) - gz(_inline_code(html["off"]["quiz"])),
        "quiz_page": gz(html["on"]["quiz"].encode()) - gz(html["off"]["quiz"].encode()),
        "other_page": gz(html["on"]["plain"].encode()) - gz(html["off"]["plain"].encode()),
    }


def bench_ours(work: Path) -> dict:
    extra = {
        "markdown_extensions": ["coursesite.quiz"],
        "extra_javascript": [{"path": "assets/lms/quiz.js", "type": "module"}],
        "extra_css": ["assets/lms/quiz.css"],
    }
    page = "# Quiz\n\n" + "\n".join(ours(n, 0, q) for n, q in enumerate(QUIZZES, 1))
    result = _build_pair(work, MKDOCS, extra, page, copy=ASSETS)
    # As the course ships them: the build minifies our assets (coursesite/minify.py).
    sizes = {
        Path(a).name: gz(minified((ROOT / a).read_text(encoding="utf-8"), Path(a).suffix).encode()) for a in ASSETS
    }
    result["assets"], result["asset_names"] = sum(sizes.values()), [f"{k} {v:,} B" for k, v in sizes.items()]
    return result


def _temp_venv(work: Path) -> Path:
    venv = work / "venv"
    log("   installing mkdocs-quiz==1.7.1 (with mkdocs 1.6.1, mkdocs-material 9.8.2) into a throwaway venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    result = subprocess.run(
        [*pip, "mkdocs==1.6.1", "mkdocs-material==9.8.2", "mkdocs-quiz==1.7.1"], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"could not install mkdocs-quiz 1.7.1:\n{result.stdout}{result.stderr}")
    return venv / "bin" / "mkdocs"


def bench_mkdocs_quiz(work: Path) -> dict:
    mkdocs = _temp_venv(work)
    page = "# Quiz\n\n" + "\n".join(mkdocs_quiz(q) for q in QUIZZES)
    return _build_pair(work / "site", mkdocs, {"plugins": ["search", "mkdocs_quiz"]}, page)


def bench_bytes(work: Path, skip_mkdocs_quiz: bool) -> None:
    log("2. Bytes added to a page (gzip -9), the same three questions (single, multiple, true/false)")
    rows = [("ours (coursesite.quiz)", bench_ours(work / "ours"))]
    if not skip_mkdocs_quiz:
        rows.append(("mkdocs-quiz 1.7.1", bench_mkdocs_quiz(work / "mkdocs-quiz")))
    log(f"   {'':20} {'JS+CSS files':>13} {'inline JS/CSS':>14} {'quiz page HTML':>15} {'page w/o quiz':>14}")
    for name, r in rows:
        log(f"   {name:20} {r['assets']:>11,} B {r['inline']:>12,} B {r['quiz_page']:>13,} B {r['other_page']:>12,} B")
    for name, r in rows:
        log(f"   {name} files: {', '.join(r['asset_names']) or 'none'}")
    ours_total = rows[0][1]["assets"] + max(rows[0][1]["inline"], 0)
    log(
        f"   ours: {ours_total:,} B of JavaScript and CSS on a page with a quiz, minified as the course ships it "
        f"(target <= {5 * KB:,} B: {'met' if ours_total <= 5 * KB else 'MISSED'}); a page without a quiz loads none of it: "
        "in the course, quiz.css goes only on pages with a quiz (combined with course.css, coursesite/pageassets.py) and main.js "
        "loads quiz.js only there, as the learner comes near a quiz, and quiz/check.js as they first touch one (tests/test_page_weight.py)"
    )
    if len(rows) > 1:
        theirs = rows[1][1]
        log(
            f"   mkdocs-quiz: {theirs['assets'] + theirs['inline']:,} B of JavaScript and CSS "
            f"({theirs['inline']:,} B inlined into the page), and a page without a quiz grows by {theirs['other_page']:,} B"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--skip-mkdocs-quiz", action="store_true", help="do not install mkdocs-quiz (no network)")
    parser.add_argument("--only", choices=("build", "bytes"), help="run one half of the benchmark")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-quiz-") as folder:
        work = Path(folder)
        if args.only != "build":
            bench_bytes(work / "bytes", args.skip_mkdocs_quiz)
        if args.only != "bytes":
            bench_build(work / "build", args.pages, args.pairs)


if __name__ == "__main__":
    main()
