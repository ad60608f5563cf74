"""The checks of a built site (links, quiz and task leftovers, figures) all
read the pages from one parse of each: a broken anchor, a raw task-list key
and a figure without caption are each reported, while every built page is
parsed exactly once."""

from __future__ import annotations

from coursesite import all_checks, builtsite, pagehtml
from coursesite.course_loader import load_course
from coursesite.links import scan
from support.sites import SiteFactory, module_page

SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
INTRO = "Text.\n\nRead [the listening part](02-next.md#no-such-part) first.\n\n![A black square](../assets/figures/square.svg)\n"


def test_every_built_site_check_reads_one_parse_of_each_page(site: SiteFactory, monkeypatch):
    site.module("01-intro.md", module_page("intro", body=INTRO))
    site.module("02-next.md", module_page("next", title="Next", body="## Listening\n\nText.\n"))
    site.write("docs/assets/figures/square.svg", SQUARE, dedent=False)
    site.write("docs/notes.md", "# Notes\n\nTo do:\n\n- [ ] Book the room\n", dedent=False)
    result = site.build()
    course = load_course(site.root / "mkdocs.yml")
    parsed: list[str] = []
    for module in (builtsite, pagehtml, scan):  # every place that parses a page
        real = module.LexborHTMLParser
        monkeypatch.setattr(module, "LexborHTMLParser", lambda html, real=real: parsed.append(html) or real(html))

    problems = [str(problem) for problem in all_checks.check_built_site(course, result.site_dir)]

    assert len(parsed) == len(list(result.site_dir.rglob("*.html")))
    assert any("01-intro.md" in p and "#no-such-part" in p for p in problems), problems
    assert any(p.startswith("docs/notes.md:5: the built page shows a raw task-list key '[ ]'") for p in problems)
    assert any("figure 'square.svg' has no caption" in p for p in problems), problems
