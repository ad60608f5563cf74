"""One validator per readings.yml field.

Each takes the raw YAML value and returns ``(clean value, None)`` or
``(None, (message, hint))``. ISBNs come from python-stdnum (check digits,
ISBN-10 to ISBN-13), so we never hand-maintain check-digit arithmetic. A DOI
has no check digit, only the DOI Handbook's shape (section 2.2): ``10.``, a
registrant code of digits and dots, ``/``, and any suffix; one pattern says
so. (We used idutils for it, but importing idutils compiles ~130 patterns for
other identifiers and pulled in requests: a quarter of a second on every
build, 15% of a plain MkDocs build of 100 pages.)
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.util import clean

from .. import validate
from ..modules import LEVELS, SLUG
from ..urls import MALFORMED_HINT, split_url
from ..validate import Result, Validator, is_int, one_of, text_value
from .model import KINDS

# DOI Handbook 2.2: prefix "10." + registrant code (digits, sub-codes after dots), "/", a suffix of
# any printable characters; SICI-style suffixes with '<', '>', '#' and ';' are valid (old Wiley DOIs).
DOI = re.compile(r"10\.\d+(?:\.\d+)*/\S+")
DOI_PREFIX = re.compile(r"(?i)(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)")  # how DOIs are often pasted
EARLIEST_YEAR = 1800
EFFORT = re.compile(r"^([1-9][0-9]*) (minutes?|pages?)$")


def text(name: str, example: str) -> Validator:
    return validate.text(lambda _value: f"{name} must be non-empty text", f"write {name}: {example}")


def number_or_text(name: str, example: str) -> Validator:
    def check(value: Any) -> Result:
        if is_int(value) and value > 0:
            return str(value), None
        clean = text_value(value)
        if clean is None:
            return None, (f"{name} must be a number or text, not {value!r}", f"write {name}: {example}")
        return clean, None

    return check


kind = one_of(KINDS, lambda value: f"unknown kind {value!r}", f"use one of {', '.join(KINDS)}")


def authors(value: Any) -> Result:
    hint = 'write authors: ["Family, Given", "Family, Given"] (an organisation without a comma)'
    if not isinstance(value, list) or not value:
        return None, ("authors must be a list of names", hint)
    for item in value:
        name = text_value(item)
        parts = [part.strip() for part in (name or "").split(",")]
        if name is None or any(not part for part in parts):
            return None, (f"author {item!r} must be written 'Family, Given'", hint)
    return [" ".join(str(item).split()) for item in value], None


def year(value: Any) -> Result:
    latest = datetime.date.today().year + 1
    if not is_int(value):
        return None, (f"year must be a whole number, not {value!r}", "write the year of publication, e.g. year: 2009")
    if not EARLIEST_YEAR <= value <= latest:
        return None, (f"year {value} is implausible", f"give the year of publication, from {EARLIEST_YEAR} to {latest}")
    return value, None


def isbn(value: Any) -> Result:
    """An ISBN-13; an ISBN-10 is refused with its ISBN-13 offered."""
    given = str(value).strip() if is_int(value) or isinstance(value, str) else repr(value)
    compact = clean(given, " -").upper() if isinstance(value, (str, int)) else ""
    try:
        if len(compact) not in (10, 13):  # stdnum's compact() would turn a 9-digit SBN into an ISBN-10
            raise ValidationError()
        stdnum_isbn.validate(compact)
    except InvalidChecksum:
        return None, (
            f"isbn '{given}' has a wrong check digit",
            "copy the ISBN-13 again from the book's copyright page or the publisher",
        )
    except ValidationError:
        return None, (f"isbn '{given}' is not an ISBN", 'give the 13-digit ISBN in quotes, e.g. isbn: "9781594488849"')
    if len(compact) == 10:
        return None, (
            f"isbn '{given}' is an ISBN-10; the isbn field takes an ISBN-13",
            f'write isbn: "{stdnum_isbn.to_isbn13(compact)}"',
        )
    return compact, None


def doi(value: Any) -> Result:
    given = str(value)
    example = "e.g. doi: 10.1037/0003-066X.55.1.68"
    text = value.strip() if isinstance(value, str) else ""
    prefix = DOI_PREFIX.match(text)
    bare = text[prefix.end() :] if prefix else text
    # Whitespace inside a DOI is always a copy-and-paste slip, so it is refused.
    if not DOI.fullmatch(bare):
        return None, (f"doi '{given}' is not a valid DOI", f"a DOI is 10.<registrant>/<suffix>, {example}")
    if prefix:
        return None, (f"doi '{given}' must be the DOI alone, without a prefix", f'write doi: "{bare}"')
    return bare, None


def url(value: Any) -> Result:
    parts = split_url(value) if isinstance(value, str) else None
    if isinstance(value, str) and parts is None:
        return None, (f"url '{value}' is not a well-formed address", MALFORMED_HINT)
    if parts is None or parts.scheme != "https" or not parts.netloc or any(ch.isspace() for ch in value):
        return None, (
            f"url '{value}' is not an https address",
            "use the page's https:// address; the course links only to secure pages",
        )
    return value, None


def effort(value: Any) -> Result:
    if isinstance(value, str) and EFFORT.match(" ".join(value.split())):
        return " ".join(value.split()), None
    return None, (f"effort {value!r} must be minutes or pages", "write e.g. effort: 30 minutes or effort: 250 pages")


level = one_of(
    LEVELS,
    lambda value: f"level {value!r} must be one of {', '.join(LEVELS)}",
    "use foundation, practitioner or advanced",
)


def modules(value: Any) -> Result:
    if not isinstance(value, list) or any(not isinstance(item, str) or not SLUG.match(item) for item in value):
        return None, ("modules must be a list of module ids", "write e.g. modules: [motivation, mentoring]")
    return list(value), None


VALIDATORS: dict[str, Validator] = {
    "kind": kind,
    "title": text("title", "the title as printed"),
    "authors": authors,
    "year": year,
    "publisher": text("publisher", "Riverhead Books"),
    "journal": text("journal", "Journal of Applied Psychology"),
    "volume": number_or_text("volume", "102"),
    "issue": number_or_text("issue", "12"),
    "pages": number_or_text("pages", '"1686-1718"'),
    "isbn": isbn,
    "doi": doi,
    "url": url,
    "effort": effort,
    "level": level,
    "note": text("note", "one to three sentences on why to read it and for whom"),
    "modules": modules,
}
