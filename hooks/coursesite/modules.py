"""Module metadata: the ``module:`` key of a module page's front matter.

Every key is validated so that a typo is an error, never silently ignored
(docs/guide/front-matter.md). Cross-module rules (unique ids, prerequisites) live in
``course.py`` because they need the whole course.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import inline
from .problems import Problem, did_you_mean
from .source import SourceFile
from .validate import Validator, check_fields, is_int
from .yamlsrc import item_line, key_line

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The longest module, quiz or reading id: the learner's progress record in the
# browser refuses longer ones (docs/assets/lms/store.js MAX_ID_LENGTH, the same number).
MAX_ID_LENGTH = 100
LEVEL_LABELS = {"foundation": "Foundation", "practitioner": "Practitioner", "advanced": "Advanced"}
LEVELS = tuple(LEVEL_LABELS)
# Verbs that describe a state of mind, not something a learner can be checked on.
UNCHECKABLE_VERBS = {
    "understand",
    "know",
    "learn",
    "appreciate",
    "grasp",
    "realise",
    "realize",
    "believe",
    "see",
    "feel",
}


@dataclass
class Module:
    id: str
    path: str  # "docs/modules/01-x.md"
    src_uri: str  # "modules/01-x.md", relative to docs_dir
    title: str
    description: str
    duration: int
    level: str
    objectives: list[str]
    key_points: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    pass_mark: int = 80
    lines: dict[str, int] = field(default_factory=dict)  # key -> file line, for later messages
    lessons: list = field(default_factory=list)  # a folder module's lesson pages (coursesite/lessons.py)

    @property
    def page_uris(self) -> list[str]:
        """The module's pages: its own, then its lessons'."""
        return [self.src_uri] + [lesson.src_uri for lesson in self.lessons]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.lines.get("module", 1))


Check = Callable[[Any], str | None]  # returns an error message or None


def _positive_int(value: Any) -> str | None:
    if not is_int(value) or value <= 0:
        return f"must be a whole number of minutes greater than 0, not {value!r}"
    return None


def _level(value: Any) -> str | None:
    if value not in LEVELS:
        return f"must be one of {', '.join(LEVELS)}, not {value!r}"
    return None


def _slug(value: Any) -> str | None:
    if not isinstance(value, str) or not SLUG.match(value):
        return f"must be a slug (lower-case letters, digits and single hyphens), not {value!r}"
    return too_long(value)


def too_long(value: str) -> str | None:
    """What is wrong with an id longer than the browser's progress record keeps."""
    if len(value) > MAX_ID_LENGTH:
        return f"is {len(value)} characters long; an id has at most {MAX_ID_LENGTH} (learners' progress is stored under it)"
    return None


def _percent(value: Any) -> str | None:
    if not is_int(value) or not 0 <= value <= 100:
        return f"must be a whole percentage from 0 to 100, not {value!r}"
    return None


def _text_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list (one '- ' item per line), not {type(value).__name__}"
    if any(not isinstance(item, str) or not item.strip() for item in value):
        return "every item must be non-empty text"
    return None


def _slug_list(value: Any) -> str | None:
    if not isinstance(value, list):
        return f"must be a list of ids such as [mentoring], not {type(value).__name__}"
    bad = [item for item in value if _slug(item)]
    return f"has entries that are not ids: {', '.join(map(repr, bad))}" if bad else None


# key -> (required, check, hint)
FIELDS: dict[str, tuple[bool, Check, str]] = {
    "id": (True, _slug, "use lower-case words joined by hyphens, e.g. id: mentoring"),
    "duration": (True, _positive_int, "give whole minutes, e.g. duration: 40"),
    "level": (True, _level, "use foundation, practitioner or advanced"),
    "objectives": (True, _text_list, "list 3-5 objectives, each starting with a verb"),
    "key_points": (False, _text_list, "list the module's key points, one per line"),
    "prerequisites": (False, _slug_list, "list module ids, e.g. prerequisites: [manager-or-leader]"),
    "readings": (False, _slug_list, "list reading ids from docs/_data/readings.yml"),
    "pass_mark": (False, _percent, "give a percentage, e.g. pass_mark: 80"),
}


def _said_of(key: str, check: Check, hint: str) -> Validator:
    """The validator of ``key``: ``check`` says what is wrong ("must be ..."), said of the key."""

    def validate(value: Any):
        error = check(value)
        return (None, (f"'{key}' {error}", hint)) if error else (value, None)

    return validate


VALIDATORS = {key: _said_of(key, check, hint) for key, (_required, check, hint) in FIELDS.items()}


def _unknown_key(key: str) -> tuple[str, str]:
    return f"unknown key '{key}' in module", did_you_mean(key, FIELDS, f"known keys: {', '.join(FIELDS)}")


def _objective_problems(block: Any, first: int, path: str) -> list[Problem]:
    objectives, line = block["objectives"], key_line(block, "objectives", first)
    problems = []
    if not objectives:
        return [Problem(path, line, "objectives are empty", "list 3-5 things a learner will be able to do")]
    if not 3 <= len(objectives) <= 5:
        problems.append(
            Problem(
                path,
                line,
                f"has {len(objectives)} objectives; a module needs 3 to 5",
                "merge or split objectives so there are 3 to 5",
            )
        )
    for index, objective in enumerate(objectives):
        verb = objective.split()[0].strip(",.:").lower()
        if verb in UNCHECKABLE_VERBS:
            problems.append(
                Problem(
                    path,
                    item_line(objectives, index, first),
                    f"objective starts with '{verb}', which a learner cannot be checked on",
                    "start with an observable verb such as explain, choose, plan, apply or distinguish",
                )
            )
    return problems


def _text_problems(source: SourceFile, block: Any, values: dict[str, Any]) -> list[Problem]:
    """Description, objectives and key points keep to the inline subset of
    coursesite/inline.py (the title is checked with every page's title, in course.py)."""
    meta, path, first = source.meta, source.path, source.meta_first_line
    description = meta.get("description")
    problems = (
        inline.problems(description, path, key_line(meta, "description", first), "description")
        if isinstance(description, str)
        else []
    )
    for key, label in (("objectives", "objective"), ("key_points", "key point")):
        for index, text in enumerate(values.get(key, [])):
            problems += inline.problems(text, path, item_line(block[key], index, first), label)
    return problems


def _page_text(meta: Any, key: str, source: SourceFile, required: bool) -> tuple[str, list[Problem]]:
    value = meta.get(key) if hasattr(meta, "get") else None
    if isinstance(value, str) and value.strip():
        return value.strip(), []
    if not required and value is None:
        return "", []
    line = key_line(meta, key, source.meta_first_line) if key in meta else source.meta_first_line
    return "", [
        Problem(source.path, line, f"page front matter needs '{key}' as text", f"add a line such as {key}: ...")
    ]


def parse_module(source: SourceFile, src_uri: str) -> tuple[Module | None, list[Problem]]:
    """Validate one module page. Returns the module (None when unusable) and all its problems."""
    path, first = source.path, source.meta_first_line
    if source.meta is None:
        return None, list(source.problems) or [
            Problem(path, 1, "module page has no front matter", "start the file with --- , a module: block and ---")
        ]
    problems = list(source.problems)
    meta = source.meta
    if not hasattr(meta, "get") or "module" not in meta:
        return None, [
            *problems,
            Problem(
                path, first, "front matter has no 'module:' key", "add module: with id, duration, level and objectives"
            ),
        ]
    block = meta["module"]
    if not hasattr(block, "get"):
        return None, [
            *problems,
            Problem(
                path,
                key_line(meta, "module", first),
                "'module:' must be a mapping of keys",
                "indent id:, duration: ... under module:",
            ),
        ]
    title, title_problems = _page_text(meta, "title", source, required=True)
    description, description_problems = _page_text(meta, "description", source, required=True)
    problems += title_problems + description_problems
    checked = check_fields(
        ((key, block[key], key_line(block, key, first)) for key in block), VALIDATORS, path, _unknown_key
    )
    values, lines = checked.values, {"module": key_line(meta, "module", first), **checked.lines}
    problems += checked.problems
    for key, (required, _check, hint) in FIELDS.items():
        if required and key not in block:
            problems.append(Problem(path, lines["module"], f"module is missing required key '{key}'", hint))
    if "objectives" in values:
        problems += _objective_problems(block, first, path)
    problems += _text_problems(source, block, values)
    if any(key not in values for key, (required, *_rest) in FIELDS.items() if required):
        return None, problems
    module = Module(
        id=str(values["id"]),
        path=path,
        src_uri=src_uri,
        title=title,
        description=description,
        duration=int(values["duration"]),
        level=str(values["level"]),
        objectives=[str(o) for o in values["objectives"]],
        key_points=[str(k) for k in values.get("key_points", [])],
        prerequisites=[str(p) for p in values.get("prerequisites", [])],
        readings=[str(r) for r in values.get("readings", [])],
        pass_mark=int(values.get("pass_mark", 80)),
        lines=lines,
    )
    return module, problems
