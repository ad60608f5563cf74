"""Two editions from one source: what learners get and what facilitators get.

The **learner edition** (the default; the published site and every SCORM
package) carries nothing meant for trainers: no trainer guide, no facilitator
notes, no "edit this page" pencils and no link to the course's source. Search
indexes only what is left, because the parts go before the search plugin reads
a page.

The **facilitator edition** (``COURSE_EDITION=facilitator``, ``make
facilitator``) is the same sources built whole, plus a generated answer key.
It contains the answers, so it is never published unless a course opts in.

What belongs to facilitators, and nothing else:

- every page under ``docs/guide/`` (the trainer guide) or ``docs/facilitator/``
  (session plans, handouts for the room, anything a course adds);
- every admonition of type ``facilitator`` (``??? facilitator "Facilitator notes"``
  or ``!!! facilitator``) on any page.
"""

from __future__ import annotations

import posixpath
import re

from .problems import Problem

LEARNER, FACILITATOR = "learner", "facilitator"
EDITIONS = (LEARNER, FACILITATOR)
FACILITATOR_DIRS = ("guide", "facilitator")
ANSWER_KEY = "facilitator/answer-key.md"
NOTE_HEADER = re.compile(r"^([ \t]*)(?:\?\?\?\+?|!!!)[ \t]+facilitator\b")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def edition_problems(value: object, config_path: str) -> list[Problem]:
    """A mistyped edition must not quietly publish the wrong one."""
    if value in EDITIONS:
        return []
    return [
        Problem(
            config_path,
            _line_of(config_path, "edition:"),
            f"extra.edition is {value!r}, which is not an edition",
            "set COURSE_EDITION (or extra.edition) to learner or facilitator",
        )
    ]


def _line_of(path: str, text: str) -> int:
    try:
        with open(path, encoding="utf-8") as config:
            return next((n for n, line in enumerate(config, start=1) if text in line), 1)
    except OSError:
        return 1


def is_facilitator_page(src_uri: str) -> bool:
    path = posixpath.normpath(src_uri.strip())
    return any(path == folder or path.startswith(folder + "/") for folder in FACILITATOR_DIRS)


def learner_nav(items: list) -> list:
    """The nav without facilitators' pages; a section left empty goes too."""
    kept: list = []
    for item in items:
        if isinstance(item, str):
            if not is_facilitator_page(item):
                kept.append(item)
            continue
        if not isinstance(item, dict):
            kept.append(item)
            continue
        entry = {}
        for title, value in item.items():
            if isinstance(value, list):
                value = learner_nav(value)
                if value:
                    entry[title] = value
            elif not (isinstance(value, str) and is_facilitator_page(value)):
                entry[title] = value
        if entry:
            kept.append(entry)
    return kept


def facilitator_nav(items: list) -> list:
    """The nav with the answer key at the end of the trainer guide's section
    (or of a section of its own when the course has no guide in its nav)."""
    entry = {"Answer key": ANSWER_KEY}
    for index, item in enumerate(items):
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list) and any(isinstance(v, str) and v.startswith("guide/") for v in value):
                    return [*items[:index], {**item, title: [*value, entry]}, *items[index + 1 :]]
    return [*items, {"Facilitators": [entry]}]


def answer_key_page(markdown: str) -> str:
    """The answer key as a page: kept out of search, since its text is every answer."""
    return "---\nsearch:\n  exclude: true\n---\n\n" + markdown


def without_facilitator_notes(markdown: str) -> str:
    """The page's Markdown without its facilitator admonitions: a header line
    ``??? facilitator``/``!!! facilitator`` and every line indented under it
    (the admonition's body, blank lines included). Done on the Markdown, before
    anything renders it, so no citation, glossary term or search entry comes
    from a note; code blocks that show the syntax are left alone."""
    if "facilitator" not in markdown:
        return markdown  # no note header: most pages
    kept: list[str] = []
    fence = ""
    note_indent: int | None = None
    for line in markdown.split("\n"):
        if note_indent is not None:  # a line's indent matters only under a note's header
            if not line.strip():
                continue
            spaced = line.expandtabs(4)
            if len(spaced) - len(spaced.lstrip()) > note_indent:
                continue
            note_indent = None
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
        elif opened := FENCE.match(line):
            fence = opened.group(1)
        elif header := NOTE_HEADER.match(line):
            note_indent = len(header.group(1).expandtabs(4))
            continue
        kept.append(line)
    return "\n".join(kept)


def left_out_of_learner_edition(link: str) -> tuple[str, str]:
    """The link check's message for a learner page's link to a facilitators' page."""
    return (
        f"{link} leads to a facilitators' page, which the learner edition (the published site, every SCORM package) leaves out",
        "remove the link from this learner page, or give the facilitator edition's address (https://...)",
    )


def apply_to_config(config, *, packaging: bool) -> list[Problem]:
    """Settle this build's edition (a SCORM package is always the learner
    edition) into ``extra.edition``, where pages and templates read it, and
    take out of the configuration what the learner edition does not show."""
    extra = config.extra
    edition = LEARNER if packaging else extra.get("edition", LEARNER)
    problems = edition_problems(edition, config.config_file_path)
    edition = edition if edition in EDITIONS else LEARNER
    extra["edition"] = edition
    if config["nav"] is not None:
        config["nav"] = learner_nav(config["nav"]) if edition == LEARNER else facilitator_nav(config["nav"])
    if edition == LEARNER:
        # No "edit this page" pencil and no link to the repository: learners do not edit the course.
        for key in ("repo_url", "repo_name", "edit_uri"):
            config[key] = None
    return problems


def is_learner_build(config) -> bool:
    return config.extra.get("edition") != FACILITATOR


def apply_to_files(files, config, answer_key_markdown) -> None:
    """Drop facilitators' pages from a learner build; add the answer key to a
    facilitator build (``answer_key_markdown()`` makes it only then)."""
    from mkdocs.structure.files import File

    if is_learner_build(config):
        for file in [f for f in files if f.is_documentation_page() and is_facilitator_page(f.src_uri)]:
            files.remove(file)
    else:
        files.append(File.generated(config, ANSWER_KEY, content=answer_key_page(answer_key_markdown())))
