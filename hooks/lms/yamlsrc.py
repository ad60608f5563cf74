"""YAML with line numbers, for messages that point at the trainer's line.

ruamel.yaml keeps the position of every key and item. We also find *every*
duplicated key (plain loaders silently keep the last one) by walking the
composed node tree before constructing Python objects.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from .problems import Problem


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True  # we report duplicates ourselves, all of them
    return yaml


def _duplicate_keys(node: Node | None, path: str, first_line: int) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + first_line
            key = str(key_node.value)
            if key in seen:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"key '{key}' is given twice (first on line {seen[key]})",
                        "remove one of them; YAML would silently keep only the last",
                    )
                )
            else:
                seen[key] = line
            problems += _duplicate_keys(value_node, path, first_line)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, path, first_line)
    return problems


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse ``text``; line numbers in problems are offset so that the first
    line of ``text`` is ``first_line`` of the file ``path``."""
    yaml = _yaml()
    try:
        # Parse once: the node tree serves the duplicate-key check and is then
        # constructed into data (parsing twice doubled the build's YAML time).
        node = yaml.compose(text)
        data = yaml.constructor.construct_document(node) if node is not None else None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else first_line
        # ruamel's token names mean little to a trainer: say it in words.
        what = (error.problem or error.context or "invalid YAML").replace("'<stream end>'", "the end of the YAML")
        return None, [Problem(path, line, f"YAML syntax error: {what}", "check indentation, colons and quotes on this line and the one above")]
    except YAMLError as error:  # pragma: no cover - ruamel raises marked errors for syntax
        return None, [Problem(path, first_line, f"YAML error: {error}", "check the YAML syntax")]
    return data, _duplicate_keys(node, path, first_line)


def key_line(mapping: Any, key: str, first_line: int) -> int:
    """File line of ``key`` in a ruamel mapping (falls back to the mapping's own line)."""
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
