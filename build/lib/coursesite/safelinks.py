"""A link or image whose address cannot be read is shown as plain text.

MkDocs reads the address of every ``<a>`` and ``<img>`` of a page with
``urlsplit`` and stops with a traceback on one it cannot split
("https://[::1/x"). This Python-Markdown extension, listed in ``mkdocs.yml``
as ``coursesite.safelinks``, turns such a link into its text just before MkDocs
reads it, so the page (and the preview) still builds; the source check
(``links/addresses.py``) reports the address at its line.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .urls import split_url


def unlink(element: Element) -> None:
    """A link keeps its text, an image its description, as a plain span
    (MkDocs requires every <a> and <img> to have an address)."""
    if element.tag == "img":
        element.text = element.get("alt", "")
    element.tag = "span"
    element.attrib.clear()


def address(element: Element) -> str:
    return element.get("href" if element.tag == "a" else "src") or ""


class MalformedLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag in ("a", "img") and split_url(address(element)) is None:
                unlink(element)


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(MalformedLinks(md), "lms_safelinks", 0.5)  # just before MkDocs' "relpath" (0)


def makeExtension(**kwargs):
    return SafeLinksExtension(**kwargs)
