"""A page whose only template code is cite() calls is rendered by the hook,
not compiled by the macros plugin (coursesite/readings/citeonly.py): the result must
be exactly Jinja's, on every page of the course and of a benchmark course,
and the course must build byte for byte the same both ways."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import pytest
from mkdocs.utils.meta import get_data

from coursesite.readings import citeonly
from coursesite.sitebuild import build_into
from support.sites import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def fake_cite(*keys) -> str:
    return "(" + "; ".join(f"[{key}](../readings.md#{key})" for key in keys) + ")"


def jinja(markdown: str) -> str:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals["cite"] = fake_cite
    return env.from_string(markdown).render()


def ours(markdown: str) -> str | None:
    return citeonly.render(markdown, lambda keys: fake_cite(*keys))


@pytest.mark.parametrize(
    "text",
    [
        'Pay people fairly {{ cite("pink-2009") }}.\n',
        "Two at once {{cite('a', 'b')}} and {{  cite( \"c\" ,'d' )  }}\n\n",
        'No newline at the end {{ cite("a") }}',
        '{{ cite("a") }}\n{{ cite("b") }}\n',
        "cite() with nothing {{ cite() }}.\n",
        "Braces alone } and { and }} stay as they are {{ cite('a') }}\n",
    ],
)
def test_citation_only_pages_get_exactly_what_jinja_gives(text):
    assert ours(text) == jinja(text)


@pytest.mark.parametrize(
    "text",
    [
        '{{ cite("a") }} and {{ syllabus() }}',
        "{{ cite(key) }}",
        '{{- cite("a") }}',
        '{{ cite("a") -}}',
        '{{ cite("a") }} {# a comment #}',
        '{% raw %}{{ cite("a") }}{% endraw %}',
        '{{ cite("a" ~ "b") }}',
        '{{ cite("a\\"b") }}',
        '{{ cite("a") | upper }}',
        '{{ cite("a", ) }}',
    ],
)
def test_any_other_template_code_leaves_the_page_to_the_macros_plugin(text):
    assert ours(text) is None


def test_an_environment_with_other_delimiters_is_not_read_as_jinja_defaults():
    assert citeonly.uses_jinja_defaults(jinja2.Environment())
    assert not citeonly.uses_jinja_defaults(jinja2.Environment(variable_start_string="[[", variable_end_string="]]"))
    assert not citeonly.uses_jinja_defaults(jinja2.Environment(keep_trailing_newline=True))
    assert not citeonly.uses_jinja_defaults(jinja2.Environment(line_statement_prefix="#"))


def _pages(docs: Path):
    for path in sorted(docs.rglob("*.md")):
        if "_data" not in path.parts:
            yield path, get_data(path.read_text(encoding="utf-8"))[0]


@pytest.fixture(scope="module")
def bench_course(tmp_path_factory):
    return Path(generate(tmp_path_factory.mktemp("bench") / "course", 12)["root"])


@pytest.mark.parametrize("where", ["course", "bench course"])
def test_every_page_it_renders_comes_out_as_jinja_renders_it(where, bench_course):
    docs = ROOT / "docs" if where == "course" else bench_course / "docs"
    rendered = 0
    for path, body in _pages(docs):
        fast = ours(body)
        if fast is not None:
            assert fast == jinja(body), path
            rendered += "cite(" in body
    assert rendered >= 10, f"only {rendered} pages with citations took the fast way"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_course_builds_the_same_with_and_without_it(tmp_path, monkeypatch):
    assert build_into(ROOT / "mkdocs.yml", tmp_path / "fast") == []
    monkeypatch.setattr(citeonly, "render", lambda markdown, cite: None)
    assert build_into(ROOT / "mkdocs.yml", tmp_path / "jinja") == []
    assert _files(tmp_path / "fast") == _files(tmp_path / "jinja")
