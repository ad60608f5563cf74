"""Malformed and hostile input ends in ``path:line: message (hint)``, promptly,
never in a traceback or a build that does not end: in ``course check``
(with and without a build) and in the strict build alike."""

from __future__ import annotations

import re
import subprocess
import time

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursesite import modules, urls
from coursesite.links import addresses, lychee, rules, verdict
from coursesite.links.settings import ExternalSettings
from coursesite.readings import fields
from support.sites import MKDOCS, ROOT, SiteFactory, module_page

COURSE = MKDOCS.with_name("course")

ANCHORS = "YAML anchors and aliases are not allowed"
ANCHORS_HINT = "(course files have no need for anchors and aliases: write the value out)"


def bomb(indent: str = "") -> str:
    """A "billion laughs": 9 levels of 9 aliases, 9**9 values once expanded."""
    lines = [f'{indent}l0: &l0 "lol"']
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def front_matter(module_lines: str, extra: str = "") -> str:
    return (
        "---\ntitle: Introduction\ndescription: About.\n" + extra + "module:\n  id: intro\n  duration: 30\n"
        "  level: foundation\n  objectives: [Explain the idea, Choose a first step, Plan a conversation]\n"
        + module_lines
        + "---\n\nSome text.\n"
    )


def quiz(
    options: str = "    id: intro-first\n", feedback: str = "Because.", explanation: str = "Leaders listen."
) -> str:
    return (
        f"/// quiz | What comes first?\n{options}    objective: [1, 2, 3]\n\n"
        f"- [x] Listening\n    > {feedback}\n- [ ] Talking\n\n{explanation}\n///\n"
    )


READING = 'doe-2020:\n  kind: web\n  title: "A page"\n  authors: {authors}\n  year: 2020\n  url: {url}\n  effort: 10 minutes\n  level: foundation\n  note: Why.\n  modules: [intro]\n'


def _reading_file(site: SiteFactory, authors: str = '["Doe, Jane"]', url: str = "https://example.org/") -> None:
    site.module("01-intro.md", module_page("intro"))
    site.write("docs/_data/readings.yml", READING.format(authors=authors, url=url), dedent=False)


def _glossary(site: SiteFactory, content: bytes) -> None:
    site.module("01-intro.md", module_page("intro"))
    (site.docs / "_data" / "glossary").mkdir(parents=True)
    (site.docs / "_data" / "glossary" / "intro.yml").write_bytes(content)


# name -> (write the site, the first expected line, whether the source check alone finds it)
CASES = {
    "front matter: alias bomb": (
        lambda s: s.module("01-intro.md", front_matter("  key_points: *l9\n", extra=bomb())),
        f"docs/modules/01-intro.md:4: {ANCHORS} (found &l0) {ANCHORS_HINT}",
    ),
    "front matter: recursive alias": (
        lambda s: s.module("01-intro.md", front_matter("  key_points: &kp [A point, *kp]\n")),
        f"docs/modules/01-intro.md:9: {ANCHORS} (found &kp, *kp) {ANCHORS_HINT}",
    ),
    "readings.yml: recursive alias": (
        lambda s: _reading_file(s, authors="&a [Doe, *a]"),
        f"docs/_data/readings.yml:4: {ANCHORS} (found &a, *a) {ANCHORS_HINT}",
    ),
    "readings.yml: alias bomb": (
        lambda s: (
            _reading_file(s),
            (s.docs / "_data/readings.yml").write_text(
                bomb() + READING.format(authors="*l9", url="https://example.org/")
            ),
        ),
        f"docs/_data/readings.yml:1: {ANCHORS} (found &l0) {ANCHORS_HINT}",
    ),
    "glossary: alias bomb": (
        lambda s: _glossary(s, (bomb("  ").replace("  l0", "- l0", 1) + "- term: lol\n  definition: *l9\n").encode()),
        f"docs/_data/glossary/intro.yml:1: {ANCHORS} (found &l0) {ANCHORS_HINT}",
    ),
    "glossary: not UTF-8": (
        lambda s: _glossary(
            s, "- term: GROW\n  definition: A coaching model\n- term: Caf\xe9\n  definition: x\n".encode("latin-1")
        ),
        "docs/_data/glossary/intro.yml:3: file is not valid UTF-8 (save the file with UTF-8 encoding in your editor)",
    ),
    "quiz options: alias bomb": (
        lambda s: s.module(
            "01-intro.md",
            module_page("intro", body=quiz(options="    id: intro-first\n" + bomb("    ") + "    hint: *l9\n")),
        ),
        f"docs/modules/01-intro.md:14: quiz options: {ANCHORS} (found &l0) {ANCHORS_HINT}",
    ),
    "quiz options: recursive alias": (
        lambda s: s.module(
            "01-intro.md", module_page("intro", body=quiz(options="    id: intro-first\n    hint: &h [x, *h]\n"))
        ),
        f"docs/modules/01-intro.md:14: quiz options: {ANCHORS} (found &h, *h) {ANCHORS_HINT}",
    ),
    "reading url: malformed IPv6": (
        lambda s: _reading_file(s, url='"https://[::1/x"'),
        "docs/_data/readings.yml:6: url 'https://[::1/x' is not a well-formed address (copy the address again from the browser's address bar)",
    ),
    "page link: malformed address": (
        lambda s: s.module(
            "01-intro.md", module_page("intro", body="See [the notes](https://[::1/x) and `[code](https://[::1/y)`.\n")
        ),
        "docs/modules/01-intro.md:12: link address 'https://[::1/x' is not well-formed (copy the address again from the browser's address bar)",
    ),
    "quiz feedback: javascript link": (
        lambda s: s.module("01-intro.md", module_page("intro", body=quiz(feedback="See [why](javascript:alert(1))."))),
        "docs/modules/01-intro.md:17: unsafe link 'javascript:alert(1)' in a quiz: javascript: addresses are not allowed (link to an https:// page or a page of the course instead)",
    ),
    "quiz hint: vbscript link": (
        lambda s: s.module(
            "01-intro.md",
            module_page("intro", body=quiz(options="    id: intro-first\n    hint: Read [this](vbscript:msgbox)\n")),
        ),
        "docs/modules/01-intro.md:14: unsafe link 'vbscript:msgbox' in a quiz: vbscript: addresses are not allowed (link to an https:// page or a page of the course instead)",
    ),
    "quiz explanation: data image": (
        lambda s: s.module(
            "01-intro.md", module_page("intro", body=quiz(explanation="![chart](data:image/png;base64,iVBORw0KGgo=)"))
        ),
        "docs/modules/01-intro.md:20: unsafe link 'data:image/png;base64,iVBORw0KGgo=' in a quiz: data: addresses are not allowed (save the image or file beside the page and link to it instead)",
    ),
    "cite() of a number": (
        lambda s: s.module("01-intro.md", module_page("intro", body="First line.\n\nSee {{ cite(123) }}.\n")),
        'docs/modules/01-intro.md:14: cite() is given 123, not a reading id in quotes (write the id in quotes, e.g. {{ cite("pink-2009") }})',
    ),
    "quiz id of 101 characters": (
        lambda s: s.module("01-intro.md", module_page("intro", body=quiz(options=f"    id: {'q' * 101}\n"))),
        "docs/modules/01-intro.md:13: quiz id is 101 characters long; an id has at most 100 (learners' progress is stored under it) (shorten it before the quiz is published; a published id never changes)",
    ),
    "reading id of 101 characters": (
        lambda s: (
            _reading_file(s),
            (s.docs / "_data/readings.yml").write_text(
                READING.format(authors='["Doe, Jane"]', url="https://example.org/").replace("doe-2020", "d" * 101)
            ),
        ),
        "docs/_data/readings.yml:1: reading id is 101 characters long; an id has at most 100 (learners' progress is stored under it) (shorten it, e.g. pink-2009)",
    ),
    "module id of 101 characters": (
        lambda s: s.module("01-intro.md", module_page("m" * 101)),
        "docs/modules/01-intro.md:5: 'id' is 101 characters long; an id has at most 100 (learners' progress is stored under it)",
    ),
}


def _assert_reported(output: str, expected: str) -> None:
    assert "Traceback" not in output, output
    assert expected in output, output


def course_check(site: SiteFactory, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """``course check`` as a trainer runs it; the timeout guards against a check that never ends."""
    site.write_config()
    command = [str(COURSE), "check", "--format", "text", *args]
    return subprocess.run(command, cwd=site.root, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("name", list(CASES))
def test_source_check_reports_at_the_line(site, name):
    write, expected = CASES[name]
    write(site)
    result = course_check(site, "--no-build")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert any(line.startswith(expected) for line in result.stdout.splitlines()), result.stdout


@pytest.mark.parametrize("name", list(CASES))
def test_strict_build_and_check_report_at_the_line(site, name):
    write, expected = CASES[name]
    write(site)
    started = time.monotonic()
    result = site.build("--strict")  # a 5-minute subprocess timeout guards against a build that never ends
    assert result.returncode == 1
    _assert_reported(result.output, expected)
    status, lines = site.check()
    assert status == 1
    assert any(line.startswith(expected) for line in lines), lines
    assert time.monotonic() - started < 60, "an alias bomb or a recursive alias must be refused, not expanded"


def test_alias_bomb_is_refused_before_expansion(site):
    CASES["front matter: alias bomb"][0](site)
    result = course_check(site, "--no-build", timeout=5)  # refused at once; expanded, it runs for a minute
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(re.findall(ANCHORS, result.stdout)) == 11  # the anchor and alias lines, each once


def test_malformed_site_url_is_a_problem_at_its_line(site):
    site.module("01-intro.md", module_page("intro"))
    site.site_url = "https://[::1/x"
    expected = "mkdocs.yml:8: site_url 'https://[::1/x' is not a well-formed address (copy the address again from the browser's address bar)"
    assert site.check("--no-build") == (1, [expected])
    status, lines = site.check()
    assert status == 1 and expected in lines


def test_script_link_the_check_cannot_see_renders_as_text(site):
    """A reference defined outside the quiz is not quiz text; the quiz still never links to it."""
    body = "[js]: javascript:alert(1)\n[img]: data:image/png;base64,iVBORw0KGgo=\n\n" + quiz(
        feedback="See [why][js] and ![chart][img]."
    )
    site.module("01-intro.md", module_page("intro", body=body))
    result = site.build("--strict")
    assert result.returncode == 0 and "Traceback" not in result.output, result.output
    page = result.page("modules/01-intro/index.html")
    assert "See <span>why</span> and <span>chart</span>." in page
    assert "javascript:" not in page and "data:image" not in page


def test_renderer_alone_drops_script_addresses():
    html = markdown.Markdown(extensions=["coursesite.quiz"]).convert(
        "[x]: JavaScript:alert(1)\n\n" + quiz(feedback="A [link][x].")
    )
    assert "A <span>link</span>." in html and "script:" not in html


def test_link_with_malformed_address_renders_as_text():
    html = markdown.Markdown(extensions=["coursesite.safelinks"]).convert(
        "[notes](https://[::1/x) ![chart](//[x/c.png) [ok](https://example.org/)"
    )
    assert html == '<p><span>notes</span> <span>chart</span> <a href="https://example.org/">ok</a></p>'


def test_browser_and_build_agree_on_the_longest_id():
    store = (ROOT / "docs/assets/lms/store.js").read_text(encoding="utf-8")
    assert re.search(r"export const MAX_ID_LENGTH = (\d+);", store)[1] == str(modules.MAX_ID_LENGTH)
    scripts = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs/assets/lms").rglob("*.js"))
    assert "[a-z0-9-]{1," not in scripts.replace("[a-z0-9-]{1,${MAX_ID_LENGTH}}", ""), (
        "ids are checked with store.js isIdString"
    )


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
URL_LIKE = st.builds(
    lambda scheme, rest: scheme + rest, st.sampled_from(["https://", "http://", "https://[", "//", ""]), ANY_TEXT
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(ANY_TEXT, URL_LIKE))
def test_no_string_breaks_a_url_check(url):
    fields.url(url)  # a reading's url: a problem, never an exception
    urls.host_of(url)
    urls.unsafe_scheme(url)
    addresses.page_problems(f"[link]({url}) ![image]({url})\n[ref]: {url}\n", "docs/p.md")
    rules.is_plain_http(url, ("example.org",))
    verdict._accepted(url, 999, ExternalSettings())
    lychee.error_kind(url)  # lychee's words about a failure: any text


def test_serve_keeps_running_and_names_the_line(site):
    from test_serve import preview_output

    site.module("01-intro.md", front_matter("  key_points: &kp [A point, *kp]\n"))
    site.module("02-next.md", module_page("next", title="Next", body="Still previewed.\n"))
    output = preview_output(site, "/modules/02-next/", "Still previewed.")
    assert f"docs/modules/01-intro.md:9: {ANCHORS} (found &kp, *kp) {ANCHORS_HINT}" in output
    assert "Traceback" not in output
