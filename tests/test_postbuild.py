"""``course postbuild SITE_DIR``: the hook's post-build steps, run on a site
that did not get them (as from a generator that ignores our hook).

A course is built for real; a copy of its site is taken back to what the
pages and assets were before the post-build (no course data, no combined
stylesheets, our assets as written), and the command must turn it into
exactly the built site. A broken anchor, found only in the built pages, is
reported at its Markdown line.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

from coursesite import cli
from support.sites import ROOT, SiteFactory, module_page

QUIZ = """\
/// quiz | Which praise helps most?
    id: {id}
    objective: [1, 2, 3]

- [x] Specific and timely
- [ ] Vague and late
///
"""
BROKEN_ANCHOR = "Read [the listening part](02-next.md#no-such-part) first.\n"


def _postbuild(site: SiteFactory, site_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["--config", str(site.root / "mkdocs.yml"), "postbuild", str(site_dir), *args])
    return status, out.getvalue(), err.getvalue()


def _before_postbuild(site_dir: Path, copy: Path) -> None:
    """``copy``: the site as MkDocs wrote it before our post-build."""
    shutil.copytree(site_dir, copy)
    (copy / "assets" / "lms" / "course.json").unlink()
    for combined in (copy / "assets").glob("course-*.css"):
        combined.unlink()
    shutil.copytree(ROOT / "docs" / "assets", copy / "assets", dirs_exist_ok=True)  # not minified


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_postbuild_turns_the_raw_output_into_the_built_site(site: SiteFactory, tmp_path: Path):
    site.module("01-intro.md", module_page("intro", body="Text.\n\n" + QUIZ.format(id="intro-praise")))
    site.module("02-next.md", module_page("next", title="Next", body="## Listening\n\nNo quiz here.\n"))
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    raw = tmp_path / "raw"
    _before_postbuild(result.site_dir, raw)
    assert _files(raw) != _files(result.site_dir)  # the steps have something to do

    status, out, err = _postbuild(site, raw)

    assert status == 0, out + err
    assert _files(raw) == _files(result.site_dir)
    data = json.loads((raw / "assets" / "lms" / "course.json").read_text(encoding="utf-8"))
    assert [(m["id"], m["quizzes"]) for m in data["modules"]] == [("intro", ["intro-praise"]), ("next", [])]
    assert (raw / "assets" / "course-quiz.css").is_file()


def test_postbuild_reports_built_site_problems_at_their_lines(site: SiteFactory):
    intro = site.module("01-intro.md", module_page("intro", body="Text.\n\n" + BROKEN_ANCHOR))
    site.module("02-next.md", module_page("next", title="Next", body="## Listening\n\nText.\n"))
    result = site.build("--strict")
    assert result.returncode == 1  # the build said it too
    line = next(n for n, text in enumerate(intro.read_text(encoding="utf-8").splitlines(), 1) if "listening" in text)

    status, out, err = _postbuild(site, result.site_dir, "--format", "text", "--no-minify")

    assert status == 1
    expected = f"docs/modules/01-intro.md:{line}: link \"the listening part\" to '../02-next/#no-such-part'"
    assert any(text.startswith(expected) for text in out.splitlines()), out
    assert expected in result.output  # as the build said it
    assert "1 error(s)" in err


def test_postbuild_needs_a_built_site(site: SiteFactory, tmp_path: Path):
    site.write_config()
    status, out, err = _postbuild(site, tmp_path)
    assert out == ""
    assert status == 2
    assert err.strip() == f"{tmp_path}: no built site here (no index.html); build the course first"
