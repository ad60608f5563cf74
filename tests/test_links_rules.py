"""Rules MkDocs lacks (a link into _data/, a Markdown file that is not a page,
http:// to another site, "click here" and bare-URL link text), the settings
under extra.lms.links, and the pure pieces: resolving a link as a browser
does, finding its Markdown line, and reading srcset."""

from __future__ import annotations

import pytest

from coursesite.config import built_page as dest_path
from coursesite.config import read_site_config
from coursesite.links import rules
from coursesite.links.resolve import OUTSIDE, Resolver, Target, has_anchor, is_external
from coursesite.links.scan import Link, scan_html, srcset_urls
from coursesite.links.settings import LinkSettings, read_settings
from coursesite.links.sourcemap import SourceLinks
from support.sites import module_page

RULES_BODY = """\
The raw data is in [the readings file](../_data/readings.yml), and the notes in [the old notes](notes.md).

Read [the HBR article](http://hbr.org/2001/12/what-leaders-really-do) or [the archive](http://archive.example.net/x).

For the checklist, [click here](02-next.md). More at [https://example.org/guide](https://example.org/guide).

<p><a href="../02-next/" aria-label="The next module">here</a> is fine: its accessible name says where it goes.</p>
"""


@pytest.fixture
def rules_lines(site):
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome to [the introduction](modules/01-intro.md).\n")
    intro = site.module("01-intro.md", module_page(body=RULES_BODY))
    site.module("02-next.md", module_page("next", title="Next"))
    site.write("docs/_data/readings.yml", "{}\n")
    config = site.write_config()
    text = config.read_text(encoding="utf-8").replace(
        "extra:\n", "extra:\n  lms:\n    links:\n      http_only: [archive.example.net]\n", 1
    )
    config.write_text(text, encoding="utf-8")
    site.write_config = lambda nav=None: config  # keep the edited configuration for the check
    status, lines = site.check()
    return status, lines, intro


def _line(intro, needle: str) -> int:
    return next(n for n, text in enumerate(intro.read_text(encoding="utf-8").splitlines(), start=1) if needle in text)


def _reported(lines: list[str], intro, needle: str, start: str, containing: str = "") -> bool:
    """Whether the check printed a problem starting with ``start`` at the line of
    01-intro.md that holds ``needle`` (and containing ``containing``)."""
    where = f"docs/modules/01-intro.md:{_line(intro, needle)}: "
    return any(text.startswith(where + start) and containing in text for text in lines)


def test_a_link_into_data_is_an_error(rules_lines):
    status, lines, intro = rules_lines
    assert status == 1
    message = "link \"the readings file\" to '../../_data/readings.yml' points into _data/, which is never published"
    assert _reported(lines, intro, "the readings file", message), lines


def test_a_markdown_file_that_is_not_a_page_is_an_error(rules_lines):
    _status, lines, intro = rules_lines
    message = "link \"the old notes\" to 'notes.md' names a Markdown file that is not a page"
    assert _reported(lines, intro, "the old notes", message), lines


def test_http_to_another_site_is_a_warning_unless_the_host_has_no_https(rules_lines):
    _status, lines, intro = rules_lines
    assert _reported(lines, intro, "the HBR article", 'warning: link "the HBR article" uses http://'), lines
    assert not any("archive.example.net" in text for text in lines), "hosts under http_only get no warning"


def test_vague_and_bare_url_link_text_are_warnings(rules_lines):
    _status, lines, intro = rules_lines
    vague, bare = 'warning: link "click here"', 'warning: link "https://example.org/guide"'
    assert _reported(lines, intro, "click here", vague, "does not say where the link goes"), lines
    assert _reported(lines, intro, "click here", bare, "bare URL"), lines
    assert not any("The next module" in text or 'link "here"' in text for text in lines), (
        "an aria-label that names the target is enough"
    )


def test_unknown_or_wrong_link_options_are_reported_at_their_line(tmp_path):
    (tmp_path / "docs").mkdir()  # MkDocs refuses a site without its docs folder
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_url: !ENV [NO_SUCH_VARIABLE_FOR_TEST, 'https://academy.example/course/']\nnav: []\n"
        "extra:\n  lms:\n    links:\n      acept: {}\n      timeout: fast\n      accept:\n        example.org: [999]\n        bad.example: yes\n      per_host: 3\n",
        encoding="utf-8",
    )
    settings = read_settings(read_site_config(config))
    found = {(p.line, p.message.split(" ")[0] + " " + p.message.split(" ")[1]) for p in settings.problems}
    assert {p.line for p in settings.problems} == {7, 8, 11}, settings.problems
    assert any("unknown option 'acept'" in p.message for p in settings.problems), found
    assert settings.prefix == "/course/" and settings.site_origin == "https://academy.example"
    assert settings.external.per_host == 3 and settings.external.accept["example.org"] == {999}
    assert settings.external.accept["linkedin.com"] == {999}, "LinkedIn's 999 is accepted by default"


# ------------------------------------------------------------------ pure pieces


def resolver(files=(), site_url="https://academy.example/course/") -> Resolver:
    return Resolver(
        set(files),
        LinkSettings(site_url=site_url, prefix="/" + site_url.split("/", 3)[3] if site_url.count("/") > 2 else "/"),
    )


@pytest.mark.parametrize(
    "page, url, expected",
    [
        ("modules/01-x/index.html", "../02-y/", Target("modules/02-y", "")),
        ("modules/01-x/index.html", "../02-y/#part-2", Target("modules/02-y", "part-2")),
        ("modules/01-x/index.html", "#here", Target("modules/01-x/index.html", "here")),
        ("modules/01-x/index.html", "", Target("modules/01-x/index.html", "")),
        ("index.html", "img/a%20b.png?v=2", Target("img/a b.png", "")),
        ("404.html", "/course/assets/x.css", Target("assets/x.css", "")),
        ("404.html", "/course", Target("", "")),
        ("404.html", "/other/x.css", Target(OUTSIDE, "")),
        ("index.html", "../../etc/passwd", Target(OUTSIDE, "")),
        ("modules/01-x/index.html", "https://academy.example/course/modules/01-x/", Target("modules/01-x", "")),
        ("index.html", "https://academy.example.org/course/", None),
        ("index.html", "https://example.org/", None),
        ("index.html", "//cdn.example.org/x.js", None),
        ("index.html", "mailto:a@example.org", None),
        ("index.html", "tel:+44", None),
        ("index.html", "javascript:void(0)", None),
        ("index.html", "data:image/png;base64,AAAA", None),
    ],
)
def test_links_resolve_as_a_browser_would(page, url, expected):
    assert resolver().resolve(page, url) == expected


def test_a_directory_is_reached_through_its_index():
    r = resolver({"modules/02-y/index.html", "assets/x.css"})
    assert r.existing_file(Target("modules/02-y", "")) == "modules/02-y/index.html"
    assert r.existing_file(Target("assets/x.css", "")) == "assets/x.css"
    assert r.existing_file(Target("modules/03-z", "")) is None


def test_anchors_match_ids_names_top_and_text_fragments():
    page = scan_html("p.html", '<h2 id="café">x</h2><a name="old"></a><p id="a b">y</p><meta name="viewport">')
    assert page.ids == {"café", "old", "a b"}
    for fragment in ("café", "caf%C3%A9", "old", "a%20b", "", "top", "TOP", ":~:text=y"):
        assert has_anchor(page.ids, fragment), fragment
    assert not has_anchor(page.ids, "viewport")


def test_scan_collects_every_link_attribute_with_its_text():
    page = scan_html(
        "p.html",
        '<a href="a/">Go <em>there</em></a><img src="i.png" alt="Chart"><picture><source srcset="s1.png 1x, s2.png 2x"></picture>'
        '<a href="b/"><img src="b.png" alt="Logo"></a><link rel="stylesheet" href="x.css"><script src="x.js"></script>',
    )
    assert [(link.url, link.tag, link.text) for link in page.links] == [
        ("a/", "a", "Go there"),
        ("i.png", "img", "Chart"),
        ("s1.png", "source", ""),
        ("s2.png", "source", ""),
        ("b/", "a", "Logo"),
        ("b.png", "img", "Logo"),
        ("x.css", "link", ""),
        ("x.js", "script", ""),
    ]


def test_srcset_and_destination_paths():
    assert srcset_urls("a.png 1x, b.png 2x,c.png") == ["a.png", "b.png", "c.png"]
    assert dest_path("modules/01-x.md") == "modules/01-x/index.html"
    assert dest_path("index.md") == "index.html" and dest_path("guide/README.md") == "guide/index.html"
    assert dest_path("modules/01-x.md", use_directory_urls=False) == "modules/01-x.html"


def test_markdown_links_are_found_at_their_line():
    text = '---\ntitle: x\n---\n\nSee [a](02-y.md#part).\n\n[ref]: ../img/a.png\n\n<a href="../x/?a=1&amp;b=2">x</a>\n'
    links = SourceLinks(text, "modules/01-x.md", True)
    assert links.resolved[("modules/02-y/index.html", "part")] == [5]
    assert links.resolved[("img/a.png", "")] == [7]
    assert links.literal["../x/?a=1&b=2"] == [9]


@pytest.mark.parametrize(
    "text, label, expected",
    [
        ("click here", "", rules.VAGUE_TEXT),
        ("Read more…", "", rules.VAGUE_TEXT),
        ("here", "The next module", None),
        ("https://example.org", "", rules.BARE_URL),
        ("www.example.org/x", "", rules.BARE_URL),
        ("The GROW model", "", None),
    ],
)
def test_link_text_rules(text, label, expected):
    assert rules.text_problem(Link("x/", "a", text, label)) == expected


def test_a_bare_local_address_is_fine_as_link_text():
    assert rules.text_problem(Link("http://127.0.0.1:8000", "a", "http://127.0.0.1:8000")) is None


def test_plain_http_rule_spares_loopback_and_listed_hosts():
    assert rules.is_plain_http("http://hbr.org/x", ())
    assert not rules.is_plain_http("https://hbr.org/x", ())
    assert not rules.is_plain_http("http://127.0.0.1:8000/", ())
    assert not rules.is_plain_http("http://www.archive.example.net/", ("archive.example.net",))
    assert is_external("HTTP://x") and not is_external("modules/x/")
