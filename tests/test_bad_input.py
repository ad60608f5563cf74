"""Bad input never produces a traceback: each gets one clear message naming
the file, and a non-zero exit, both from ``mkdocs build`` and ``course check``."""

from __future__ import annotations

from support.sites import module_page

BROKEN_YAML = "---\ntitle: Intro\ndescription: About.\nmodule:\n  id: intro\n  objectives: [unclosed\n---\n\nText.\n"


def assert_clean_failure(result, expected_line: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    assert expected_line in result.output, result.output


def test_malformed_yaml_front_matter(site):
    site.module("01-intro.md", BROKEN_YAML)
    expected = "docs/modules/01-intro.md:6: YAML syntax error: expected ',' or ']', but got the end of the YAML"
    assert_clean_failure(site.build(), expected)
    status, lines = site.check("--no-build")
    assert status == 1 and lines[0].startswith(expected)


def test_module_file_not_utf8(site):
    site.module("01-intro.md", module_page("intro"))
    (site.docs / "modules" / "02-latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    site.nav.append("modules/02-latin1.md")
    expected = "docs/modules/02-latin1.md:2: file is not valid UTF-8 (save the file with UTF-8 encoding in your editor)"
    assert_clean_failure(site.build(), expected)
    assert site.check("--no-build") == (1, [expected])


def test_empty_modules_folder(site):
    site.write("docs/index.md", "# Home\n")
    (site.docs / "modules").mkdir()
    expected = (
        "docs/modules/: there are no modules (add at least one module file, e.g. docs/modules/01-introduction.md)"
    )
    assert_clean_failure(site.build(), expected)
    assert site.check("--no-build") == (1, [expected])


def test_nav_entry_pointing_at_missing_file(site):
    site.module("01-intro.md", module_page("intro"))
    nav = [{"Course": ["modules/01-intro.md", "modules/02-missing.md"]}]
    expected = "mkdocs.yml:"
    result = site.build(nav=nav)
    assert_clean_failure(
        result,
        "nav entry 'modules/02-missing.md' points at a missing file (create docs/modules/02-missing.md or fix the path in nav)",
    )
    status, lines = site.check("--no-build", nav=nav)
    assert status == 1
    assert len(lines) == 1 and lines[0].startswith(expected)
    line_number = int(lines[0].split(":")[1])
    config_lines = (site.root / "mkdocs.yml").read_text().splitlines()
    assert "modules/02-missing.md" in config_lines[line_number - 1]


def test_build_reports_problems_with_file_and_line(site):
    site.module("01-intro.md", module_page("intro", level="expert"))
    result = site.build()
    assert_clean_failure(result, "docs/modules/01-intro.md:")
    assert "'level' must be one of foundation, practitioner, advanced, not 'expert'" in result.output
