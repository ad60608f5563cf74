"""Author text never becomes live script.

A course carries script payloads in every field a trainer writes: module
titles, descriptions, objectives and key points, glossary terms and
definitions, reading fields. The constructs metadata text may not contain
are reported at their lines (coursesite/inline.py); the site that the preview
would show anyway is loaded in Chromium, every link and control clicked,
and no payload may run. Every built page of that course and of the real
one is also scanned for event-handler attributes, script URLs and
malformed meta tags.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from coursesite.sitebuild import build_into
from support.server import StaticServer
from support.sites import ROOT, SiteFactory

# (payload, refused in text fields, refused in a title): a refused construct is
# reported at its line; the rest (literal text) builds without a word.
PAYLOADS = [
    ('"><svg onload=alert(1)>', True, True),
    ("<img src=x onerror=alert(1)>", True, True),
    ("*w*{: onmouseover=alert(1) }", True, True),
    ("![i](https://example.org/x.png){: onerror=alert(1) }", True, True),
    ("[c](javascript:alert(1))", True, True),
    ("[c](JaVaScRiPt:alert(1))", True, True),
    ("[c](<java\tscript:alert(1)>)", True, True),
    ("[c](javascript&#58;alert(1)) [d](&#106;avascript:alert(1))", True, True),
    ("[c](vbscript:msgbox(1))", True, True),
    ("[c](data:text/html,<script>alert(1)</script>)", True, True),
    ("<script>alert(1)</script>", True, True),
    ("&lt;img src=x onerror=alert(1)&gt;", False, True),  # shows as typed; a title refuses entities
    ("{{ 7*7 }}", False, False),
    ("Use *GROW*, **ask** `a<b` and [the guide](https://example.org/grow)", False, True),
]
ATTRIBUTE_NAME = re.compile(r"^[A-Za-z_:][-A-Za-z0-9_:.]*$")
# Lines of the module page written by _module_page.
TITLE, DESCRIPTION, OBJECTIVE, KEY_POINT = 2, 3, 9, 13
PAGES = {
    "index.md": "---\ntitle: Home\n---\n\n# Home\n\n{{ course_home() }}\n",
    "syllabus.md": "---\ntitle: Syllabus\n---\n\n# Syllabus\n\n{{ syllabus() }}\n",
    "key-points.md": "---\ntitle: Key points\n---\n\n# Key points\n\n{{ key_points() }}\n",
    "glossary.md": "---\ntitle: Glossary\n---\n\n# Glossary\n\n{{ glossary_terms() }}\n",
    "readings.md": "---\ntitle: Reading list\n---\n\n# Reading list\n\n{{ reading_list() }}\n",
}


def _module_page(number: int, payload: str) -> str:
    quoted = json.dumps  # a JSON string is a YAML double-quoted scalar
    lines = [
        "---",
        f"title: {quoted(f'Module {number} {payload}')}",
        f"description: {quoted(payload)}",
        "module:",
        f"  id: m{number}",
        "  duration: 10",
        "  level: foundation",
        "  objectives:",
        f"    - {quoted(f'Explain {payload}')}",
        "    - Choose a first step",
        "    - Plan a conversation",
        "  key_points:",
        f"    - {quoted(payload)}",
        f"  readings: [r{number}]",
    ]
    if number:
        lines.append(f"  prerequisites: [m{number - 1}]")
    return "\n".join(lines) + f"\n---\n\nThe WORD{number} matters.\n"


def _glossary(number: int, payload: str) -> str:
    # term at line 1, definition at line 2; a plain term whose meaning (the payload) is a tooltip
    quoted = json.dumps
    return (
        f"- term: {quoted(f'Term{number} {payload}')}\n  definition: {quoted(payload)}\n"
        f"- term: WORD{number}\n  definition: {quoted(payload)}\n"
    )


def _reading(number: int, payload: str) -> str:
    quoted = json.dumps
    return (
        f"r{number}:\n  kind: report\n  title: {quoted(payload)}\n  authors: [{quoted('Doe, ' + payload)}]\n"
        f"  year: 2020\n  publisher: {quoted(payload)}\n  url: https://example.org/r{number}\n"
        f"  effort: 30 minutes\n  level: foundation\n  note: {quoted(payload)}\n  modules: [m{number}]\n"
    )


def _expected_problem_lines() -> set[tuple[str, int]]:
    expected = set()
    for number, (_payload, in_text, in_title) in enumerate(PAYLOADS):
        page, glossary = f"docs/modules/{number:02d}.md", f"docs/_data/glossary/m{number}.yml"
        if in_title:
            expected.add((page, TITLE))
        if in_text:
            expected |= {
                (page, DESCRIPTION),
                (page, OBJECTIVE),
                (page, KEY_POINT),
                (glossary, 1),
                (glossary, 2),
                (glossary, 4),
            }
    return expected


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, list]:
    """The hostile course, built as the check command builds (problems collected, pages written)."""
    site = SiteFactory(tmp_path_factory.mktemp("hostile") / "course")
    for name, text in PAGES.items():
        site.write(f"docs/{name}", text, dedent=False)
    for name in ("dashboard.md", "certificate.md"):
        shutil.copy(ROOT / "docs" / name, site.docs / name)
    for number, (payload, *_rest) in enumerate(PAYLOADS):
        site.module(f"{number:02d}.md", _module_page(number, payload))
        site.write(f"docs/_data/glossary/m{number}.yml", _glossary(number, payload), dedent=False)
    site.write("docs/_data/readings.yml", "".join(_reading(n, p) for n, (p, *_r) in enumerate(PAYLOADS)), dedent=False)
    pages = [{name.removesuffix(".md").title(): name} for name in [*list(PAGES)[1:], "dashboard.md", "certificate.md"]]
    config = site.write_config([{"Home": "index.md"}, {"Course": list(site.nav)}, *pages])
    problems = build_into(config, site.root / "site", strict=False)
    return site.root / "site", problems


def test_refused_constructs_are_reported_at_their_lines(hostile_site):
    _site, problems = hostile_site
    found = {(p.path, p.line) for p in problems if p.is_error}
    assert found == _expected_problem_lines(), "\n".join(map(str, problems))
    description = next(p for p in problems if p.path == "docs/modules/02.md" and p.line == DESCRIPTION)
    assert str(description) == (
        "docs/modules/02.md:3: description contains an attribute list {: ... }, which shows as typed "
        "(metadata fields take plain text with *emphasis*, **strong**, `code` and [links](https://...) only)"
    )
    link = next(p for p in problems if p.path == "docs/modules/04.md" and p.line == OBJECTIVE)
    assert link.message == "objective contains a link to 'javascript:alert(1)', which shows as typed"


def test_allowed_inline_markdown_still_renders(hostile_site):
    site_dir, _problems = hostile_site
    number = next(n for n, (payload, *_rest) in enumerate(PAYLOADS) if payload.startswith("Use *GROW*"))
    card = HTMLParser((site_dir / "index.html").read_text()).css(f'[data-lms-module="m{number}"]')[0]
    assert "<em>GROW</em>" in card.html and "<strong>ask</strong>" in card.html and "<code>a&lt;b</code>" in card.html
    assert card.css_first('a[href="https://example.org/grow"]').text() == "the guide"


# A click on an http(s) link runs the link's handlers, but does not leave the page.
STAY = """addEventListener("click", event => {
  const link = event.target.closest && event.target.closest("a[href]");
  if (link && /^https?:$/.test(link.protocol)) event.preventDefault();
}, true);"""


class Visit:
    """One page at a time: every request leaving 127.0.0.1 is blocked and
    recorded; a click on a link to a page runs what the link would run (its
    handlers) but stays, and loading another page is blocked all the same."""

    def __init__(self, context) -> None:
        self.path, self.foreign = "", []
        context.route("**/*", self._route)
        context.add_init_script(STAY)

    def _route(self, route) -> None:
        parts = urlsplit(route.request.url)
        if parts.hostname != "127.0.0.1":
            self.foreign.append(route.request.url)
            route.abort()
        elif parts.path != self.path and parts.path.endswith(("/", ".html")):
            route.abort()  # another page: visited on its own
        else:
            route.continue_()

    def go(self, page, url: str) -> None:
        """Go to ``url``, even when the blocked navigation of a click interrupts the first try."""
        self.path = urlsplit(url).path
        for _attempt in range(3):
            try:
                page.goto(url)
                return
            except PlaywrightError:
                page.wait_for_load_state()
        page.goto(url)


def _click_everything(visit: Visit, page, url: str, everything: bool) -> None:
    """Hover every abbreviation and click every control and link (those to
    other sites excepted) of ``url``: only the page's content unless ``everything``."""
    visit.go(page, url)
    scope = "" if everything else ".md-content "
    selector = ", ".join(
        f"{scope}{s}" for s in ("a[href]", "button", "summary", "input", "select", "label", "[tabindex]")
    )
    for abbr in page.query_selector_all(f"{scope}abbr"):
        abbr.hover()
    controls = page.locator(selector)
    shown = controls.evaluate_all("all => all.map(e => [e.getClientRects().length > 0, e.getAttribute('href') || ''])")
    for index, (visible, href) in enumerate(shown):
        target = urlsplit(href)
        if not visible or (target.scheme in ("http", "https") and target.hostname != "127.0.0.1"):
            continue  # a link to another site: its request would be blocked anyway
        try:
            controls.nth(index).click(timeout=300, no_wait_after=True)
        except PlaywrightError:  # covered by another element: its click event still runs what it would
            try:
                controls.nth(index).dispatch_event("click", timeout=300)
            except PlaywrightError:
                continue  # gone with what the last click changed
        if urlsplit(page.url).path != visit.path:
            visit.go(page, url)
        page.keyboard.press("Escape")  # close a dialog or the search a click opened


def test_no_payload_runs_in_the_browser(hostile_site, browser):
    site_dir, _problems = hostile_site
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    dialogs = []
    with StaticServer(site_dir) as server:
        context = browser.new_context()
        visit = Visit(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for name in pages:
            _click_everything(
                visit, page, server.url + name.removesuffix("index.html"), everything=name == "index.html"
            )
        context.close()
    assert len(pages) > len(PAYLOADS) + 5
    assert dialogs == [] and visit.foreign == []


def test_a_glossary_tooltip_shows_the_meaning_as_typed(hostile_site, browser):
    """A term's meaning is text in its tooltip, markup and entities included, never HTML."""
    site_dir, _problems = hostile_site
    with StaticServer(site_dir) as server:
        page = browser.new_page()
        page.on("dialog", lambda dialog: pytest.fail(f"a payload ran: {dialog.message}"))
        for number, (payload, *_rest) in enumerate(PAYLOADS):
            page.goto(f"{server.url}modules/{number:02d}/")
            term = page.locator("article abbr", has_text=f"WORD{number}").first
            term.hover()
            tip = page.get_by_role("tooltip")
            expect(tip).to_be_visible()
            text, children = tip.evaluate("(tip) => [tip.textContent, tip.children.length]")
            assert (text, children) == (payload.replace("\t", " "), 0)  # a title's tab shows as a space
            page.mouse.move(1, 1)
            expect(tip).to_be_hidden()
        page.close()


def scripts_in(site_dir: Path) -> list[str]:
    """Event-handler attributes, script URLs, and tags with stray attributes (a quote in a value ended it early), page by
    page and in the search index (the theme shows its entries as HTML)."""
    found = []
    for file in sorted(site_dir.rglob("*.html")):
        found += _scripts_in_html(file.relative_to(site_dir).as_posix(), file.read_text(encoding="utf-8"))
    for entry in json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        found += _scripts_in_html(f"search index, {entry['location']}", entry["title"] + entry["text"])
    return found


def _scripts_in_html(where: str, text: str) -> list[str]:
    found = []
    for node in HTMLParser(text).css("*"):
        for name, value in node.attributes.items():
            if name.lower().startswith("on"):
                found.append(f"{where}: <{node.tag} {name}=...>")
            scheme = urlsplit(re.sub(r"[\x00-\x20]", "", value or "")).scheme.lower()
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and scheme in (
                "javascript",
                "vbscript",
                "data",
            ):
                found.append(f"{where}: <{node.tag} {name}={value!r}>")
        if node.tag == "meta" and set(node.attributes) - {
            "name",
            "content",
            "charset",
            "http-equiv",
            "property",
            "media",
        }:
            found.append(f"{where}: malformed {node.html}")
        elif any(not ATTRIBUTE_NAME.match(name) for name in node.attributes):
            found.append(f"{where}: malformed <{node.tag}> {list(node.attributes)}")
    return found


def _front_matter(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])


def _meta_description(site_dir: Path, page: str) -> str:
    return (
        HTMLParser((site_dir / page).read_text(encoding="utf-8"))
        .css_first('meta[name="description"]')
        .attributes["content"]
    )


def test_no_built_page_of_the_hostile_course_holds_script(hostile_site):
    site_dir, _problems = hostile_site
    assert scripts_in(site_dir) == []
    for number, (payload, *_rest) in enumerate(PAYLOADS):
        assert _meta_description(site_dir, f"modules/{number:02d}/index.html") == payload
        title = HTMLParser((site_dir / f"modules/{number:02d}/index.html").read_text()).css_first("title").text()
        # The page title carries the module's place in the course: "1. <title>".
        assert " ".join(title.split()).startswith(" ".join(f"{number + 1}. Module {number} {payload}".split())), title


def test_no_built_page_of_the_course_holds_script(built_course):
    assert scripts_in(built_course) == []
    for module in sorted((ROOT / "docs" / "modules").glob("*.md")):
        description = _front_matter(module)["description"]
        assert _meta_description(built_course, f"modules/{module.stem}/index.html") == description
