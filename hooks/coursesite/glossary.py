"""Site-wide glossary: each module contributes terms in
``docs/_data/glossary/<module-id>.yml``; every term is defined once.

Terms become abbreviations on every page (the ``abbr`` extension shows the
meaning as a tooltip) and are listed on the glossary page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from . import inline
from .course_loader import DATA_DIR, Course
from .problems import Problem
from .source import decode_source
from .validate import check_fields, text
from .yamlsrc import item_line, key_line, load_yaml

GLOSSARY_DIR = f"{DATA_DIR}/glossary"
KEYS = ("term", "definition")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    module_id: str
    path: str
    line: int


def _needs(key: str) -> tuple[str, str]:
    return f"glossary entry needs '{key}' as non-empty text", f"add {key}: ..."


def _unknown_key(key: str) -> tuple[str, str]:
    return f"unknown key '{key}' in glossary entry", "use only term and definition"


def _text_field(key: str):
    message, hint = _needs(key)
    return text(lambda _value: message, hint)


VALIDATORS = {key: _text_field(key) for key in KEYS}


def _entry(item, path: str, line: int, module_id: str) -> tuple[Term | None, list[Problem]]:
    if not hasattr(item, "get"):
        return None, [
            Problem(
                path,
                line,
                "glossary entry must have term: and definition:",
                "write - term: GROW then definition: ... on the next line",
            )
        ]
    checked = check_fields(((key, item[key], key_line(item, key, 1)) for key in item), VALIDATORS, path, _unknown_key)
    problems, values = checked.problems, checked.values
    for key in KEYS:
        if key in values:
            problems += inline.problems(item[key], path, checked.lines[key], f"glossary {key}")
        elif key not in item:
            problems.append(Problem(path, line, *_needs(key)))
    if len(values) < len(KEYS):
        return None, problems
    return Term(values["term"], values["definition"], module_id, path, line), problems


def _load_file(course: Course, file) -> tuple[list[Term], list[Problem]]:
    src_uri = file.relative_to(course.site.docs_dir).as_posix()
    path = course.site.report_path(src_uri)
    module_id = file.stem
    text, problems = decode_source(file.read_bytes(), path)
    data, yaml_problems = load_yaml(text, path) if text is not None else (None, [])
    problems += yaml_problems
    if data is None:
        return [], problems
    if course.module(module_id) is None:
        problems.append(
            Problem(
                path,
                1,
                f"glossary file is named '{module_id}', which is not a module id",
                "name the file after the module that introduces the terms",
                follows_from=course.unloaded_modules(),
            )
        )
    if not isinstance(data, list):
        return [], [
            *problems,
            Problem(path, 1, "glossary file must be a list of terms", "start each entry with - term:"),
        ]
    terms = []
    for index, item in enumerate(data):
        term, entry_problems = _entry(item, path, item_line(data, index, 1), module_id)
        problems += entry_problems
        if term:
            terms.append(term)
    return terms, problems


def load(course: Course) -> tuple[list[Term], list[Problem]]:
    """All terms, in module order then file order, and every problem found."""
    if course.derived.glossary is not None:
        return course.derived.glossary
    folder = course.site.docs_dir / GLOSSARY_DIR
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    order = {m.id: i for i, m in enumerate(course.modules)}
    files.sort(key=lambda f: (order.get(f.stem, len(order)), f.name))
    terms: list[Term] = []
    problems: list[Problem] = []
    seen: dict[str, Term] = {}
    for file in files:
        file_terms, file_problems = _load_file(course, file)
        problems += file_problems
        for term in file_terms:
            key = term.term.casefold()
            if key in seen:
                first = seen[key]
                problems.append(
                    Problem(
                        term.path,
                        term.line,
                        f"term '{term.term}' is already defined in {first.path}:{first.line}",
                        "define each term once; delete this entry",
                    )
                )
            else:
                seen[key] = term
                terms.append(term)
    course.derived.glossary = (terms, problems)
    return terms, problems


def check(course: Course) -> list[Problem]:
    return load(course)[1]


def abbreviations(course: Course) -> dict[str, str]:
    """Every term and its definition, for the ``abbr`` extension's glossary.

    Handed to the extension once per build: appending ``*[term]: ...`` lines to
    every page instead made Markdown re-scan the whole list for each page and
    more than doubled the time to convert a module page.
    """
    terms, _ = load(course)
    # Python-Markdown writes entities in attributes as they are: escaped once here, the
    # title holds the definition as typed, and the tooltip (glossary/tip.js) shows it as text.
    return {t.term: html.escape(t.definition, quote=False) for t in terms}


def glossary_page(course: Course) -> str:
    """A definition list of every term, naming the module that introduces it."""
    terms, _ = load(course)
    if not terms:
        return "No terms yet."
    lines = []
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        module = course.module(term.module_id)
        source = f" *(module: {inline.to_markdown(module.title, links=False)})*" if module else ""
        lines += [inline.to_markdown(term.term), f":   {inline.to_markdown(term.definition)}{source}", ""]
    return "\n".join(lines)
