"""What of the course works when Zensical builds it instead of MkDocs (not a benchmark, not a test).

    .venv/bin/python bench/zensical_report.py

Installs the newest Zensical that pip can install, with this package (for the
quiz Markdown extension), into its own virtualenv under bench/out/zensical/
(never into the project's), builds a copy of the course with it, runs
``course postbuild`` on the result, and judges each feature by looking at the
built HTML. Writes the "Zensical" section of bench/REPORT.md (report.py keeps
it when the benchmarks write the rest).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchlib import ROOT

OUT = ROOT / "bench" / "out" / "zensical"
VENV = OUT / "venv"
COURSE = OUT / "course"
REPORT = ROOT / "bench" / "REPORT.md"
HEADING = "## Zensical"


def run(args: list, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900)


def install() -> str:
    """Zensical and this package in their own virtualenv; returns Zensical's version."""
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    pip = [VENV / "bin" / "python", "-m", "pip", "install", "--quiet", "--upgrade"]
    done = run([*pip, "-c", ROOT / "requirements.lock", "zensical", ROOT], OUT)
    if done.returncode != 0:
        raise SystemExit(f"installing Zensical failed:\n{done.stderr}")
    shown = run([VENV / "bin" / "python", "-m", "pip", "show", "zensical"], OUT).stdout
    return re.search(r"^Version: (.+)$", shown, re.M)[1]  # type: ignore[index]


def newest_listed() -> str:
    """The newest Zensical the package index lists (it may need what the index does not serve)."""
    shown = run([VENV / "bin" / "python", "-m", "pip", "index", "versions", "zensical"], OUT).stdout
    found = re.search(r"^zensical \(([^)]+)\)", shown, re.M)
    return found[1] if found else "unknown"


def copy_course() -> None:
    shutil.rmtree(COURSE, ignore_errors=True)
    COURSE.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", COURSE / "mkdocs.yml")
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, COURSE / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))


def page(site: Path, url: str) -> str:
    file = site / url / "index.html"
    return file.read_text(encoding="utf-8") if file.is_file() else ""


def judge(site: Path) -> list[tuple[str, bool, str]]:
    """(feature, works, what the HTML shows) for each feature."""
    modules = sorted((ROOT / "docs" / "modules").glob("*.md"))
    written = sum(m.read_text(encoding="utf-8").count("/// quiz") for m in modules)
    pages = {m.stem: page(site, f"modules/{m.stem}") for m in modules}
    forms = sum(len(re.findall(r"<form[^>]*data-lms-quiz=", html)) for html in pages.values())
    home, readings, dashboard = page(site, ""), page(site, "readings"), page(site, "dashboard")
    macro_pages = [name for name in ("", "syllabus", "readings", "glossary", "key-points") if "{{" in page(site, name)]
    footers = sum("data-lms-progress-foot" in html for html in pages.values())
    headers = sum("lms-module-header" in html for html in pages.values())
    abbr = sum("<abbr" in html for html in pages.values())
    return [
        (
            "Quizzes render (the Markdown extension)",
            forms == written,
            f"{forms} quiz forms on module pages; the sources have {written} quiz blocks",
        ),
        (
            "Macros ({{ ... }} in pages)",
            not macro_pages,
            "left as text on: " + ", ".join(p or "home" for p in macro_pages)
            if macro_pages
            else "no {{ left in the pages",
        ),
        (
            "Our hook: module header (duration, level, objectives)",
            headers == len(pages),
            f"{headers} of {len(pages)} module pages",
        ),
        ("Our hook: progress footer on module pages", footers == len(pages), f"{footers} of {len(pages)} module pages"),
        ("Our hook: glossary terms as abbreviations", abbr > 0, f"<abbr> on {abbr} of {len(pages)} module pages"),
        (
            "Our hook: one stylesheet of ours per page (course-quiz.css on quiz pages)",
            "course-quiz.css" in pages[modules[0].stem],
            "linked on a quiz page"
            if "course-quiz.css" in pages[modules[0].stem]
            else "not linked: the template reads lms_styles, which only the hook sets",
        ),
        (
            "Reading list page",
            "data-lms-reading" in readings,
            "reading entries with their mark-as-read controls"
            if "data-lms-reading" in readings
            else "no reading entries on /readings/",
        ),
        (
            "Reading list downloads (BibTeX, RIS, CSL-JSON)",
            (site / "downloads" / "course-readings.bib").is_file(),
            "written" if (site / "downloads" / "course-readings.bib").is_file() else "not written (the hook adds them)",
        ),
        (
            "Progress page (dashboard table)",
            bool(re.search(r"data-lms-dashboard-body>\s*<(?!/)", dashboard)),
            "table filled in"
            if re.search(r"data-lms-dashboard-body>\s*<(?!/)", dashboard)
            else "empty: the hook fills it in",
        ),
        (
            "Home page course outline",
            "lms-" in home and "{{" not in home,
            "rendered" if "lms-" in home and "{{" not in home else "macro text left as written",
        ),
    ]


def without_macros(config: Path) -> Path:
    """A copy of mkdocs.yml without the macros plugin (Zensical runs course_macros.py itself)."""
    text = re.sub(r"^  - macros:\n(?:      .*\n)+", "", config.read_text(encoding="utf-8"), flags=re.M)
    target = config.with_name("mkdocs-without-macros.yml")
    target.write_text(text, encoding="utf-8")
    return target


def build(config: Path, name: str) -> dict:
    """Build with Zensical, judge the HTML, run course postbuild on it."""
    started = time.perf_counter()
    done = run([VENV / "bin" / "zensical", "build", "--clean", "-f", config.name], COURSE)
    took = time.perf_counter() - started
    site = COURSE / f"site-{name}"
    shutil.rmtree(site, ignore_errors=True)
    if (COURSE / "site").is_dir():
        shutil.move(COURSE / "site", site)
    errors = [line for line in done.stderr.splitlines() if re.match(r"^\w*(Error|Exception)\b", line)]
    result = {"config": config.name, "status": done.returncode, "took": took, "error": errors[-1] if errors else ""}
    result["built"] = (site / "index.html").is_file()
    result["features"] = judge(site) if result["built"] else []
    result["checks"] = postbuild(site, config) if result["built"] else None
    result["site"] = site
    return result


def postbuild(site: Path, config: Path) -> tuple[int, list[str], str]:
    course = Path(sys.executable).with_name("course")
    done = run([course, "--config", config, "postbuild", site, "--format", "text"], COURSE)
    return (
        done.returncode,
        done.stdout.splitlines(),
        done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "",
    )


def section(version: str, listed: str, results: list[dict]) -> list[str]:
    newest = (
        "the newest on the package index"
        if listed == version
        else f"the newest pip could install here: the index lists {listed}, which needs a release of its own "
        "dependencies (zensical-ui) that the index does not serve yet"
    )
    lines = [
        HEADING,
        "",
        f"`bench/zensical_report.py` (not a benchmark): the course built by Zensical {version} ({newest}) with "
        "`zensical build --clean`, then `course postbuild` on what it wrote; each verdict comes from the built HTML.",
        "",
    ]
    for result in results:
        lines += [
            f"`zensical build -f {result['config']}`: exit status {result['status']}, {result['took']:.1f} s.",
            "",
        ]
        if not result["built"]:
            lines += [f"No site: the build stopped with `{result['error'] or 'no message'}`.", ""]
            continue
        site = result["site"]
        data = (site / "assets" / "lms" / "course.json").is_file()
        combined = ", ".join(sorted(p.name for p in (site / "assets").glob("course-*.css"))) or "none"
        status, problems, summary = result["checks"]
        lines += [
            "| Feature | Works | What the built site shows |",
            "| --- | --- | --- |",
            *[f"| {name} | {'yes' if ok else '**no**'} | {detail} |" for name, ok, detail in result["features"]],
            "| Source checks during the build | **no** | Zensical runs no MkDocs hooks: no `file:line` problem is printed |",
            f"| `course postbuild`: course data, stylesheets, minifying | {'yes' if data else '**no**'} | course.json {'written' if data else 'missing'}; combined stylesheets: {combined} |",
            f"| `course postbuild`: checks of the built pages | yes | exit status {status}; {summary or 'no summary'} |",
            "",
        ]
        if problems:
            lines += ["The first problems `course postbuild` reported:", "", "```", *problems[:6], "```", ""]
    return lines


def write_section(lines: list[str]) -> None:
    text = REPORT.read_text(encoding="utf-8")
    start = text.find("\n" + HEADING + "\n")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + (text[end:] if end >= 0 else "\n")
    REPORT.write_text(text.rstrip() + "\n\n" + "\n".join(lines).rstrip() + "\n", encoding="utf-8")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    version = install()
    copy_course()
    config = COURSE / "mkdocs.yml"
    results = [build(config, "as-written"), build(without_macros(config), "without-macros")]
    lines = section(version, newest_listed(), results)
    write_section(lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
