"""bench/REPORT.md: the machine, the versions, the date and every figure.

Figures are formatted by ``benchlib.describe``, the function that printed
them on the console, so the report cannot say anything the run did not.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import platform
import re
import subprocess
from importlib import metadata
from pathlib import Path

from benchlib import ROOT, describe, verdict

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pymdown-extensions", "Markdown", "playwright")
BUDGET_S = 20 * 60


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        total_kb = int(
            next(
                line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
            ).split()[1]
        )
        return f"{total_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        return "unknown"


def _os() -> str:
    try:
        name = next(line for line in Path("/etc/os-release").read_text().splitlines() if line.startswith("PRETTY_NAME"))
        return f"{name.split('=', 1)[1].strip(chr(34))}, {platform.system()} {platform.release()}"
    except (OSError, StopIteration):
        return platform.platform()


def _output(*command: str) -> str:
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=30)
        return result.stdout.strip() if result.returncode == 0 else ""
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _commit() -> str:
    commit = _output("git", "rev-parse", "--short", "HEAD") or "unknown"
    # The reports themselves do not count: the previous run's output is always "changed".
    dirty = _output("git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/REPORT*.md")
    return f"{commit}{' with uncommitted changes' if dirty else ''}"


def _versions() -> str:
    found = []
    for package in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found.append(f"{package} {metadata.version(package)}")
    return ", ".join(found)


def machine_rows() -> list[tuple[str, str]]:
    return [
        ("CPU", f"{_cpu()}, {os.cpu_count()} cores"),
        ("Memory", _memory()),
        ("OS", _os()),
        ("Python", platform.python_version()),
        ("Packages", _versions()),
        ("Chromium", _output("/usr/bin/chromium", "--version") or "not found"),
        ("Node", _output("node", "--version") or "not found"),
        ("Course commit", _commit()),
    ]


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {int(seconds % 60)} s"


def _target(fig: dict) -> str:
    unit = fig.get("unit", "")
    return f"{fig.get('target', '')}{' ' + unit if fig.get('target') and unit in ('B', 's', 'ms', '%') else ''}"


def _printed_targets(result: dict) -> list[str]:
    """Lines of a printed-only benchmark that state a target, quoted as printed."""
    rows = []
    for line in result.get("output", []):
        if "target" in line.lower():
            found = re.search(r"\b(met|MISSED)\b", line)
            text = line.strip().replace("|", "\\|")
            rows.append(
                f"| {result['file']}, as printed: `{text}` | | | **{found.group(1) if found else 'see the line'}** |"
            )
    return rows


def _targets(results: list[dict]) -> list[str]:
    lines = ["| Figure | Measured | Target | Result |", "| --- | --- | --- | --- |"]
    for result in results:
        lines += _printed_targets(result)
        for fig in result["figures"]:
            if fig.get("target"):
                lines.append(f"| {fig['name']} | {describe(fig)} | {_target(fig)} | **{verdict(fig)}** |")
    return lines


def _section(result: dict) -> list[str]:
    low, high = result["load"]
    lines = [
        f"## {result['title']}",
        "",
        f"`bench/{result['file']}`, {_minutes(result['seconds'])}; load average (1 min) {low:.1f} at start, {high:.1f} at end.",
        "",
    ]
    if "error" in result:
        return [*lines, "**This benchmark FAILED**, so it has no figures:", "", "```", result["error"], "```", ""]
    if result.get("skipped"):
        return [
            *lines,
            "Skipped in a --quick run: it does not follow the convention of bench/README.md, so it cannot be made small.",
            "",
        ]
    if result.get("printed"):
        return [
            *lines,
            'This benchmark does not return its figures (bench/README.md, "The convention"); what it printed:',
            "",
            "```",
            *result.get("output", []),
            "```",
            "",
        ]
    lines += ["| Figure | Measured | Target | Result |", "| --- | --- | --- | --- |"]
    for fig in result["figures"]:
        note = f" ({fig['note']})" if fig.get("note") else ""
        lines.append(f"| {fig['name']}{note} | {describe(fig)} | {_target(fig)} | {verdict(fig)} |")
    notes = result.get("notes") or []
    return lines + [""] + [f"- {note}" for note in notes] + ([""] if notes else [])


def render(results: list[dict], total: float, command: str) -> str:
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    failed = [r["file"] for r in results if "error" in r]
    budget = "within" if total <= BUDGET_S else "OVER"
    lines = [
        "# Benchmark report",
        "",
        f"Generated on {now} by `.venv/bin/python {command}` in {_minutes(total)} ({budget} the 20-minute budget). "
        "Do not edit by hand: run the command again (bench/README.md says how). Each figure is the median of its runs "
        "with the smallest and largest run; ratios are measured within the same run of the command.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "| --- | --- |",
        *[f"| {name} | {value} |" for name, value in machine_rows()],
        "",
        "Other processes on the machine slow the timings down; the load average printed with each benchmark shows how busy it was.",
        "",
        "## Targets",
        "",
        *_targets(results),
        "",
    ]
    if failed:
        lines += [f"**Failed benchmarks (no figures): {', '.join(failed)}.**", ""]
    for result in results:
        lines += _section(result)
    return "\n".join(lines).rstrip() + "\n"


KEPT = "\n## Zensical\n"  # written by bench/zensical_report.py, which is no benchmark: kept as it is


def _kept(path: Path) -> str:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    start = text.find(KEPT)
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)].rstrip() + "\n"


def write_report(path: Path, results: list[dict], total: float, command: str) -> str:
    text = render(results, total, command) + _kept(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text
