"""The downloads are read back by real tools: BibTeX by bibtexparser, RIS by
rispy, CSL-JSON against the official CSL-JSON schema. Every entry of the
course's own readings.yml and of a sample with awkward characters (an old
Wiley DOI with '<' and '#', LaTeX specials, accents, "Jr.", organisations)
round-trips its title, authors, year and identifier."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

from coursesite.readings import exports
from coursesite.readings.load import parse_catalogue
from support.sites import ROOT
from test_readings_sample import ODD_DOI, READINGS

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))


def course_catalogue():
    text = (ROOT / "docs" / "_data" / "readings.yml").read_text(encoding="utf-8")
    return parse_catalogue(text, "docs/_data/readings.yml", [])


def sample_catalogue():
    return parse_catalogue(READINGS, "docs/_data/readings.yml", [])


CATALOGUES = [pytest.param(course_catalogue, id="course-readings"), pytest.param(sample_catalogue, id="awkward-sample")]


def identifier(reading) -> tuple[str, str | None]:
    """The most specific identifier; (kind, None) for an entry that has none
    (the checks reject those, but the export must still be readable)."""
    for kind in ("doi", "isbn", "url"):
        if getattr(reading, kind):
            return kind, getattr(reading, kind)
    return "url", None


@pytest.mark.parametrize("make", CATALOGUES)
def test_bibtex_is_parsed_back_by_bibtexparser(make):
    catalogue = make()
    library = bibtexparser.parse_string(
        exports.bibtex(catalogue),
        append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()],
    )
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == list(catalogue.readings)
    for entry in library.entries:
        reading = catalogue.readings[entry.key]
        assert entry["title"] == reading.title
        assert entry["year"] == str(reading.year)
        # BibTeX keeps "van" of "van Vianen" apart, as the von part of the family name.
        names = [(" ".join(n.von + n.last).strip("{}"), " ".join(n.first), " ".join(n.jr)) for n in entry["author"]]
        assert names == [(a.organisation or a.family, a.given, a.suffix) for a in reading.authors]
        kind, value = identifier(reading)
        assert entry.fields_dict[kind].value == value if value else kind not in entry.fields_dict


@pytest.mark.parametrize("make", CATALOGUES)
def test_ris_is_parsed_back_by_rispy(make):
    catalogue = make()
    records = rispy.loads(exports.ris(catalogue))
    assert [record["id"] for record in records] == list(catalogue.readings)
    for record in records:
        reading = catalogue.readings[record["id"]]
        assert record["title"] == reading.title
        assert record["year"] == str(reading.year)
        assert record["authors"] == [a.written for a in reading.authors]
        kind, value = identifier(reading)
        found = {"doi": record.get("doi"), "isbn": record.get("issn"), "url": (record.get("urls") or [None])[0]}
        assert found[kind] == value


@pytest.mark.parametrize("make", CATALOGUES)
def test_csl_json_is_valid_against_the_csl_schema_and_round_trips(make):
    catalogue = make()
    items = json.loads(exports.csl_json(catalogue))
    jsonschema.Draft7Validator(SCHEMA).validate(items)
    assert [item["id"] for item in items] == list(catalogue.readings)
    for item in items:
        reading = catalogue.readings[item["id"]]
        assert item["title"] == reading.title
        assert item["issued"] == {"date-parts": [[reading.year]]}
        expected = [
            {"literal": a.organisation}
            if a.organisation
            else {"family": a.family, "given": a.given} | ({"suffix": a.suffix} if a.suffix else {})
            for a in reading.authors
        ]
        assert item["author"] == expected
        kind, value = identifier(reading)
        assert item.get({"doi": "DOI", "isbn": "ISBN", "url": "URL"}[kind]) == value


def test_the_schema_really_rejects_bad_items():
    validator = jsonschema.Draft7Validator(SCHEMA)
    assert not validator.is_valid([{"id": "x", "type": "journal-paper"}])
    assert not validator.is_valid([{"id": "x", "type": "book", "auther": []}])
    assert validator.is_valid(json.loads(exports.csl_json(sample_catalogue()))[:1])


def test_awkward_values_survive_each_format():
    catalogue = sample_catalogue()
    bib = exports.bibtex(catalogue)
    assert f"doi = {{{ODD_DOI}}}" in bib  # verbatim field: never LaTeX-escaped
    assert 'title = {Pygmalion <script>alert("x")</script> \\& *work* [sic]}' in bib
    assert (
        "author = {Churchill, Jr., Gilbert A. and Ford, Neil M. and Hartley, Steven W. and Walker, Jr., Orville C.}"
        in bib
    )
    assert "author = {{Gallup}}" in bib and "pages = {68--78}" in bib
    ris = exports.ris(catalogue)
    assert f"DO  - {ODD_DOI}\n" in ris and "TY  - SOUND\n" in ris and "SP  - 913\nEP  - 928\n" in ris
    csl = {item["id"]: item for item in json.loads(exports.csl_json(catalogue))}
    assert csl["podcast-2021"]["type"] == "broadcast" and csl["talk-2020"]["type"] == "motion_picture"
    assert csl["kierein-gold-2000"]["author"][2] == {"family": "Ödegaard", "given": "Åsa"}


def test_export_files_are_utf8_bytes_and_identical_on_every_call():
    first, second = exports.export_files(sample_catalogue()), exports.export_files(sample_catalogue())
    assert list(first) == [
        "downloads/course-readings.bib",
        "downloads/course-readings.ris",
        "downloads/course-readings.json",
    ]
    assert first == second
    assert "Ödegaard".encode() in first["downloads/course-readings.ris"]
    assert exports.export_files(parse_catalogue("{}", "x", [])) == {}
