"""Author text from front matter and the glossary, as safe Markdown.

Titles, descriptions, objectives, key points and glossary entries are plain
text with a small inline subset: *emphasis*, **strong**, `code` and
[links](https://...) to http, https, mailto or relative addresses. Anything
else (raw HTML, attribute lists, images, other URL schemes) shows as the
literal text the author typed and is reported at its line: the generated
pages are Markdown that the site renders with attr_list and raw HTML on, so
``*w*{: onmouseover=...}`` or ``<img onerror=...>`` would otherwise run.

The field is parsed with Python-Markdown limited to those patterns, then
written back as Markdown in which every other character is escaped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import lru_cache

from markdown import Markdown

from .problems import Problem

ALLOWED = "plain text with *emphasis*, **strong**, `code` and [links](https://...) only"
TITLE_ALLOWED = "plain text with *emphasis*, **strong** and `code` only (a title is itself a link)"
SAFE_SCHEMES = ("http", "https", "mailto")
# The theme prints page titles into the HTML as they are, so markup in a title would run.
MARKUP = re.compile(r"<\s*[A-Za-z/!]|&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_PATTERNS = ("backtick", "escape", "link", "image_link", "em_strong", "em_strong2", "not_strong")
_RAW_HTML = re.compile(r"<[A-Za-z!/?]")
_ATTRIBUTE_LIST = re.compile(r"\{:?\s*(?:[.#][\w-]|[\w-]+\s*=)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|])")
_NUMBERED = re.compile(r"^(\d+)\.(?= )")
_URL_UNSAFE = {" ": "%20", '"': "%22", "<": "%3C", ">": "%3E", "(": "%28", ")": "%29", "\\": "%5C", "`": "%60"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these before reading a scheme


def md_text(text: str) -> str:
    """Literal text inside Markdown (also inside link text)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_url(url: str) -> str:
    """A URL usable as a Markdown link target (no spaces, brackets or quotes)."""
    return "".join(_URL_UNSAFE.get(ch, ch) for ch in url)


def is_safe_url(url: str) -> bool:
    """http, https, mailto or a relative address; never javascript:, data: or vbscript:."""
    # Python-Markdown writes entities in an href as they are: the browser decodes them.
    scheme = _SCHEME.match(_IGNORED_BY_BROWSERS.sub("", html.unescape(url)))
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


@dataclass(frozen=True)
class Inline:
    markdown: str  # safe to place in generated Markdown
    refused: tuple[str, ...]  # what the subset does not allow, as trainers would name it


class _Writer:
    """Writes the parsed field back as Markdown, escaping all but the subset."""

    def __init__(self, links: bool) -> None:
        self.links = links
        self.refused: list[str] = []

    def refuse(self, what: str) -> None:
        if what not in self.refused:
            self.refused.append(what)

    def text(self, text: str | None) -> str:
        if not text:
            return ""
        if _RAW_HTML.search(text):
            self.refuse("raw HTML")
        if _ATTRIBUTE_LIST.search(text):
            self.refuse("an attribute list {: ... }")
        return md_text(text)

    def children(self, element: etree.Element) -> str:
        return self.text(element.text) + "".join(self.element(child) + self.text(child.tail) for child in element)

    def element(self, element: etree.Element) -> str:
        if element.tag == "code":
            return _code_span(_code_text(element.text or ""))
        if element.tag in ("em", "strong"):
            mark = "*" if element.tag == "em" else "**"
            return mark + self.children(element) + mark
        if element.tag == "img":
            self.refuse("an image")
            return md_text(f"![{element.get('alt', '')}]({element.get('src', '')})")
        return self.link(element)

    def link(self, element: etree.Element) -> str:
        href = element.get("href", "")
        if not self.links:
            self.refuse("a link")
        elif element.get("title") is not None:
            self.refuse("a link title")
        elif not is_safe_url(href):
            self.refuse(f"a link to '{href}'")
        else:
            return f"[{self.children(element)}]({_link_target(href)})"
        title = f' "{element.get("title")}"' if element.get("title") is not None else ""
        return md_text(f"[{''.join(element.itertext())}]({href}{title})")


def _link_target(href: str) -> str:
    """``md_url``, but balanced parentheses, as in .../Pygmalion_(film), stay as written."""
    depth = 0
    for ch in href:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return md_url(href)
    return md_url(href) if depth else "".join(ch if ch in "()" else md_url(ch) for ch in href)


def _code_text(escaped: str) -> str:
    """The code as written: Python-Markdown stores it with & < > escaped."""
    return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _code_span(code: str) -> str:
    fence = "`" * (max((len(run) for run in re.findall(r"`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def _not_a_list(markdown: str) -> str:
    """A field that starts like a list item ("- x", "1. x") stays a sentence."""
    if markdown.startswith("- "):
        return "\\" + markdown
    return _NUMBERED.sub(r"\1\\.", markdown)


@lru_cache(maxsize=1)
def _parser() -> Markdown:
    md = Markdown()
    # A keep-list, so that a pattern a later Python-Markdown adds is not let in
    # (the registry lists its names only in _priority).
    for name in [item.name for item in md.inlinePatterns._priority]:  # type: ignore[attr-defined]  # private, see above
        if name not in _PATTERNS:
            md.inlinePatterns.deregister(name)
    return md


@lru_cache(maxsize=4096)
def render(text: str, *, links: bool = True) -> Inline:
    """The field as safe Markdown, and what in it the subset refused."""
    md = _parser()
    md.reset()
    root = etree.Element("div")
    etree.SubElement(root, "p").text = " ".join(text.split())
    md.treeprocessors["inline"].run(root)
    md.treeprocessors["unescape"].run(root)
    writer = _Writer(links)
    return Inline(_not_a_list(writer.children(root[0])), tuple(writer.refused))


def to_markdown(text: str, *, links: bool = True) -> str:
    return render(text, links=links).markdown


def problems(text: str, path: str, line: int, field: str, *, links: bool = True) -> list[Problem]:
    """One problem naming everything the field may not contain, at its line."""
    refused = render(text, links=links).refused
    if not refused:
        return []
    hint = f"metadata fields take {ALLOWED}" if links else f"titles take {TITLE_ALLOWED}"
    return [Problem(path, line, f"{field} contains {_listed(refused)}, which shows as typed", hint)]


def _listed(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def theme_meta(meta: dict) -> dict[str, str]:
    """Front-matter values escaped for the theme, which prints them as they are
    (MkDocs' Jinja does not autoescape): the description and author go into
    attributes; a title with markup (an error the build reports) would run in
    the navigation of every page of a preview."""
    escaped = {key: html.escape(str(meta[key])) for key in ("description", "author") if meta.get(key)}
    title = meta.get("title")
    if isinstance(title, str) and MARKUP.search(title):
        escaped["title"] = html.escape(title)
    return escaped
