"""Web addresses written by authors, read without ever raising.

``urllib.parse.urlsplit`` raises ``ValueError`` on some strings (an unclosed
IPv6 bracket, "https://[::1/x"; characters that change under NFKC), and a
split address raises again when its port is not a number from 0 to 65535.
Every check of an address from author data goes through ``split_url``, so a
malformed one becomes a problem at its line, never a traceback.
``unsafe_scheme`` names the addresses that run script or carry unchecked
content (``javascript:``, ``vbscript:``, ``data:``) as a browser reads them.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

MALFORMED_HINT = "copy the address again from the browser's address bar"

UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop tabs and line breaks anywhere in an address, and controls and
# spaces around it, before reading its scheme: "java\tscript:" is javascript:.
IGNORED_IN_URL = re.compile(r"[\t\n\r]")
C0_AND_SPACE = "".join(map(chr, range(0x21)))


def split_url(url: str) -> SplitResult | None:
    """The parts of ``url``, or None when it is not a well-formed address."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number from 0 to 65535
    except ValueError:
        return None
    return parts


def unsafe_scheme(url: str) -> str | None:
    """``javascript``, ``vbscript`` or ``data`` when the browser would read ``url`` so, else None."""
    scheme = SCHEME.match(IGNORED_IN_URL.sub("", url).strip(C0_AND_SPACE))
    return scheme[1].lower() if scheme and scheme[1].lower() in UNSAFE_SCHEMES else None


def host_of(url: str) -> str:
    """The lower-case host name of ``url``; empty when it has none or is malformed."""
    parts = split_url(url)
    return (parts.hostname or "").lower() if parts else ""


# Where Markdown takes a link or image address: "](...)", a reference
# definition "[name]: ..." and href= or src= in an attribute list "{...}" (raw
# HTML is not Markdown: MkDocs and the quiz leave its addresses alone). Each
# pattern starts with fixed text, which the regex engine finds fast: every
# page is searched on every build.
INLINE = re.compile(r"""\]\([\x00-\x20]*<?[\x00-\x20]*(?P<url>[^\s"'<>]+)""")
REFERENCE = re.compile(r"""\]:[\x00-\x20]*<?[\x00-\x20]*(?P<url>[^\s"'<>]+)""")
REFERENCE_START = re.compile(r"[ ]{0,3}\[[^\]\n]+")  # the line up to the "]:" of a reference definition
ATTRIBUTE = re.compile(r"""\{[^}\n]*?\b(?:href|src)[ ]*=[ ]*["']?(?P<url>[^\s"'<>}]+)""", re.IGNORECASE)
CODE_SPAN = re.compile(r"(`+).+?\1")


def _as_written(url: str) -> str:
    """The address up to the ")" that closes the Markdown link (its own parentheses pair up)."""
    depth = 0
    for index, char in enumerate(url):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return url[:index]
    return url


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _in_code_span(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a code span, which shows an address without linking it."""
    start = _line_start(text, offset)
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    return any(span.start() <= offset - start < span.end() for span in CODE_SPAN.finditer(line))


def markdown_addresses(text: str) -> list[tuple[int, str]]:
    """Every link and image address written in Markdown ``text``, with its offset."""
    found = [(m.start("url"), _as_written(m["url"])) for m in INLINE.finditer(text)]
    found += [
        (m.start("url"), m["url"])
        for m in REFERENCE.finditer(text)
        if REFERENCE_START.fullmatch(text, _line_start(text, m.start()), m.start())
    ]
    found += [(m.start("url"), m["url"]) for m in ATTRIBUTE.finditer(text)]
    return sorted((offset, url) for offset, url in found if not _in_code_span(text, offset))
