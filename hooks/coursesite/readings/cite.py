"""Author-year citations: "Pink, 2009", "Deci & Ryan, 2000",
"Kluger et al., 1996", "Gallup, 2025".

Two readings that would read the same (same authors, same year) get "a",
"b"... in title order, as APA does, so every citation points at one entry.
"""

from __future__ import annotations

from ..inline import md_text
from .model import Catalogue, Reading


def author_part(reading: Reading) -> str:
    names = [author.sort_name for author in reading.authors]
    if not names:
        return reading.title or reading.id
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} & {names[1]}"
    return f"{names[0]} et al."


def year_part(reading: Reading) -> str:
    return str(reading.year) if reading.year else "n.d."


def labels(catalogue: Catalogue) -> dict[str, str]:
    """Reading id -> its citation text, unique across the course (computed once
    per catalogue: every cite() call needs it)."""
    if catalogue.labels is None:
        catalogue.labels = _unique_labels(catalogue)
    return catalogue.labels


def _unique_labels(catalogue: Catalogue) -> dict[str, str]:
    groups: dict[tuple[str, str], list[Reading]] = {}
    for reading in catalogue.readings.values():
        groups.setdefault((author_part(reading), year_part(reading)), []).append(reading)
    result = {}
    for (authors, year), readings in groups.items():
        readings.sort(key=lambda r: (r.title.casefold(), r.id))
        for index, reading in enumerate(readings):
            suffix = chr(ord("a") + index) if len(readings) > 1 and index < 26 else ""
            result[reading.id] = f"{authors}, {year}{suffix}"
    return result


def cite_markdown(catalogue: Catalogue, keys: list[str], target: str | None) -> str:
    """Markdown for ``cite(*keys)``: each known reading linked to ``target#id``
    (the reading-list page, relative to the citing page); unknown keys stay
    visible as "missing reading: key" so the gap shows in a preview."""
    names = labels(catalogue)
    parts = []
    for key in keys:
        if key not in catalogue.readings:
            parts.append(f"missing reading: {md_text(key)}")
        elif target is None:
            parts.append(md_text(names[key]))
        else:
            parts.append(f"[{md_text(names[key])}]({target}#{key})")
    return f"({'; '.join(parts)})" if parts else "(missing reading)"
