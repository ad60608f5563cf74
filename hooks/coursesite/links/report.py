"""The external link report: a terminal table, JSON for tools, and Markdown
for a CI job summary (``$GITHUB_STEP_SUMMARY``). Worst results first; each
row says what happened, what to do and where the URL is used."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from .verdict import FAILING, OK, ORDER, Result

MARKS = {
    "broken": "❌",
    "unreachable": "❌",
    "timeout": "⏱️",
    "rate-limited": "⏸️",
    "moved": "➡️",
    "use-https": "🔒",
    "ok": "✅",
}
PLACES_SHOWN = 3
URL_WIDTH = 72


def summary(results: list[Result]) -> str:
    counts = Counter(r.status for r in results)
    parts = [f"{counts[s]} {s}" for s in ORDER if counts[s]]
    cached = sum(r.from_cache for r in results)
    return f"{len(results)} external URL(s): {', '.join(parts) or 'none'} ({cached} from the cache)"


def _places(result: Result) -> str:
    shown = ", ".join(result.where[:PLACES_SHOWN])
    more = len(result.where) - PLACES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def format_table(results: list[Result]) -> str:
    rows = [("STATUS", "CODE", "URL", "DETAIL", "WHERE")]
    for r in results:
        detail = r.detail + (f"; {r.advice}" if r.advice else "")
        rows.append((r.status, str(r.code or "-"), r.url, detail, _places(r)))
    widths = [max(len(row[i]) for row in rows) for i in range(2)] + [min(URL_WIDTH, max(len(row[2]) for row in rows))]
    lines = [
        "  ".join([row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2]), row[3]])
        + (f"  <- {row[4]}" if row[4] and row[0] != "STATUS" else "")
        for row in rows
    ]
    return "\n".join([*lines, "", summary(results)])


def format_json(results: list[Result]) -> str:
    counts = Counter(r.status for r in results)
    data = {
        "summary": {
            "total": len(results),
            "from_cache": sum(r.from_cache for r in results),
            **{s: counts[s] for s in ORDER},
        },
        "results": [asdict(r) for r in results],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code_list(places: list[str]) -> str:
    shown = ", ".join(f"`{_cell(p)}`" for p in places[:PLACES_SHOWN])
    more = len(places) - PLACES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def format_markdown(results: list[Result]) -> str:
    problems = [r for r in results if r.status != OK]
    working = [r for r in results if r.status == OK]
    lines = ["## External links", "", f"**{summary(results)}.**", ""]
    if any(r.status in FAILING for r in results):
        lines += ["Links marked ❌ or ⏱️ need a look: a learner following them meets an error.", ""]
    if problems:
        lines += ["| Status | URL | Answer | What to do | Used in |", "| --- | --- | --- | --- | --- |"]
        for r in problems:
            lines.append(
                f"| {MARKS[r.status]} {r.status} | <{_cell(r.url)}> | {_cell(r.detail)} | {_cell(r.advice)} | {_code_list(r.where)} |"
            )
        lines.append("")
    else:
        lines += ["Every external link works.", ""]
    if working:
        lines += [
            f"<details><summary>{len(working)} working link(s)</summary>",
            "",
            "| URL | Answer | Used in |",
            "| --- | --- | --- |",
        ]
        lines += [f"| <{_cell(r.url)}> | {_cell(r.detail)} | {_code_list(r.where)} |" for r in working]
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def format_results(results: list[Result], fmt: str) -> str:
    if fmt == "json":
        return format_json(results)
    if fmt == "markdown":
        return format_markdown(results)
    return format_table(results)
