"""The internal link check on tiny built sites.

Each kind of broken link is planted in a real site built with the real
configuration, hooks and theme: missing page, missing anchor, bad image, a
link in a quiz's feedback, in raw HTML, in a generated page (the glossary,
written from data) and in the theme's 404 page. Every one must be reported at
once, as ``docs/<file>:<line>: ... "<link text>" ... '<target>' ...``, and the
strict build must fail; a clean site must report nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from coursesite.course_loader import load_course
from coursesite.links import check_site
from support.sites import ROOT, SiteFactory, module_page

QUIZ = """\
## Check your understanding

/// quiz | What do you do first?
    id: intro-first
    objective: [1, 2, 3]

- [x] Listen
    > Right: see [the listening part](02-next.md#listening-missing).
- [ ] Plan
    > Not yet: planning comes after listening.

Leaders listen first.
///
"""

BROKEN_BODY = f"""\
Start with [a missing page](missing-page.md) and [a bad anchor](02-next.md#no-such-part).

![Team diagram](img/team.png)

<div class="note" markdown="0"><a href="../03-later/">raw missing page</a>, <a href="../02-next/#nowhere">raw anchor</a> and <img src="../../img/raw.png" alt="Raw picture"></div>

{QUIZ}"""

GLOSSARY_PAGE = "---\ntitle: Glossary\n---\n\n# Glossary\n\n{{ glossary_terms() }}\n"
NAV = [{"Home": "index.md"}, {"Course": ["modules/01-intro.md", "modules/02-next.md"]}, {"Glossary": "glossary.md"}]


def write_two_modules_and_glossary(site, intro_body: str, glossary_link: str):
    """A home page, two modules (the first with ``intro_body``) and a glossary whose
    one definition links with ``glossary_link``; returns the first module's file."""
    site.write(
        "docs/index.md", "---\ntitle: Home\n---\n\nWelcome. Start with [the introduction](modules/01-intro.md).\n"
    )
    intro = site.module("01-intro.md", module_page(body=intro_body))
    site.module("02-next.md", module_page("next", title="Next", body="## Listening\n\nText.\n"))
    site.write("docs/glossary.md", GLOSSARY_PAGE)
    site.write(
        "docs/_data/glossary/intro.yml", f"- term: GROW\n  definition: Goal, Reality, Options, Will; {glossary_link}\n"
    )
    return intro


def with_site_url(site: SiteFactory, site_url: str) -> SiteFactory:
    """Build ``site`` as if published at ``site_url`` (the factory uses http://127.0.0.1/)."""
    write_config = site.write_config

    def patched(nav=None):
        path = write_config(nav)
        path.write_text(
            path.read_text(encoding="utf-8").replace("site_url: http://127.0.0.1/", f"site_url: {site_url}"),
            encoding="utf-8",
        )
        return path

    site.write_config = patched
    return site


def own_overrides(site: SiteFactory) -> Path:
    """Give the site its own copy of the theme overrides, to plant a 404 template."""
    os.unlink(site.root / "overrides")
    shutil.copytree(ROOT / "overrides", site.root / "overrides")
    return site.root / "overrides"


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line)


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """One site with every kind of broken internal link, built strictly once."""
    site = SiteFactory(tmp_path_factory.mktemp("broken") / "course")
    intro = write_two_modules_and_glossary(site, BROKEN_BODY, "[see the model](../nowhere-generated/)")
    result = site.build("--strict", nav=NAV)
    return site, intro, result


EXPECTED = {
    # name: (file, text on the Markdown line, what the message must contain)
    "missing page": (
        "docs/modules/01-intro.md",
        "[a missing page]",
        "link \"a missing page\" to 'missing-page.md' names a Markdown file that is not a page of the site",
    ),
    "missing anchor": (
        "docs/modules/01-intro.md",
        "[a bad anchor]",
        "link \"a bad anchor\" to '../02-next/#no-such-part': modules/02-next/ has no anchor #no-such-part",
    ),
    "bad image": (
        "docs/modules/01-intro.md",
        "![Team diagram]",
        "image \"Team diagram\" to 'img/team.png' leads nowhere: nothing is published at /modules/01-intro/img/team.png",
    ),
    "raw HTML page": (
        "docs/modules/01-intro.md",
        "raw missing page",
        "link \"raw missing page\" to '../03-later/' leads nowhere: nothing is published at /modules/03-later",
    ),
    "raw HTML anchor": (
        "docs/modules/01-intro.md",
        "raw anchor",
        "link \"raw anchor\" to '../02-next/#nowhere': modules/02-next/ has no anchor #nowhere",
    ),
    "raw HTML image": (
        "docs/modules/01-intro.md",
        "Raw picture",
        "image \"Raw picture\" to '../../img/raw.png' leads nowhere: nothing is published at /img/raw.png",
    ),
    "quiz feedback": (
        "docs/modules/01-intro.md",
        "the listening part",
        "link \"the listening part\" to '../02-next/#listening-missing': modules/02-next/ has no anchor #listening-missing",
    ),
    "generated page": (
        "docs/glossary.md",
        "{{ glossary_terms() }}",
        "link \"see the model\" to '../nowhere-generated/' leads nowhere",
    ),
}


def test_the_strict_build_fails_on_broken_links(broken):
    _site, _intro, result = broken
    assert result.returncode == 1
    assert "problem(s) found" in result.output


@pytest.mark.parametrize("kind", EXPECTED)
def test_each_broken_link_is_reported_at_its_markdown_line(broken, kind):
    site, _intro, result = broken
    file, needle, says = EXPECTED[kind]
    line = line_of(site.root / file, needle)
    reported = [text for text in result.lines() if f"{file}:{line}: " in text and says in text]
    assert reported, f"expected {file}:{line}: ...{says}... in:\n{result.output}"


def test_every_problem_is_reported_in_one_run(broken):
    _site, _intro, result = broken
    ours = [text for text in result.lines() if text.startswith("ERROR") and ("link" in text or "image" in text)]
    assert len(ours) == len(EXPECTED), "\n".join(ours)


def test_a_quiz_feedback_link_gets_a_suggestion(broken):
    _site, _intro, result = broken
    assert any("#listening-missing" in text and "(did you mean #listening?)" in text for text in result.lines())


def test_a_generated_link_says_where_it_comes_from(broken):
    _site, _intro, result = broken
    [line] = [text for text in result.lines() if "see the model" in text]
    assert "it comes from generated content (a macro or the build)" in line


def test_course_check_reports_the_same_link_problems(broken):
    site, _intro, _result = broken
    status, lines = site.check(
        nav=[
            {"Home": "index.md"},
            {"Course": ["modules/01-intro.md", "modules/02-next.md"]},
            {"Glossary": "glossary.md"},
        ]
    )
    assert status == 1
    for file, needle, says in EXPECTED.values():
        line = line_of(site.root / file, needle)
        assert any(text.startswith(f"{file}:{line}: ") and says in text for text in lines), (file, says, lines)


CLEAN_BODY = """\
See [the next module](02-next.md), [its listening part](02-next.md#listening) and [below](#our-part).
Back to <a href="#top">the top</a>, or <a href="#:~:text=Some">a phrase</a>.

![Team diagram](../img/team.svg)

<p><a href="../02-next/#listening">raw link</a>, <a name="legacy-anchor"></a><a href="#legacy-anchor">raw anchor</a>,
<img src="../../img/team.svg" srcset="../../img/team.svg 1x, ../../img/team.svg 2x" alt="Team">,
<a href="mailto:trainer@example.org">write to the trainer</a>, <a href="tel:+441234567">call the trainer</a>,
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="pixel">, <a href="/course/modules/02-next/">site-absolute link</a>,
<a href="http://127.0.0.1:8000/">the local preview</a>, and <a href="https://example.org/guide">the outside guide</a>.</p>

## Our part

Text.
"""


def test_a_clean_site_reports_nothing(site):
    """Every kind of good link, on a site published under a path (/course/)."""
    with_site_url(site, "http://127.0.0.1/course/")
    site.write("docs/img/team.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n')
    write_two_modules_and_glossary(site, CLEAN_BODY, "[see the next module](modules/02-next.md)")
    result = site.build("--strict", nav=NAV)
    assert result.returncode == 0, result.output
    assert "/course/assets/" in result.page("404.html"), "the theme's 404 page uses site-absolute links"
    course = load_course(site.root / "mkdocs.yml")
    assert check_site(course, result.site_dir) == []


def test_the_404_page_links_resolve_under_the_site_path(site):
    """Site-absolute links are checked, not skipped: good ones pass, bad ones are reported."""
    with_site_url(site, "https://academy.example/course/")
    (own_overrides(site) / "404.html").write_text(
        '{% extends "main.html" %}\n{% block content %}<h1>Not found</h1>\n'
        '<p><a href="/course/modules/01-intro/">the introduction</a>, <a href="/course/nowhere/">a lost page</a>, '
        '<a href="/elsewhere/">another site</a>, <a href="/course/modules/01-intro/#gone">a lost part</a></p>{% endblock %}\n',
        encoding="utf-8",
    )
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome to [the introduction](modules/01-intro.md).\n")
    site.module("01-intro.md", module_page())
    status, lines = site.check()
    ours = [text for text in lines if text.startswith("overrides/404.html")]
    assert status == 1
    assert len(ours) == 3, lines
    assert any(
        "\"a lost page\" to '/course/nowhere/' leads nowhere: nothing is published at /course/nowhere" in text
        for text in ours
    )
    assert any(
        "\"another site\" to '/elsewhere/' leaves the published site, which lives under /course/" in text
        for text in ours
    )
    assert any('"a lost part"' in text and "has no anchor #gone" in text for text in ours)
    assert all("the link comes from the theme" in text for text in ours)


def test_a_link_the_theme_repeats_on_every_page_is_reported_once(site):
    overrides = own_overrides(site)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}<a href="{{ base_url }}/news/">course news</a>{% endblock %}\n',
        encoding="utf-8",
    )
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome to [the introduction](modules/01-intro.md).\n")
    site.module("01-intro.md", module_page())
    site.module("02-next.md", module_page("next", title="Next"))
    status, lines = site.check()
    news = [text for text in lines if "course news" in text]
    assert status == 1
    assert len(news) == 1, lines
    # index, 01-intro and 02-next; on the 404 page base_url is "/", so the link there is "//news/": another host
    assert "nothing is published at /news" in news[0] and "(and on 2 other pages)" in news[0]


def test_course_links_lists_only_link_problems(broken):
    import contextlib
    import io

    from coursesite import cli

    site, _intro, _result = broken
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = cli.main(["--config", str(site.root / "mkdocs.yml"), "links", "--format", "text"])
    lines = out.getvalue().splitlines()
    assert status == 1
    assert len(lines) == len(EXPECTED), lines
    assert not any("objective" in text or text.startswith("mkdocs") for text in lines)


def test_verbose_builds_still_fail_on_broken_anchors(site):
    """MkDocs bug #3991: with -v its own anchor check lets broken anchors pass; ours does not."""
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nSee [the missing part](modules/01-intro.md#no-such-part).\n")
    site.module("01-intro.md", module_page())
    result = site.build("--strict", "-v")
    assert result.returncode == 1
    assert (
        "docs/index.md:5: link \"the missing part\" to 'modules/01-intro/#no-such-part': modules/01-intro/ has no anchor #no-such-part"
        in result.output
    )
