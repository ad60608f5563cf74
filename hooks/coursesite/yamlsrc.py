"""YAML with line numbers, for messages that point at the trainer's line.

PyYAML's libyaml composer gives every node its position; we build the data
from that node tree ourselves so that each mapping and list remembers the
line of each key and item (``key_line``, ``item_line``), and so that we find
*every* duplicated key (plain loaders silently keep the last one). Scalars are
made by PyYAML's own safe constructor, the same YAML rules MkDocs applies to
front matter. libyaml is about 35 times faster than a pure-Python round-trip
parser, which mattered: front matter is read on every build and every save.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import AliasEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the pure-Python loader when libyaml is missing


class Lines:
    """Where a mapping's keys or a list's items start (0-based lines and columns,
    the ``.lc`` interface ruamel.yaml made familiar)."""

    def __init__(self, node: Node):
        self.line, self.col = node.start_mark.line, node.start_mark.column
        self._keys: dict[Any, tuple[int, int]] = {}
        self._items: list[tuple[int, int]] = []

    def key(self, key: Any) -> tuple[int, int]:
        return self._keys[key]

    def note_key(self, key: Any, node: Node) -> None:
        self._keys[key] = (node.start_mark.line, node.start_mark.column)

    def note_item(self, node: Node) -> None:
        self._items.append((node.start_mark.line, node.start_mark.column))

    def item(self, index: int) -> tuple[int, int]:
        return self._items[index]


class LineMap(dict):
    lc: Lines
    tag: str | None = None  # an application tag such as MkDocs' !ENV, else None


class LineList(list):
    lc: Lines
    tag: str | None = None


class TaggedText(str):
    """A scalar with an application tag (``!ENV NAME``): its text and its tag."""

    tag: str | None = None


def _app_tag(node: Node) -> str | None:
    return node.tag if node.tag.startswith("!") else None  # standard tags are tag:yaml.org,2002:...


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:  # a list or mapping used as a key: keep it as text for the validators to reject
        return str(key)
    return key


# (the repeated key's node, the 0-based line of its first occurrence)
Duplicates = list[tuple[Node, int]]


def _build(node: Node, loader, duplicates: Duplicates) -> Any:
    """Data from the node tree. A key given twice (as YAML compares keys: ``1``
    and ``01`` are one key) keeps its first value and is noted in ``duplicates``."""
    if isinstance(node, MappingNode):
        mapping, lines = LineMap(), Lines(node)
        for key_node, value_node in node.value:
            key = _hashable(_build(key_node, loader, duplicates))
            if key in mapping:
                duplicates.append((key_node, lines.key(key)[0]))
                _build(value_node, loader, duplicates)  # its own repeated keys are reported too
                continue
            lines.note_key(key, key_node)
            mapping[key] = _build(value_node, loader, duplicates)
        mapping.lc, mapping.tag = lines, _app_tag(node)
        return mapping
    if isinstance(node, SequenceNode):
        items, lines = LineList(), Lines(node)
        for item in node.value:
            lines.note_item(item)
            items.append(_build(item, loader, duplicates))
        items.lc, items.tag = lines, _app_tag(node)
        return items
    if _app_tag(node):
        text = TaggedText(node.value)
        text.tag = node.tag
        return text
    try:
        return loader.construct_object(node)
    except (ValueError, yaml.constructor.ConstructorError):  # e.g. a date such as 2024-13-45: keep the text
        return node.value if isinstance(node, ScalarNode) else None


def _duplicate_problems(duplicates: Duplicates, path: str, first_line: int) -> list[Problem]:
    return [
        Problem(
            path,
            node.start_mark.line + first_line,
            f"key '{node.value}' is given twice (first on line {first + first_line})",
            "remove one of them; YAML would silently keep only the last",
        )
        for node, first in duplicates
    ]


def _syntax_problem(text: str, path: str, first_line: int) -> Problem:
    """The syntax error in words, at the line to fix.

    Errors are rare, so the text is parsed again with PyYAML's pure-Python
    parser, whose messages read better than libyaml's ("expected ',' or ']'").
    When the YAML simply ends too early, the line to fix is where the unclosed
    list, mapping or quote began, not the end of the text."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
        what, mark = "invalid YAML", None  # pragma: no cover - both parsers agree on syntax
    except yaml.MarkedYAMLError as error:
        what = error.problem or error.context or "invalid YAML"
        ended = "<stream end>" in what or "end of stream" in what
        mark = (error.context_mark if ended else None) or error.problem_mark or error.context_mark
    except yaml.YAMLError as error:  # e.g. a control character the reader refuses
        what, mark = str(error), getattr(error, "problem_mark", None)
    what = what.replace("'<stream end>'", "the end of the YAML")
    line = (mark.line + first_line) if mark else first_line
    return Problem(
        path, line, f"YAML syntax error: {what}", "check indentation, colons and quotes on this line and the one above"
    )


# An anchor (&name) or alias (*name) starts a value: at the start of a line or
# after a space, "[", "{", "," or ":". Text without one is spared the event scan.
MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])[&*][^\s,\[\]{}]", re.MULTILINE)
NO_ANCHORS_HINT = "course files have no need for anchors and aliases: write the value out"


def anchor_problems(text: str, path: str, first_line: int = 1, loader=Loader) -> list[Problem]:
    """YAML anchors and aliases, refused before any value is built.

    An alias can make a list that contains itself, or a few lines that expand
    to billions of values ("billion laughs"); course files never need one.
    They are found in the parser's events, where nothing is expanded yet:
    one problem per line, naming each anchor and alias on it."""
    if not MAYBE_ANCHOR.search(text):
        return []
    parser = loader(text)
    found: dict[int, list[str]] = {}
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, AliasEvent):
                name = f"*{event.anchor}"
            elif isinstance(event, NodeEvent) and event.anchor is not None:
                name = f"&{event.anchor}"
            else:
                continue
            names = found.setdefault(event.start_mark.line, [])
            if name not in names:
                names.append(name)
    except yaml.YAMLError:
        pass  # a syntax error is reported by the loader
    finally:
        parser.dispose()
    return [
        Problem(
            path,
            line + first_line,
            f"YAML anchors and aliases are not allowed (found {', '.join(names)})",
            NO_ANCHORS_HINT,
        )
        for line, names in sorted(found.items())
    ]


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse ``text``; line numbers in problems are offset so that the first
    line of ``text`` is ``first_line`` of the file ``path``."""
    refused = anchor_problems(text, path, first_line)
    if refused:
        return None, refused
    loader = Loader(text)
    duplicates: Duplicates = []
    try:
        node = loader.get_single_node()
        data = _build(node, loader, duplicates) if node is not None else None
    except yaml.YAMLError:
        return None, [_syntax_problem(text, path, first_line)]
    finally:
        loader.dispose()
    return data, _duplicate_problems(duplicates, path, first_line)


def key_line(mapping: Any, key: str, first_line: int) -> int:
    """File line of ``key`` in a loaded mapping (falls back to the mapping's own line)."""
    try:
        return mapping.lc.key(key)[0] + first_line
    except (AttributeError, KeyError, TypeError):
        return node_line(mapping, first_line)


def item_line(sequence: Any, index: int, first_line: int) -> int:
    try:
        return sequence.lc.item(index)[0] + first_line
    except (AttributeError, KeyError, TypeError, IndexError):
        return node_line(sequence, first_line)


def node_line(node: Any, first_line: int) -> int:
    try:
        return node.lc.line + first_line
    except AttributeError:
        return first_line
