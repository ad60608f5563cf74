"""Every Markdown example in the trainer guide is built, so the guide cannot
drift from the code: whole-file examples build clean unless the guide shows
the expected ``course check`` output, which must then match exactly."""

from __future__ import annotations

import pytest

from support.guide import examples
from support.sites import ROOT, module_page

GUIDE = ROOT / "docs" / "guide"
EXAMPLES = [example for page in sorted(GUIDE.glob("*.md")) for example in examples(page, ROOT)]


def test_the_guide_has_examples():
    assert len(EXAMPLES) >= 11
    assert sum(1 for e in EXAMPLES if e.expected) >= 10, "every front-matter rule has an example with its message"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_guide_example_builds_as_documented(site, example):
    files = dict(example.files)
    if example.snippet is not None:
        files["docs/modules/01-example.md"] = module_page("example", title="Example", body=example.snippet)
    if not any(path.startswith("docs/modules/") for path in files):
        files["docs/modules/01-example.md"] = module_page("example", title="Example")
    files.setdefault("docs/index.md", "# Course home\n")  # every course has a home page
    for path, text in sorted(files.items()):
        if path.startswith("docs/modules/"):
            site.module(path.removeprefix("docs/modules/"), text)
        else:
            site.write(path, text, dedent=False)
    status, lines = site.check()
    if example.expected is None:
        assert (status, lines) == (0, []), f"guide example at {example.name} should build clean"
    else:
        assert lines == example.expected, f"guide example at {example.name} documents different output"
        assert status == 1
