"""Each build has its own state: two builds in one process (the check command,
the SCORM packager and these tests all build in-process) share nothing, and a
build leaves no logger switched off behind it."""

from __future__ import annotations

import json
import logging

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from coursesite import state
from coursesite.sitebuild import build_into
from support.sites import SiteFactory, module_page

BROKEN_QUIZ = "/// quiz | Which?\n\n- [x] Only one choice\n///\n"


def _course_data(site_dir) -> dict:
    return json.loads((site_dir / "assets" / "lms" / "course.json").read_text(encoding="utf-8"))


def test_a_second_build_sees_nothing_of_the_first(tmp_path):
    first = SiteFactory(tmp_path / "first")
    first.module(
        "01-alpha.md", module_page("alpha", title="Alpha", body="An Alpha term. See [the plan](missing.md).\n")
    )
    first.write("docs/_data/glossary/alpha.yml", "- term: Alpha term\n  definition: Only in the first course.\n")
    second = SiteFactory(tmp_path / "second")
    second.module("01-beta.md", module_page("beta", title="Beta", body="An Alpha term, undefined here.\n"))

    problems = build_into(first.write_config(), tmp_path / "first-site", packaging=True, use_directory_urls=False)
    assert any("missing.md" in p.message for p in problems), problems
    first_build = state.current

    assert build_into(second.write_config(), tmp_path / "second-site") == []  # not the first build's problems
    assert state.current is not first_build and state.current.course.site.root == second.root
    assert not state.current.options.packaging
    assert [m["id"] for m in _course_data(tmp_path / "second-site")["modules"]] == ["beta"]
    first_page = HTMLParser((tmp_path / "first-site" / "modules" / "01-alpha.html").read_text(encoding="utf-8"))
    page = HTMLParser((tmp_path / "second-site" / "modules" / "01-beta" / "index.html").read_text(encoding="utf-8"))
    assert first_page.css_first("abbr") is not None and page.css_first("abbr") is None  # the first's glossary
    assert first_page.css_first("meta[name=lms-load]") is not None and page.css_first("meta[name=lms-load]") is None


def test_the_quiz_logger_stays_on_after_a_build(site, tmp_path, caplog):
    """The build does not log quiz problems twice (its source check names them
    at their file lines), without switching the extension's logger off."""
    site.module("01-quiz.md", module_page("quiz", body=BROKEN_QUIZ))
    problems = build_into(site.write_config(), tmp_path / "built")
    assert any(p.path == "docs/modules/01-quiz.md" and "quiz has no id" in p.message for p in problems), problems
    assert not any("Markdown line" in p.message for p in problems), "said once, at the file line"
    quiz_logger = logging.getLogger("coursesite.quiz")
    assert not quiz_logger.disabled

    import markdown

    with caplog.at_level(logging.WARNING, logger="coursesite.quiz"):
        markdown.markdown(BROKEN_QUIZ, extensions=["coursesite.quiz"])
    assert "Markdown line 1: quiz has no id" in caplog.text


def test_the_checks_read_mkdocs_own_settings(tmp_path, monkeypatch):
    """!ENV values, MkDocs' defaults (the edit link of a GitHub repository) and a
    build's overrides are MkDocs' to resolve, not the engine's."""
    from coursesite.config import read_site_config
    from coursesite.links.settings import read_settings
    from coursesite.sitebuild import mkdocs_settings

    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_url: !ENV [TEST_COURSE_SITE_URL, 'https://fallback.example/']\n"
        "repo_url: https://github.com/academy/course\nnav: []\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TEST_COURSE_SITE_URL", "https://academy.example/course/")
    links = read_settings(read_site_config(config))
    assert links.site_origin == "https://academy.example" and links.prefix == "/course/"
    assert links.edit_prefix == "https://github.com/academy/course/edit/master/docs/"
    assert links.use_directory_urls
    package = mkdocs_settings(config, use_directory_urls=False, site_url="")
    assert not package.use_directory_urls and package.site_url == "" and package.site_dir == tmp_path / "site"
