"""Extract the examples of the trainer guide so tests can build every one.

Convention (documented in docs/guide/index.md): a fenced block titled with a
``docs/...`` path is a whole file; consecutive file blocks form one example;
a ``text`` block titled ``course check`` right after an example is exactly
what the check must print for it. An untitled ``markdown`` block is a snippet,
built inside a valid module page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<attrs>.*)$")
TITLE = re.compile(r'title="([^"]*)"')
CHECK_TITLE = "course check"
MARKDOWN = {"markdown", "md"}


@dataclass
class Block:
    lang: str
    title: str
    text: str
    line: int  # where the block starts in the guide page


@dataclass
class Example:
    page: str
    line: int
    files: dict[str, str] = field(default_factory=dict)  # path -> text
    snippet: str | None = None
    expected: list[str] | None = None  # None: the example must build clean

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def fenced_blocks(text: str) -> list[Block | str]:
    """Blocks in order; headings are kept as strings because they end an example."""
    items: list[Block | str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if lines[index].startswith("#"):
            items.append(lines[index])
        if not match:
            index += 1
            continue
        fence, start = match["fence"], index
        end = next(
            (
                j
                for j in range(index + 1, len(lines))
                if lines[j].strip().startswith(fence[0] * len(fence)) and lines[j].strip().strip(fence[0]) == ""
            ),
            len(lines),
        )
        title = TITLE.search(match["attrs"])
        items.append(
            Block(
                match["lang"].lower(),
                title.group(1) if title else "",
                "\n".join(lines[start + 1 : end]) + "\n",
                start + 1,
            )
        )
        index = end + 1
    return items


def examples(page: Path, root: Path) -> list[Example]:
    found: list[Example] = []
    current: Example | None = None
    rel = page.relative_to(root).as_posix()
    for item in fenced_blocks(page.read_text(encoding="utf-8")):
        if isinstance(item, str):  # a heading ends the current example
            current = None
            continue
        if item.title.startswith("docs/"):
            if current is None or current.expected is not None or current.snippet is not None:
                current = Example(rel, item.line)
                found.append(current)
            current.files[item.title] = item.text
        elif item.title == CHECK_TITLE and current is not None:
            current.expected = [line for line in item.text.splitlines() if line.strip()]
        elif item.lang in MARKDOWN and not item.title:
            current = Example(rel, item.line, snippet=item.text)
            found.append(current)
        else:
            current = None if item.title != CHECK_TITLE else current
    return found


def build_guide_pages(site, pages: dict[str, str]):
    """The facilitator edition, built strict, of a home page, the modules already
    written and ``pages`` (path under docs/ -> text, listed under "Trainer guide"
    in this order); the test fails when the build does."""
    site.write("docs/index.md", "# Home\n")
    for path, text in pages.items():
        site.write(f"docs/{path}", text, dedent=False)
    site.edition = "facilitator"
    result = site.build(
        "--strict", nav=[{"Home": "index.md"}, {"Course": list(site.nav)}, {"Trainer guide": list(pages)}]
    )
    assert result.returncode == 0, result.output
    return result
