"""Glossary terms are reachable by keyboard.

The hook hands the glossary to Python-Markdown's ``abbr`` extension, which marks
each term as ``<abbr title="meaning">``. This extension, added beside it by the
hook (``coursesite.terms``), makes every such term focusable, so a keyboard user
reaches its meaning as a pointer user does by hovering (the tooltip of
``assets/lms/glossary/tip.js``; WCAG 2.1.1). Done in the page's tree at build time,
the browser has nothing to do on arrival.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class FocusableTerms(Treeprocessor):
    def run(self, root: Element) -> None:
        for term in root.iter("abbr"):
            if term.get("title") and term.get("tabindex") is None:
                term.set("tabindex", "0")


class TermsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(FocusableTerms(md), "lms_terms", 1)  # after the abbr extension's (7)


def makeExtension(**kwargs):
    return TermsExtension(**kwargs)
