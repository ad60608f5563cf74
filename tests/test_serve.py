"""``mkdocs serve`` (what ``make serve`` runs) previews the course on
127.0.0.1 and rebuilds a page when its file is saved."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

from support.browser import system_browser
from support.sites import MKDOCS, module_page


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body and text in body:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


def start_preview(site, port: int | None = None) -> tuple[subprocess.Popen, int]:
    """What `make serve` runs, on ``port`` or a free one."""
    site.write_config()
    port = port or free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--no-strict"],
        cwd=site.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    return server, port


def test_serve_previews_and_rebuilds_on_save(site):
    site.write("docs/index.md", "# Home\n\n{{ course_home() }}\n")
    module = site.module("01-intro.md", module_page("intro", title="Introduction", body="First draft.\n"))
    server, port = start_preview(site)
    try:
        url = f"http://127.0.0.1:{port}/modules/01-intro/"
        wait_for(url, "First draft.")
        module.write_text(module_page("intro", title="Introduction", body="Second draft.\n"), encoding="utf-8")
        wait_for(url, "Second draft.")
        home = wait_for(f"http://127.0.0.1:{port}/", "Start module 1: Introduction")
        assert "livereload" in home, "the preview reloads the browser after each rebuild"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_preview_keeps_running_and_lists_a_mistake(site):
    site.write("docs/index.md", "# Home\n")
    site.module("01-intro.md", module_page("intro", title="Introduction", level="expert", body="Draft with a mistake.\n"))
    server, port = start_preview(site)
    try:
        wait_for(f"http://127.0.0.1:{port}/modules/01-intro/", "Draft with a mistake.")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "docs/modules/01-intro.md:7: 'level' must be one of foundation, practitioner, advanced, not 'expert'" in output
    assert "Traceback" not in output


def test_preview_judges_links_as_the_published_site_and_counts_each_error_once(site):
    """`mkdocs serve` swaps site_url for its own address, here with the published
    path (/course/) as mount path: a link to the preview's root must stay an
    outside link, as in the published site, and one mistake is one error."""
    site.site_url = "https://example.org/course/"
    site.module("01-intro.md", module_page("intro", title="Introduction", level="expert", body="Draft.\n"))
    port = free_port()
    site.write("docs/index.md", f"# Home\n\nPreview it at <http://127.0.0.1:{port}>.\n")
    server, port = start_preview(site, port)
    try:
        wait_for(f"http://127.0.0.1:{port}/course/", "Preview it at")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "leaves the published site" not in output
    assert "docs/modules/01-intro.md:7: 'level' must be one of" in output
    assert "1 content error(s) above" in output


def test_browser_lookup_prefers_the_environment_variable(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("")
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert system_browser() == str(fake)
    monkeypatch.delenv("CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROME", raising=False)
    (tmp_path / "chromium").write_text("#!/bin/sh\n")
    (tmp_path / "chromium").chmod(0o755)
    assert system_browser() == str(tmp_path / "chromium")
