"""What a reading is (docs/guide/readings.md) and what each kind requires.

The tables here are the contract with trainers: the loader validates against
them and the trainer guide documents them, so a new kind or field is added
in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

READINGS_FILE = "_data/readings.yml"  # relative to docs_dir; excluded from the site

KINDS = ("book", "paper", "article", "chapter", "report", "video", "podcast", "web")
KIND_LABELS = {
    "book": ("Book", "Books"),
    "paper": ("Paper", "Papers"),
    "article": ("Article", "Articles"),
    "chapter": ("Chapter", "Chapters"),
    "report": ("Report", "Reports"),
    "video": ("Video", "Videos"),
    "podcast": ("Podcast", "Podcasts"),
    "web": ("Web page", "Web pages"),
}

FIELDS = (
    "kind",
    "title",
    "authors",
    "year",
    "publisher",
    "journal",
    "volume",
    "issue",
    "pages",
    "isbn",
    "doi",
    "url",
    "effort",
    "level",
    "note",
    "modules",
)
REQUIRED = ("kind", "title", "authors", "year", "effort", "level", "note")

# kind -> groups of fields; each group needs at least one of its fields.
KIND_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "book": (("publisher",), ("isbn", "url")),
    "paper": (("journal",), ("doi", "url")),
    "article": (("journal",),),
    "chapter": (("publisher",), ("isbn", "doi", "url")),
    "report": (("publisher",), ("isbn", "doi", "url")),
    "video": (("url",),),
    "podcast": (("url",),),
    "web": (("url",),),
}


@dataclass(frozen=True)
class Author:
    """A person ("Family, Given[, Suffix]") or an organisation (no comma)."""

    family: str = ""
    given: str = ""
    suffix: str = ""
    organisation: str = ""

    @classmethod
    def parse(cls, text: str) -> Author:
        parts = [part.strip() for part in text.split(",")]
        if len(parts) == 1:
            return cls(organisation=parts[0])
        return cls(family=parts[0], given=parts[1], suffix=", ".join(parts[2:]))

    @property
    def sort_name(self) -> str:
        return self.organisation or self.family

    @property
    def written(self) -> str:
        """The name as the trainer wrote it."""
        if self.organisation:
            return self.organisation
        return ", ".join(part for part in (self.family, self.given, self.suffix) if part)


@dataclass
class Reading:
    """One validated entry; a field that failed validation is left empty so
    that a build in collect mode can still render the rest."""

    id: str
    line: int  # line of the id in readings.yml
    kind: str = ""
    title: str = ""
    authors: list[Author] = field(default_factory=list)
    year: int = 0
    publisher: str = ""
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    isbn: str = ""  # compact ISBN-13 digits
    doi: str = ""
    url: str = ""
    effort: str = ""
    level: str = ""
    note: str = ""
    modules: list[str] = field(default_factory=list)  # module ids named in readings.yml
    lines: dict[str, int] = field(default_factory=dict)  # field -> line

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


@dataclass
class Catalogue:
    """Everything readings.yml holds, in file order, with its problems."""

    path: str  # as reported, e.g. docs/_data/readings.yml
    readings: dict[str, Reading] = field(default_factory=dict)
    problems: list = field(default_factory=list)
    faulty: set[str] = field(default_factory=set)  # ids of entries with a problem
    labels: dict[str, str] | None = None  # citation texts, computed once (see cite.labels)

    def get(self, reading_id: str) -> Reading | None:
        return self.readings.get(reading_id)
