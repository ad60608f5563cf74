"""The full reference of a reading (APA-like, names as the trainer wrote
them) and its links: the URL, doi.org for a DOI, a library search for an ISBN."""

from __future__ import annotations

from stdnum import isbn as stdnum_isbn

from ..inline import md_text, md_url
from .markdown import doi_url
from .model import Reading

MEDIUM = {"video": "Video", "podcast": "Podcast"}
LIBRARY_SEARCH = "https://search.worldcat.org/search?q=bn:{isbn}"  # WorldCat: libraries near the learner


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def author_list(reading: Reading) -> str:
    names = [md_text(author.written) for author in reading.authors]
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}, & {names[1]}" if reading.authors[0].given else f"{names[0]} & {names[1]}"
    return ", ".join(names[:-1]) + f", & {names[-1]}"


def _source(reading: Reading) -> str:
    """What follows the title: the journal with volume, issue and pages, or the publisher."""
    if reading.kind in ("paper", "article") and reading.journal:
        text = f"*{md_text(reading.journal)}*"
        if reading.volume:
            text += f", *{md_text(reading.volume)}*"
        if reading.issue:
            text += f"({md_text(reading.issue)})"
        if reading.pages:
            text += f", {md_text(reading.pages)}"
        return _sentence(text)
    organisations = {a.organisation for a in reading.authors}
    if reading.publisher and reading.publisher not in organisations:  # APA: no publisher when it is the author
        pages = f", pp. {md_text(reading.pages)}" if reading.kind == "chapter" and reading.pages else ""
        return _sentence(md_text(reading.publisher) + pages)
    return ""


def reference_markdown(reading: Reading) -> str:
    """e.g. "Pink, Daniel H. (2009). *Drive: ...*. Riverhead Books." """
    year = f"({reading.year})" if reading.year else "(n.d.)"
    head = f"{author_list(reading)} {year}." if reading.authors else ""
    title = md_text(reading.title)
    if reading.kind in ("paper", "article", "chapter"):
        title = _sentence(title)
    else:
        medium = f" \\[{MEDIUM[reading.kind]}\\]" if reading.kind in MEDIUM else ""
        title = _sentence(f"*{title}*{medium}")
    return " ".join(part for part in (head, title, _source(reading)) if part)


def links(reading: Reading) -> list[tuple[str, str]]:
    """(link text, Markdown link target) pairs, most direct first."""
    found = []
    doi_link = doi_url(reading.doi) if reading.doi else ""
    if reading.url and md_url(reading.url) != doi_link:
        found.append(("Read online", md_url(reading.url)))
    if reading.doi:
        found.append((f"DOI {md_text(reading.doi)}", doi_link))
    if reading.isbn:
        found.append(
            (f"Find in a library (ISBN {stdnum_isbn.format(reading.isbn)})", LIBRARY_SEARCH.format(isbn=reading.isbn))
        )
    return found


def links_markdown(reading: Reading) -> str:
    return " · ".join(f"[{text}]({target})" for text, target in links(reading))
