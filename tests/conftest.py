"""Shared fixtures: throwaway sites, the built course, and a real headless
Chromium driven by Playwright that fails a test on any console error or any
request leaving 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support.browser import HOW_TO_GET_ONE, LAUNCH_ARGS, find_browser
from support.server import StaticServer
from support.sites import MKDOCS, ROOT, SiteFactory

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture
def site(tmp_path: Path) -> SiteFactory:
    """An empty throwaway course using the real configuration and hooks."""
    return SiteFactory(tmp_path / "course")


def _serve_course(tmp_path_factory, edition: str):
    """The repository's own course in one edition, built strict and served on
    127.0.0.1; site_url is the server's address so instant navigation works."""
    site_dir = tmp_path_factory.mktemp(f"built-{edition}") / "site"
    site_dir.mkdir()
    with StaticServer(site_dir) as server:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", COURSE_SITE_URL=server.url, COURSE_EDITION=edition)
        result = subprocess.run(
            [str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        yield site_dir, server.url


@pytest.fixture(scope="session")
def _course_server(tmp_path_factory):
    """The learner edition: what the published site and the packages hold."""
    yield from _serve_course(tmp_path_factory, "learner")


@pytest.fixture(scope="session")
def built_course(_course_server) -> Path:
    return _course_server[0]


@pytest.fixture(scope="session")
def course_url(_course_server) -> str:
    return _course_server[1]


@pytest.fixture(scope="session")
def _facilitator_server(tmp_path_factory):
    """The facilitator edition: the learner edition plus the trainer guide,
    facilitator notes and the answer key."""
    yield from _serve_course(tmp_path_factory, "facilitator")


@pytest.fixture(scope="session")
def facilitator_course(_facilitator_server) -> Path:
    return _facilitator_server[0]


@pytest.fixture(scope="session")
def facilitator_url(_facilitator_server) -> str:
    return _facilitator_server[1]


@pytest.fixture(scope="session")
def browser():
    path = find_browser()
    if path is None:
        pytest.exit(HOW_TO_GET_ONE, returncode=1)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


class Watched:
    """A Playwright page plus what it logged and requested."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._on_request)

    def _on_request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            self.foreign_requests.append(request.url)


@pytest.fixture
def open_page(browser):
    """Factory: ``open_page(url, color_scheme="light")`` gives a fresh context
    (empty storage) and asserts at the end that nothing went wrong."""
    opened: list[tuple[object, Watched]] = []

    def _open(url: str | None = None, *, color_scheme: str = "light", context=None, javascript: bool = True) -> Watched:
        ctx = context or browser.new_context(color_scheme=color_scheme, java_script_enabled=javascript)
        watched = Watched(ctx.new_page())
        opened.append((ctx, watched))
        if url:
            watched.page.goto(url)
        return watched

    yield _open
    problems = []
    for ctx, watched in opened:
        problems += [f"console error: {e}" for e in watched.console_errors]
        problems += [f"request left the site: {u}" for u in watched.foreign_requests]
        with contextlib.suppress(Exception):  # context may already be closed by the test
            ctx.close()
    assert not problems, "\n".join(problems)


def pytest_collection_modifyitems(items):
    for item in items:
        if "open_page" in getattr(item, "fixturenames", ()) or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
