"""Escaping for author-controlled text placed in generated Markdown.

Reading data is copied from catalogues and may hold ``<``, ``*``, ``_`` or
``[`` (titles, DOIs such as 10.1002/...<913::AID-JOB62>3.0.CO;2-#): it must
show as text, never become HTML or Markdown markup.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|])")
_URL_UNSAFE = {" ": "%20", '"': "%22", "<": "%3C", ">": "%3E", "(": "%28", ")": "%29", "\\": "%5C", "`": "%60"}


def md_text(text: str) -> str:
    """Literal text inside Markdown (also inside link text)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_url(url: str) -> str:
    """A URL usable as a Markdown link target (no spaces, brackets or quotes)."""
    return "".join(_URL_UNSAFE.get(ch, ch) for ch in url)


def attr(text: str) -> str:
    """Text inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True)


def doi_url(doi: str) -> str:
    """The doi.org link; '#', '<', '>' and '%' must be percent-encoded (DOI Handbook 2.5.2.4)."""
    encoded = doi.replace("%", "%25").replace("#", "%23").replace("?", "%3F")
    return md_url(f"https://doi.org/{encoded}")
