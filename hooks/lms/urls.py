"""Web addresses written by authors, read without ever raising.

``urllib.parse.urlsplit`` raises ``ValueError`` on some strings (an unclosed
IPv6 bracket, "https://[::1/x"; characters that change under NFKC), and a
split address raises again when its port is not a number from 0 to 65535.
Every check of an address from author data goes through ``split_url``, so a
malformed one becomes a problem at its line, never a traceback.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

MALFORMED_HINT = "copy the address again from the browser's address bar"


def split_url(url: str) -> SplitResult | None:
    """The parts of ``url``, or None when it is not a well-formed address."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number from 0 to 65535
    except ValueError:
        return None
    return parts


def host_of(url: str) -> str:
    """The lower-case host name of ``url``; empty when it has none or is malformed."""
    parts = split_url(url)
    return (parts.hostname or "").lower() if parts else ""
