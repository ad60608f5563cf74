"""The whole reading list for reference managers: BibTeX, RIS and CSL-JSON.

Zotero, Mendeley and EndNote import all three. Output is deterministic
(file order, no dates) so a rebuild gives the same bytes.
"""

from __future__ import annotations

import json

from .model import Author, Catalogue, Reading

DOWNLOADS = {  # site path -> link text on the reading-list page
    "downloads/course-readings.bib": "BibTeX (.bib)",
    "downloads/course-readings.ris": "RIS (.ris)",
    "downloads/course-readings.json": "CSL-JSON (.json)",
}
BIBTEX_TYPES = {
    "book": "book",
    "paper": "article",
    "article": "article",
    "chapter": "inbook",
    "report": "techreport",
    "video": "misc",
    "podcast": "misc",
    "web": "misc",
}
RIS_TYPES = {
    "book": "BOOK",
    "paper": "JOUR",
    "article": "MGZN",
    "chapter": "CHAP",
    "report": "RPRT",
    "video": "VIDEO",
    "podcast": "SOUND",
    "web": "ELEC",
}
CSL_TYPES = {
    "book": "book",
    "paper": "article-journal",
    "article": "article-magazine",
    "chapter": "chapter",
    "report": "report",
    "video": "motion_picture",
    "podcast": "broadcast",
    "web": "webpage",
}
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _latex(text: str) -> str:
    return "".join(_LATEX.get(ch, ch) for ch in text)


def _bib_name(author: Author) -> str:
    if author.organisation:
        return "{" + _latex(author.organisation) + "}"  # braces: BibTeX must not split it into first/last
    parts = [author.family, author.suffix, author.given] if author.suffix else [author.family, author.given]
    return _latex(", ".join(parts))


def _page_range(pages: str, dash: str) -> str:
    return pages.replace("-", dash) if pages.count("-") == 1 else pages


def bibtex_entry(reading: Reading) -> str:
    container = "institution" if reading.kind == "report" else "publisher"
    fields = [
        ("author", " and ".join(_bib_name(a) for a in reading.authors)),
        ("title", _latex(reading.title)),
        ("year", str(reading.year or "")),
        ("journal", _latex(reading.journal)),
        (container, _latex(reading.publisher)),
        ("volume", _latex(reading.volume)),
        ("number", _latex(reading.issue)),
        ("pages", _latex(_page_range(reading.pages, "--"))),
        ("isbn", reading.isbn),
        ("doi", reading.doi),  # doi and url are verbatim fields in biblatex: no escaping
        ("url", reading.url),
        ("annote", _latex(reading.note)),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@{BIBTEX_TYPES.get(reading.kind, 'misc')}{{{reading.id},\n{body}}}\n"


def bibtex(catalogue: Catalogue) -> str:
    return "\n".join(bibtex_entry(r) for r in catalogue.readings.values())


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}\n" if value else ""


def ris_entry(reading: Reading) -> str:
    first, _, last = reading.pages.partition("-")
    lines = [
        _ris_line("TY", RIS_TYPES.get(reading.kind, "GEN")),
        _ris_line("ID", reading.id),
        _ris_line("TI", reading.title),
    ]
    lines += [_ris_line("AU", a.written) for a in reading.authors]
    lines += [
        _ris_line("PY", str(reading.year or "")),
        _ris_line("T2", reading.journal),
        _ris_line("PB", reading.publisher),
        _ris_line("VL", reading.volume),
        _ris_line("IS", reading.issue),
        _ris_line("SP", first),
        _ris_line("EP", last),
        _ris_line("SN", reading.isbn),
        _ris_line("DO", reading.doi),
        _ris_line("UR", reading.url),
        _ris_line("N1", reading.note),
    ]
    return "".join(lines) + "ER  - \n"


def ris(catalogue: Catalogue) -> str:
    return "\n".join(ris_entry(r) for r in catalogue.readings.values())


def _csl_name(author: Author) -> dict[str, str]:
    if author.organisation:
        return {"literal": author.organisation}
    name = {"family": author.family, "given": author.given}
    return name | ({"suffix": author.suffix} if author.suffix else {})


def csl_item(reading: Reading) -> dict:
    item: dict = {"id": reading.id, "type": CSL_TYPES.get(reading.kind, "document"), "title": reading.title}
    item["author"] = [_csl_name(a) for a in reading.authors]
    if reading.year:
        item["issued"] = {"date-parts": [[reading.year]]}
    optional = {
        "container-title": reading.journal,
        "publisher": reading.publisher,
        "volume": reading.volume,
        "issue": reading.issue,
        "page": reading.pages,
        "ISBN": reading.isbn,
        "DOI": reading.doi,
        "URL": reading.url,
        "annote": reading.note,
    }
    item.update({key: value for key, value in optional.items() if value})
    return item


def csl_json(catalogue: Catalogue) -> str:
    return json.dumps([csl_item(r) for r in catalogue.readings.values()], indent=2, ensure_ascii=False) + "\n"


def export_files(catalogue: Catalogue) -> dict[str, bytes]:
    """Site path -> file content; nothing when there are no readings."""
    if not catalogue.readings:
        return {}
    makers = (bibtex, ris, csl_json)
    return {path: maker(catalogue).encode("utf-8") for path, maker in zip(DOWNLOADS, makers, strict=True)}
