"""Where readings are used: module front matter (``readings:``), ``cite()``
calls in page prose, and the page that shows the course reading list.

``cite()`` calls are found in each page's raw source so that a missing key
is reported at its exact line, by the build and by ``course check
--no-build`` (which runs no macros) alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..course_loader import Course
from ..modules import Module
from ..problems import WARNING, Problem, did_you_mean
from ..source import SourceFile
from ..yamlsrc import item_line
from .load import load

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
CITE_CALL = re.compile(r"\bcite\s*\(([^()]*)\)")
STRING = re.compile(r"""(["'])(.*?)\1""")
LIST_CALL = re.compile(r"\{\{-?\s*reading_list\s*\(\s*\)\s*-?\}\}")
DEFAULT_LIST_PAGE = "readings.md"


@dataclass(frozen=True)
class Citation:
    src_uri: str
    line: int
    key: str  # "" when the call names no reading


def renders_macros(source: SourceFile) -> bool:
    """Pages with ``render_macros: false`` (the trainer guide) show macros as text."""
    meta = source.meta
    return not (hasattr(meta, "get") and meta.get("render_macros") is False)


def page_citations(source: SourceFile, src_uri: str) -> list[Citation]:
    found = []
    for expression in EXPRESSION.finditer(source.text):
        for call in CITE_CALL.finditer(expression.group(1)):
            start = expression.start(1) + call.start(1)
            keys = list(STRING.finditer(call.group(1)))
            if not call.group(1).strip():  # cite(): a variable argument is left to the macro
                found.append(Citation(src_uri, source.text.count("\n", 0, start) + 1, ""))
            for key in keys:
                offset = start + key.start(2)
                found.append(Citation(src_uri, source.text.count("\n", 0, offset) + 1, key.group(2)))
    return found


def citations(course: Course) -> list[Citation]:
    """Every cite() call of every page that renders macros (cached)."""
    if course.derived.citations is None:
        course.derived.citations = [
            citation
            for src_uri, source in course.pages.items()
            if renders_macros(source)
            for citation in page_citations(source, src_uri)
        ]
    return course.derived.citations


def list_page(course: Course) -> str | None:
    """The page that calls ``reading_list()``: citations link there.

    Cached: every cite() call asks, and scanning all pages each time made the
    build grow with the square of the course size."""
    if course.derived.reading_list_page is None:
        course.derived.reading_list_page = next(
            (
                src_uri
                for src_uri, source in course.pages.items()
                if renders_macros(source) and LIST_CALL.search(source.text)
            ),
            "",
        )
    return course.derived.reading_list_page or None


def _named_by_readings(course: Course) -> dict[str, list[str]]:
    """Module id -> the readings whose ``modules:`` name it, in readings.yml order (cached)."""
    if course.derived.readings_naming_modules is None:
        naming: dict[str, list[str]] = {}
        for reading in load(course).readings.values():
            for module_id in dict.fromkeys(reading.modules):
                naming.setdefault(module_id, []).append(reading.id)
        course.derived.readings_naming_modules = naming
    return course.derived.readings_naming_modules


def module_readings(course: Course, module: Module) -> list[str]:
    """A module's readings: its front matter's in order, then those whose
    ``modules:`` name it, in readings.yml order. Unknown ids are skipped.

    Every module page asks several times; scanning each reading's module list
    each time made a 2,000-module build grow with the square of its size."""
    catalogue = load(course)
    ids = [r for r in module.readings if r in catalogue.readings]
    ids += _named_by_readings(course).get(module.id, [])
    return list(dict.fromkeys(ids))


def reading_modules(course: Course) -> dict[str, list[str]]:
    """Reading id -> ids of the modules it belongs to, in course order (cached)."""
    if course.derived.reading_modules is None:
        belongs: dict[str, list[str]] = {reading_id: [] for reading_id in load(course).readings}
        for module in course.modules:
            for reading_id in module_readings(course, module):
                belongs[reading_id].append(module.id)
        course.derived.reading_modules = belongs
    return course.derived.reading_modules


def citing_pages(course: Course) -> dict[str, list[str]]:
    """Reading id -> pages that cite it, modules first in course order (cached:
    the reading-list page asks once per reading)."""
    if course.derived.citing_pages is None:
        order = {m.src_uri: i for i, m in enumerate(course.modules)}
        pages: dict[str, list[str]] = {}
        for citation in sorted(citations(course), key=lambda c: (order.get(c.src_uri, len(order)), c.src_uri)):
            pages.setdefault(citation.key, [])
            if citation.src_uri not in pages[citation.key]:
                pages[citation.key].append(citation.src_uri)
        course.derived.citing_pages = pages
    return course.derived.citing_pages


def _missing_hint(key: str, known: list[str], path: str) -> str:
    return did_you_mean(key, known, f"add an entry with this id to {path}, or correct the id")


def citation_problem(course: Course, citation: Citation) -> Problem | None:
    """The problem of one cite() call, if any."""
    catalogue = load(course)
    path = course.site.report_path(citation.src_uri)
    if not citation.key:
        return Problem(path, citation.line, "cite() names no reading", 'write e.g. {{ cite("pink-2009") }}')
    if citation.key not in catalogue.readings:
        hint = _missing_hint(citation.key, list(catalogue.readings), catalogue.path)
        return Problem(path, citation.line, f"cite() names '{citation.key}', which is not in {catalogue.path}", hint)
    return None


def citation_problems(course: Course, src_uri: str | None = None) -> list[Problem]:
    """cite() calls naming no reading or a reading that does not exist."""
    found = (citation_problem(course, c) for c in citations(course) if src_uri is None or c.src_uri == src_uri)
    return [problem for problem in found if problem]


def front_matter_problems(course: Course) -> list[Problem]:
    catalogue = load(course)
    problems = []
    for module in course.modules:
        source = course.pages[module.src_uri]
        listed = source.meta["module"].get("readings")
        for index, reading_id in enumerate(module.readings):
            if reading_id not in catalogue.readings:
                line = item_line(listed, index, source.meta_first_line)
                problems.append(
                    Problem(
                        module.path,
                        line,
                        f"reading '{reading_id}' is not in {catalogue.path}",
                        _missing_hint(reading_id, list(catalogue.readings), catalogue.path),
                    )
                )
    return problems


def unused_problems(course: Course) -> list[Problem]:
    catalogue = load(course)
    belongs, cited, unloaded = reading_modules(course), citing_pages(course), course.unloaded_modules()
    return [
        Problem(
            catalogue.path,
            reading.line,
            f"reading '{reading.id}' is not used by any module or citation",
            "list it in a module's readings:, name a module in its modules:, cite it, or delete it",
            WARNING,
            follows_from=unloaded,
        )
        for reading in catalogue.readings.values()
        # An entry with errors is not also called unused: fix the errors first.
        if not belongs[reading.id]
        and not cited.get(reading.id)
        and not reading.modules
        and reading.id not in catalogue.faulty
    ]


def list_page_problems(course: Course) -> list[Problem]:
    """Citations link to the reading-list page: it must exist when prose cites."""
    cited = [c for c in citations(course) if c.key in load(course).readings]
    if not cited or list_page(course):
        return []
    first = cited[0]
    hint = "create docs/readings.md containing {{ reading_list() }} and add it to nav"
    return [
        Problem(
            course.site.report_path(first.src_uri),
            first.line,
            "cite() links to the course reading list, but no page shows it",
            hint,
        )
    ]


def check(course: Course) -> list[Problem]:
    """Every reading problem that needs only the sources."""
    return (
        load(course).problems
        + citation_problems(course)
        + front_matter_problems(course)
        + unused_problems(course)
        + list_page_problems(course)
    )
