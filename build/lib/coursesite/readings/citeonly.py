"""Pages whose only template code is ``{{ cite(...) }}`` calls, rendered
without compiling the page into a Jinja template.

The macros plugin compiles every page with template code into a Jinja
template: about 3 ms a module page, a tenth of a build's CPU time
(bench/REPORT.md, "where the time goes"), and most module pages have nothing
but citations. For such a page this gives the text Jinja would: each call
replaced by what ``cite()`` returns for its quoted reading ids, and a single
final newline dropped (Jinja's default ``keep_trailing_newline=False``).
Anything else leaves the page to the macros plugin: another macro, a
variable, a tag, a comment, whitespace control (``{{-``), an argument that is
not a plain quoted string, or an environment with other delimiters.
tests/test_readings_citeonly.py compares the result with Jinja's on every
page of the course and of a benchmark course, and the two builds byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .usage import STRING

_QUOTED = r"""(?:"[^"\\{}\n]*"|'[^'\\{}\n]*')"""
CALL = re.compile(r"\{\{[ \t]*cite\([ \t]*(" + _QUOTED + r"(?:[ \t]*,[ \t]*" + _QUOTED + r")*)?[ \t]*\)[ \t]*\}\}")
MARKERS = ("{{", "{%", "{#")
JINJA_DEFAULTS = {
    "variable_start_string": "{{",
    "variable_end_string": "}}",
    "block_start_string": "{%",
    "comment_start_string": "{#",
    "line_statement_prefix": None,
    "line_comment_prefix": None,
    "keep_trailing_newline": False,
}


def uses_jinja_defaults(env) -> bool:
    """Whether ``env`` (the macros plugin's) reads templates as this module assumes."""
    return all(getattr(env, name, None) == value for name, value in JINJA_DEFAULTS.items())


def render(markdown: str, cite: Callable[[list[str]], str]) -> str | None:
    """``markdown`` with its cite() calls replaced, or None when it has any
    other template code (the macros plugin renders it then)."""
    if any(marker in CALL.sub("", markdown) for marker in MARKERS):
        return None
    source = markdown[:-1] if markdown.endswith("\n") else markdown
    return CALL.sub(lambda call: cite([key for _, key in STRING.findall(call[1] or "")]), source)
