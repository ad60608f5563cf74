"""One synthetic module page in the real authoring syntax (docs/guide: front matter, quizzes, readings).

The featured page and its plain twin share every sentence: only the quiz
blocks (plain lists instead) and the citations (plain text instead of
``cite()``) differ, so a build-time comparison measures our features alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from prose import Prose

LEVELS = ("foundation", "practitioner", "advanced")
SECTIONS = (
    "Why {t} matters",
    "What the evidence says about {t}",
    "A first conversation about {t}",
    "Common mistakes with {t}",
    "Making {t} stick",
)


@dataclass
class ModuleSpec:
    number: int
    topic: str
    total: int
    readings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"m{self.number:04d}-{self.topic}"

    @property
    def filename(self) -> str:
        return f"{self.number:04d}-{self.topic}.md"

    @property
    def title(self) -> str:
        return f"{self.topic.capitalize().replace('-', ' ')} in practice, part {self.number}"

    @property
    def description(self) -> str:
        return (
            f"How a new sales manager handles {self.topic.replace('-', ' ')} with a real team (module {self.number})."
        )

    def heading(self, index: int) -> str:
        return SECTIONS[index].format(t=self.topic)

    def anchor(self, index: int) -> str:
        return self.heading(index).lower().replace(" ", "-")


def _front_matter(spec: ModuleSpec, prose: Prose, prerequisites: list[str]) -> str:
    meta = {
        "title": spec.title,
        "description": spec.description,
        "module": {
            "id": spec.id,
            "duration": 30 + spec.number % 30,
            "level": LEVELS[spec.number % 3],
            "objectives": [prose.objective() for _ in range(4)],
            "key_points": [prose.sentence() for _ in range(3)],
            "prerequisites": prerequisites,
            "readings": spec.readings,
            "pass_mark": 80,
        },
    }
    lines = ["---"]
    for key in ("title", "description"):
        lines.append(f"{key}: {json.dumps(meta[key])}")
    lines.append("module:")
    for key, value in meta["module"].items():
        if isinstance(value, list):
            lines.append(f"  {key}: {json.dumps(value)}")
        else:
            lines.append(f"  {key}: {value}")
    return "\n".join([*lines, "---", ""])


class _Writer:
    def __init__(self, spec: ModuleSpec, specs: list[ModuleSpec], labels: dict[str, str], terms: list[str], cite: bool):
        self.spec, self.specs, self.labels, self.terms, self.use_cite = spec, specs, labels, terms, cite
        self.prose = Prose(spec.number)

    def cite(self, *ids: str) -> str:
        ids = [i for i in ids if i in self.labels]
        if not ids:
            return ""
        if self.use_cite:
            return "{{ cite(" + ", ".join(json.dumps(i) for i in ids) + ") }}"
        return "(" + "; ".join(self.labels[i] for i in ids) + ")"

    def link(self, number: int, section: int | None = None) -> str:
        other = self.specs[number - 1]
        target = other.filename + (f"#{other.anchor(section)}" if section is not None else "")
        text = other.heading(section).lower() if section is not None else other.title
        return f"[{text}]({target})"

    def term(self) -> str:
        return f" This is where {self.prose.pick(self.terms)} comes in." if self.terms else ""

    def links_paragraph(self, syllabus: bool) -> str:
        n, total = self.spec.number, self.spec.total
        parts = []
        if n > 1:
            parts.append(f"This builds on {self.link(n - 1)}.")
        if n < total:
            parts.append(f"For the pitfalls, see {self.link(n + 1, 3)} in the next module.")
        far = (n * 7) % total + 1
        if far != n:
            parts.append(f"Compare {self.link(far, 1)}.")
        parts.append(f"Within this page, jump to [{self.spec.heading(4).lower()}](#{self.spec.anchor(4)}).")
        if syllabus:
            parts.append("The [syllabus](../syllabus.md) shows where this fits.")
        return " ".join(parts)


def _table(prose: Prose) -> str:
    rows = ["| Situation | What to try | What to avoid |", "| --- | --- | --- |"]
    rows += [f"| {prose.phrase(5)} | {prose.phrase(6)} | {prose.phrase(4)} |" for _ in range(5)]
    return "\n".join(rows)


def _admonition(kind: str, title: str, body: str, collapsed: bool = False) -> str:
    marker = "???" if collapsed else "!!!"
    indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
    return f'{marker} {kind} "{title}"\n\n{indented}'


def _choices(prose: Prose, count: int) -> list[str]:
    seen: list[str] = []
    while len(seen) < count:
        text = prose.phrase(7)
        if text.casefold() not in (s.casefold() for s in seen):
            seen.append(text)
    return seen


def _quiz(writer: _Writer, number: int, kind: str, objective: int, plain: bool) -> str:
    prose = writer.prose
    if kind == "truefalse":
        choices, correct = ["True", "False"], {number % 2}
    else:
        choices = _choices(prose, 4 if kind == "multiple" else 3)
        correct = {0, 2} if kind == "multiple" else {number % 3}
    question = f"{prose.phrase(9)}: what would you do?"
    reading = writer.spec.readings[number % len(writer.spec.readings)] if writer.spec.readings else ""
    explanation = f"{prose.sentence()} {writer.cite(reading)}".rstrip()
    items = []
    for index, choice in enumerate(choices):
        mark = "" if plain else ("[x] " if index in correct else "[ ] ")
        items.append(f"- {mark}{choice}\n    > {prose.sentence()}")
    hint = prose.sentence() if number == 1 else ""  # drawn for both twins: they share every sentence
    if plain:
        return (
            f"**{question}**\n\n" + "\n".join(items) + f"\n\n{explanation}\n" + (f"\n*Hint:* {hint}\n" if hint else "")
        )
    options = [f"    id: {writer.spec.id}-q{number}", f"    objective: {objective}"]
    options += ["    multiple: true"] if kind == "multiple" else []
    options += [f"    hint: {hint}"] if hint else []
    return f"/// quiz | {question}\n" + "\n".join(options) + "\n\n" + "\n".join(items) + f"\n\n{explanation}\n///\n"


QUIZ_KINDS = (("single", 1), ("multiple", 2), ("single", 3), ("truefalse", 4), ("single", 1))


def _section(writer: _Writer, index: int, syllabus: bool) -> list[str]:
    spec, prose, readings = writer.spec, writer.prose, writer.spec.readings or [""]
    parts = [
        f"## {spec.heading(index)}",
        prose.paragraph(5, writer.cite(readings[index % len(readings)])),
        prose.paragraph(4),
    ]
    if index == 0:
        parts.insert(1, prose.paragraph(3, writer.term()))
    if index == 1:
        parts += [writer.links_paragraph(syllabus), prose.paragraph(4, writer.cite(*readings[:2]))]
    if index == 2:
        parts += [_table(prose), _admonition("example", f"Practice: {prose.phrase(4)}", prose.paragraph(4))]
    if index == 3:
        parts.append(_admonition("question", "Reflect", "\n".join(f"- {prose.sentence()}" for _ in range(3))))
    return parts


def module_markdown(spec, specs, labels, terms, *, plain: bool, cite: bool, anchors_page: bool) -> tuple[str, dict]:
    """The page's Markdown and a count of its words and quizzes."""
    writer = _Writer(spec, specs, labels, terms, cite)
    prose = writer.prose
    prerequisites = [specs[spec.number - 2].id] if spec.number > 1 else []
    parts = [
        _front_matter(spec, prose, prerequisites),
        prose.paragraph(4),
        _admonition("abstract", f"Scenario: {prose.phrase(4)}", prose.paragraph(5)),
    ]
    for index in range(len(SECTIONS)):
        parts += _section(writer, index, anchors_page)
    parts.append("## Check your understanding")
    parts += [_quiz(writer, n, kind, objective, plain) for n, (kind, objective) in enumerate(QUIZ_KINDS, start=1)]
    notes = "**Session plan (60 minutes)**\n\n" + _table(prose) + "\n\n**Discussion questions**\n\n"
    notes += "\n".join(f"{k}. {prose.sentence()}" for k in range(1, 4))
    parts.append(_admonition("facilitator", "Facilitator notes", notes, collapsed=True))
    text = "\n\n".join(parts) + "\n"
    return text, {"words": len(text.split()), "quizzes": len(QUIZ_KINDS)}
