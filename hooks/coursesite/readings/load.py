"""Read ``docs/_data/readings.yml`` with line numbers and validate every entry.

All problems are collected (never raised), each at the line of the field it
concerns. The result is cached in ``course.derived.readings`` so the build
hook, the macros and the check command parse the file once.
"""

from __future__ import annotations

from typing import Any

from ..course_loader import Course
from ..modules import SLUG, too_long
from ..problems import Problem, did_you_mean
from ..source import decode_source
from ..validate import check_fields
from ..yamlsrc import item_line, key_line, load_yaml
from .fields import VALIDATORS
from .model import FIELDS, KIND_NEEDS, READINGS_FILE, REQUIRED, Author, Catalogue, Reading

REQUIRED_HINTS = {
    "kind": "add kind: book, paper, article, chapter, report, video, podcast or web",
    "title": "add title: the title as printed",
    "authors": 'add authors: ["Family, Given"] (an organisation without a comma)',
    "year": "add year: the year of publication",
    "effort": "add effort: e.g. 30 minutes or 250 pages",
    "level": "add level: foundation, practitioner or advanced",
    "note": "add note: one to three sentences on why to read it and for whom",
}
NEED_HINTS = {
    "publisher": "add publisher: the publisher's name",
    "journal": "add journal: the journal or magazine it appeared in",
    "url": "add url: an https:// address where it can be read",
}


def _alternatives(names: tuple[str, ...], joiner: str) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {joiner} {quoted[-1]}"


def _kind_problems(reading: Reading, present: set[str], path: str) -> list[Problem]:
    problems = []
    for group in KIND_NEEDS.get(reading.kind, ()):
        if present.isdisjoint(group):
            if len(group) == 1:
                message, hint = f"has no '{group[0]}'", NEED_HINTS[group[0]]
            else:
                message = f"has {'neither' if len(group) == 2 else 'none of'} {_alternatives(group, 'nor' if len(group) == 2 else 'or')}"
                hint = "add " + _alternatives(group, "or") + " so that learners can find it"
            problems.append(
                Problem(path, reading.line, f"reading '{reading.id}' is a {reading.kind} and {message}", hint)
            )
    return problems


def _module_problems(
    reading: Reading, entry: Any, module_ids: list[str], path: str, unloaded: tuple[str, ...]
) -> list[Problem]:
    """``unloaded``: module pages whose errors kept their id out of ``module_ids``."""
    problems = []
    for index, module_id in enumerate(reading.modules):
        if module_id not in module_ids:
            line = item_line(entry["modules"], index, 1)
            hint = did_you_mean(module_id, module_ids, "use the id: of a module listed in nav")
            problems.append(
                Problem(
                    path,
                    line,
                    f"modules names '{module_id}', which is not the id of any module",
                    hint,
                    follows_from=unloaded,
                )
            )
    return problems


def _unknown_field(name: str) -> tuple[str, str]:
    return f"unknown field '{name}'", did_you_mean(name, FIELDS, "known fields: " + ", ".join(FIELDS))


def parse_entry(
    reading_id: str, entry: Any, line: int, path: str, module_ids: list[str], unloaded: tuple[str, ...] = ()
) -> tuple[Reading, list[Problem]]:
    """Validate one entry; the reading keeps every field that passed."""
    reading = Reading(id=reading_id, line=line)
    if not hasattr(entry, "items"):
        return reading, [
            Problem(
                path,
                line,
                f"reading '{reading_id}' must be a mapping of fields",
                "indent kind:, title:, authors: ... under the id",
            )
        ]
    present = {str(name) for name in entry}  # an invalid value is reported once, as invalid
    checked = check_fields(
        ((name, value, key_line(entry, name, 1)) for name, value in entry.items()), VALIDATORS, path, _unknown_field
    )
    reading.lines.update(checked.lines)
    for name, clean in checked.values.items():
        setattr(reading, name, [Author.parse(a) for a in clean] if name == "authors" else clean)
    problems = checked.problems
    for name in REQUIRED:
        if name not in entry:
            problems.append(Problem(path, line, f"reading '{reading_id}' has no '{name}'", REQUIRED_HINTS[name]))
    problems += _kind_problems(reading, present, path)
    problems += _module_problems(reading, entry, module_ids, path, unloaded)
    return reading, problems


def parse_catalogue(text: str, path: str, module_ids: list[str], unloaded: tuple[str, ...] = ()) -> Catalogue:
    catalogue = Catalogue(path)
    data, catalogue.problems = load_yaml(text, path)
    if data is None:
        return catalogue
    if not hasattr(data, "items"):
        catalogue.problems.append(
            Problem(
                path,
                1,
                "readings.yml must be a mapping of reading ids to entries",
                "start each entry with its id, e.g. pink-2009:",
            )
        )
        return catalogue
    for reading_id, entry in data.items():
        line = key_line(data, reading_id, 1)
        if not isinstance(reading_id, str) or not SLUG.match(reading_id):
            catalogue.problems.append(
                Problem(
                    path,
                    line,
                    f"reading id '{reading_id}' is not a slug",
                    "use lower-case words, digits and hyphens, e.g. pink-2009",
                )
            )
            continue
        if error := too_long(reading_id):
            catalogue.problems.append(Problem(path, line, f"reading id {error}", "shorten it, e.g. pink-2009"))
            continue
        reading, problems = parse_entry(reading_id, entry, line, path, module_ids, unloaded)
        catalogue.readings[reading_id] = reading
        catalogue.problems += problems
        if problems:
            catalogue.faulty.add(reading_id)
    return catalogue


def load(course: Course) -> Catalogue:
    """The course's readings (cached); a missing file is an empty catalogue."""
    if course.derived.readings is not None:
        return course.derived.readings
    path = course.site.report_path(READINGS_FILE)
    file = course.site.docs_dir / READINGS_FILE
    catalogue = Catalogue(path)
    if file.is_file():
        text, problems = decode_source(file.read_bytes(), path)
        module_ids = [m.id for m in course.modules]
        catalogue = (
            parse_catalogue(text, path, module_ids, course.unloaded_modules())
            if text is not None
            else Catalogue(path, problems=problems)
        )
    course.derived.readings = catalogue
    return catalogue
