"""The link check of a large site, read while it is built (coursesite/links/background.py).

A worker process reads each page as MkDocs writes it and resolves the links
after the build. It must report exactly what the in-process check reports,
the build process must not read the pages itself when the worker did, and
whatever goes wrong with the worker (it exits, answers nonsense or answers
late) must end in the same problems, found in the build process. A build that
fails leaves no worker behind.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from coursesite.course_loader import load_course
from coursesite.links import background, internal
from coursesite.links.settings import LinkSettings
from coursesite.sitebuild import build_into
from support.sites import SiteFactory, module_page
from test_links_internal import BROKEN_BODY, EXPECTED, GLOSSARY_PAGE

NAV = [{"Home": "index.md"}, {"Course": ["modules/01-intro.md", "modules/02-next.md"]}, {"Glossary": "glossary.md"}]


@pytest.fixture
def broken(tmp_path):
    """The site of test_links_internal.py with every kind of broken link."""
    site = SiteFactory(tmp_path / "course")
    site.write(
        "docs/index.md", "---\ntitle: Home\n---\n\nWelcome. Start with [the introduction](modules/01-intro.md).\n"
    )
    site.module("01-intro.md", module_page(body=BROKEN_BODY))
    site.module("02-next.md", module_page("next", title="Next", body="## Listening\n\nText.\n"))
    site.write("docs/glossary.md", GLOSSARY_PAGE)
    site.write(
        "docs/_data/glossary/intro.yml",
        "- term: GROW\n  definition: Goal, Reality, Options, Will; [see the model](../nowhere-generated/)\n",
    )
    return site


def _build(site: SiteFactory, name: str) -> list[str]:
    return [str(p) for p in build_into(site.write_config(NAV), site.root / name, strict=False)]


@pytest.fixture
def workers(monkeypatch) -> list[background.BackgroundCheck]:
    """Every site large enough for a worker; the readers started, in order."""
    monkeypatch.setattr(background, "FROM_PAGES", 0)
    started = []
    original = background.BackgroundCheck.__init__

    def recording(self, site_dir):
        original(self, site_dir)
        started.append(self)

    monkeypatch.setattr(background.BackgroundCheck, "__init__", recording)
    return started


def _link_problems(problems: list[str]) -> list[str]:
    return [p for p in problems if any(says in p for _file, _needle, says in EXPECTED.values())]


def test_a_worker_reads_the_pages_and_reports_what_the_build_process_would(broken, workers, monkeypatch):
    monkeypatch.setattr(background, "FROM_PAGES", 10**9)
    in_process = _build(broken, "in-process")
    assert len(_link_problems(in_process)) == len(EXPECTED) and not workers
    monkeypatch.setattr(background, "FROM_PAGES", 0)
    handed = []
    monkeypatch.setattr(
        background.BackgroundCheck,
        "_send",
        lambda self, message, send=background.BackgroundCheck._send: handed.append(message) or send(self, message),
    )

    def no_reading(site_dir):
        raise AssertionError("the build process read the pages although the worker did")

    monkeypatch.setattr(internal, "scan", no_reading)
    assert _build(broken, "worker") == in_process
    assert len(workers) == 1 and workers[0]._worker is None, "the worker answered and is done"
    pages = [value for kind, value in handed if kind == "page"]
    assert sorted(pages) == [
        "glossary/index.html",
        "index.html",
        "modules/01-intro/index.html",
        "modules/02-next/index.html",
    ]


@pytest.mark.parametrize(
    "worker",
    [
        "import sys; sys.exit(3)",  # dies at once
        "import sys; sys.stdin.buffer.read(); sys.stdout.write('nonsense')",  # answers nonsense
        "import time; time.sleep(60)",  # answers too late
    ],
    ids=["exits", "nonsense", "late"],
)
def test_when_the_worker_fails_the_build_process_checks_and_reports_the_same(broken, workers, monkeypatch, worker):
    monkeypatch.setattr(background, "FROM_PAGES", 10**9)
    expected = _build(broken, "in-process")
    monkeypatch.setattr(background, "FROM_PAGES", 0)
    monkeypatch.setattr(background, "ANSWER_WITHIN", 2.0)
    monkeypatch.setattr(background, "worker_command", lambda site_dir: [sys.executable, "-c", worker])
    assert _build(broken, "failing") == expected
    assert len(workers) == 1 and workers[0]._worker is None


def test_a_failed_build_leaves_no_worker_behind(broken, workers, monkeypatch):
    from mkdocs.exceptions import PluginError

    from coursesite import progressdata

    def failing(course, src_uri, url, html):
        raise PluginError(f"could not finish {src_uri}")

    monkeypatch.setattr(progressdata, "note_page", failing)
    problems = build_into(broken.write_config(NAV), broken.root / "failed", strict=False)
    assert any("could not finish" in str(p) for p in problems), problems
    [reader] = workers
    assert reader._worker is None, "stopped by on_build_error"


def test_a_small_site_is_read_in_the_build_process(broken, monkeypatch):
    started = []
    monkeypatch.setattr(background, "BackgroundCheck", lambda site_dir: started.append(site_dir))
    assert len(_link_problems(_build(broken, "small"))) == len(EXPECTED)
    assert started == [], f"fewer than {background.FROM_PAGES} pages: no worker"


def test_a_worker_started_for_another_folder_is_stopped_and_the_pages_read_here(broken, workers, tmp_path):
    expected = _build(broken, "site")
    course = load_course(broken.root / "mkdocs.yml")
    internal.start_reader(course, tmp_path / "elsewhere")
    assert [str(p) for p in internal.check_site(course, broken.root / "site")] == _link_problems(expected)
    assert workers[-1]._worker is None, "the unused worker was stopped"


def test_on_a_single_core_the_build_process_reads_the_pages(broken, monkeypatch):
    started = []
    monkeypatch.setattr(background, "FROM_PAGES", 0)
    monkeypatch.setattr(background.os, "cpu_count", lambda: 1)
    monkeypatch.setattr(background, "BackgroundCheck", lambda site_dir: started.append(site_dir))
    assert len(_link_problems(_build(broken, "one-core"))) == len(EXPECTED)
    assert started == [], "no core to spare: no worker"


def test_the_worker_runs_as_its_own_module(tmp_path):
    """The command the build starts works as written, outside any build."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">A</a> <a href="a/#nowhere">gone</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<h1 id="top-a">A</h1>', encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=background.HOOKS_DIR)
    messages = pickle.dumps(("page", "index.html")) + pickle.dumps(("done", LinkSettings()))
    run = subprocess.run(background.worker_command(site), input=messages, capture_output=True, env=env, timeout=60)
    kind, findings = pickle.loads(run.stdout)
    assert kind == "findings" and [(f.page, f.link.url, f.kind) for f in findings] == [
        ("index.html", "a/#nowhere", "anchor")
    ]
    # A build process that dies without a word closes the pipe: the worker ends too.
    orphan = subprocess.run(
        background.worker_command(site),
        input=pickle.dumps(("page", "index.html")),
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert (orphan.returncode, orphan.stdout, orphan.stderr) == (0, b"", b"")
