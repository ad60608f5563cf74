"""Escaping for author-controlled text placed in generated Markdown.

Reading data is copied from catalogues and may hold ``<``, ``*``, ``_`` or
``[`` (titles, DOIs such as 10.1002/...<913::AID-JOB62>3.0.CO;2-#): it must
show as text, never become HTML or Markdown markup.
"""

from __future__ import annotations

import html

from ..inline import md_url

# Python-Markdown reads [links](...), `code` and \escapes even inside the
# attributes of raw HTML it is given: written as references, they stay text.
_MARKDOWN_IN_ATTRIBUTE = str.maketrans({"[": "&#91;", "]": "&#93;", "`": "&#96;", "\\": "&#92;"})


def attr(text: str) -> str:
    """Text inside a double-quoted attribute of HTML written into Markdown."""
    return html.escape(text, quote=True).translate(_MARKDOWN_IN_ATTRIBUTE)


def doi_url(doi: str) -> str:
    """The doi.org link; '#', '<', '>' and '%' must be percent-encoded (DOI Handbook 2.5.2.4)."""
    encoded = doi.replace("%", "%25").replace("#", "%23").replace("?", "%3F")
    return md_url(f"https://doi.org/{encoded}")
