"""Markdown for a module's reading list and for the course reading-list page.

Entries are ``md_in_html`` blocks, so that on the reading-list page MkDocs
still resolves and checks the internal links inside them ("Reading for",
"Cited in"); a module page's entries have no such links and are converted
once per build instead of once per page. Each carries ``data-lms-reading`` (its id)
and ``data-lms-reading-modules`` for readings.js, and a native checkbox that
the script turns into a persistent "mark as read".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..course_loader import Course
from ..inline import md_text
from ..modules import LEVEL_LABELS, Module
from ..pages import link
from . import usage
from .cite import labels
from .exports import DOWNLOADS
from .load import load
from .markdown import attr
from .model import KIND_LABELS, KINDS, Reading
from .reference import links_markdown, reference_markdown


def _page_title(course: Course, src_uri: str) -> str:
    module = course.module_at(src_uri)
    meta: Any = course.pages[src_uri].meta if src_uri in course.pages else None
    title = module.title if module else (meta.get("title") if hasattr(meta, "get") else None)
    return str(title or src_uri)


def _page_links(course: Course, page_uri: str, src_uris: list[str]) -> str:
    return ", ".join(f"[{md_text(_page_title(course, s))}]({link(page_uri, s)})" for s in src_uris)


def _facts(reading: Reading) -> str:
    facts = [f"**Effort:** {md_text(reading.effort)}" if reading.effort else ""]
    facts.append(f"**Level:** {LEVEL_LABELS[reading.level]}" if reading.level else "")
    facts.append(f"**Type:** {KIND_LABELS[reading.kind][0]}" if reading.kind else "")
    return " · ".join(f for f in facts if f)


# A module page counts only its own readings, so its entries name just that
# module (module_entries_html fills it in): the full list of modules that use a
# reading would grow every module page with the course (8 KB a page at 2,000
# modules, bench/generate.py), when one name does the same for readings.js.
THIS_MODULE = "lms-this-module"


def entry(course: Course, reading: Reading, page_uri: str, *, on_list_page: bool) -> str:
    modules = usage.reading_modules(course)[reading.id] if on_list_page else [THIS_MODULE]
    title = reading.title or reading.id
    # Search finds a reading on the reading-list page; on module pages the same
    # entry again would only repeat it in the results (and a sixth of the index).
    # The value is empty, as on a quiz's parts: Material strips the non-empty
    # data-search-* attributes of what it indexed, and coursesite/searchview.py hands it
    # the page without these entries, so an empty one stays either way.
    placement = f' id="{attr(reading.id)}"' if on_list_page else ' data-search-exclude=""'
    lines = [
        f'<div class="lms-reading" markdown{placement} data-lms-reading="{attr(reading.id)}" '
        f'data-lms-reading-modules="{attr(" ".join(modules))}" data-lms-reading-title="{attr(title)}">',
        "",
        reference_markdown(reading),
        "{ .lms-reading__ref }",
        "",
        _facts(reading),
        "",
    ]
    if reading.note:
        lines += [f"**Why read it:** {md_text(reading.note)}", ""]
    if links_markdown(reading):
        lines += [f"**Links:** {links_markdown(reading)}", ""]
    if on_list_page:
        in_modules = [m.src_uri for m in course.modules if m.id in modules]
        # Only pages this build publishes: a learner edition leaves out the trainer guide.
        published = course.derived.page_urls
        cited = [p for p in usage.citing_pages(course).get(reading.id, []) if not published or p in published]
        # Where a reading is used is for browsing, not searching: indexed, every
        # reading would be found by the words of each module title it names.
        where = '{ .lms-reading__where data-search-exclude="" }'
        if in_modules:
            lines += [f"**Reading for:** {_page_links(course, page_uri, in_modules)}", where, ""]
        if cited:
            lines += [f"**Cited in:** {_page_links(course, page_uri, cited)}", where, ""]
    lines += [
        # The name starts with the visible label (WCAG 2.5.3) and says which reading.
        f'<label class="lms-reading__mark"><input type="checkbox" data-lms-reading-toggle '
        f'aria-label="Mark as read: {attr(title)}"> Mark as read</label>',
        "",
        "</div>",
        "",
    ]
    return "\n".join(lines)


def _count(module: Module, total: int, label: str) -> str:
    return (
        f'<span class="lms-readings__count" data-lms-reading-count="{attr(module.id)}" '
        f'data-lms-reading-label="{attr(label)}">{total} reading{"" if total == 1 else "s"}</span>'
    )


STATUS = '<p class="lms-readings__status" role="status" data-lms-readings-status></p>\n'


def module_section(course: Course, module: Module) -> str:
    """The ``## Reading list`` appended to a module page's Markdown ("" without
    readings): heading, count and live region; the entries follow as HTML
    (``module_entries_html``) once the page is converted."""
    ids = usage.module_readings(course, module)
    if not ids:
        return ""
    parts = ["## Reading list", "", f"{_count(module, len(ids), 'This module')} for this module."]
    page = usage.list_page(course)
    if page:
        parts[-1] += (
            f" The [course reading list]({link(module.src_uri, page)}) has every reading, with downloads for reference managers."
        )
    parts += ["", STATUS]
    return "\n".join(parts)


def module_entries_html(course: Course, module: Module, to_html: Callable[[str], str]) -> str:
    """The module's reading entries as HTML, to follow ``module_section``.

    A reading appears on several module pages and its entry there has no
    page-relative link, so each is converted once per build with ``to_html``
    (the site's own Markdown settings) instead of once per page: converting
    them inside every page cost a quarter of a module page's Markdown time."""
    catalogue = load(course)
    done = course.derived.reading_entries_html
    parts = []
    for reading_id in usage.module_readings(course, module):
        if reading_id not in done:
            done[reading_id] = to_html(
                entry(course, catalogue.readings[reading_id], module.src_uri, on_list_page=False)
            )
        parts.append(done[reading_id])
    return "\n".join(parts).replace(
        f'data-lms-reading-modules="{THIS_MODULE}"', f'data-lms-reading-modules="{attr(module.id)}"'
    )


def _short_link(reading: Reading, label: str) -> str:
    return f"[{md_text(label)}](#{reading.id}): *{md_text(reading.title)}*"


def _downloads(page_uri: str) -> str:
    items = [
        f'[{name}]({link(page_uri, path)}){{ download="{path.rsplit("/", 1)[-1]}" }}'
        for path, name in DOWNLOADS.items()
    ]
    return "**Download the whole list** for Zotero, Mendeley, EndNote and other reference managers: " + " · ".join(
        items
    )


def _by_module(course: Course, page_uri: str, primary: dict[str, str]) -> list[str]:
    catalogue, names = load(course), labels(load(course))
    parts = ["## Readings by module { #by-module }", ""]
    for number, module in enumerate(course.modules, start=1):
        ids = usage.module_readings(course, module)
        if not ids:
            continue
        parts += [
            f"### {number}. {md_text(module.title)} {{ #module-{module.id} }}",
            "",
            f"[Open the module]({link(page_uri, module.src_uri)})",
            "",
        ]
        parts += [
            entry(course, catalogue.readings[i], page_uri, on_list_page=True) for i in ids if primary[i] == module.id
        ]
        also = [f"- {_short_link(catalogue.readings[i], names[i])}" for i in ids if primary[i] != module.id]
        if also:
            parts += ["Also for this module (listed under an earlier module):", "", *also, ""]
    return parts


def _by_kind(course: Course) -> list[str]:
    catalogue = load(course)
    names = labels(catalogue)
    parts = ["## Readings by kind { #by-kind }", ""]
    for kind in KINDS:
        of_kind = sorted(
            (r for r in catalogue.readings.values() if r.kind == kind), key=lambda r: names[r.id].casefold()
        )
        if of_kind:
            parts += [f"### {KIND_LABELS[kind][1]} ({len(of_kind)}) {{ #kind-{kind} }}", ""]
            parts += [f"- {_short_link(r, names[r.id])}" for r in of_kind] + [""]
    return parts


def reading_list_page(course: Course, page_uri: str) -> str:
    """The course reading list: every reading once (anchor = its id), grouped
    by module, then an index by kind, progress per module and downloads."""
    catalogue = load(course)
    if not catalogue.readings:
        return "No readings yet."
    belongs = usage.reading_modules(course)
    primary = {rid: (mods[0] if mods else "") for rid, mods in belongs.items()}
    parts = [_downloads(page_uri), "", "## Your progress { #progress }", ""]
    for number, module in enumerate(course.modules, start=1):
        total = sum(module.id in mods for mods in belongs.values())
        if total:
            parts.append(
                f"- [{number}. {md_text(module.title)}]({link(page_uri, module.src_uri)}): {_count(module, total, module.title)}"
            )
    parts += ["", STATUS]
    parts += _by_module(course, page_uri, primary)
    unplaced = [r for r in catalogue.readings.values() if not primary[r.id]]
    if unplaced:
        parts += ["## Not yet in a module { #no-module }", ""]
        parts += [entry(course, r, page_uri, on_list_page=True) for r in unplaced]
    return "\n".join(parts + _by_kind(course))
