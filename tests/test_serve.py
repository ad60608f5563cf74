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


def start_preview(site) -> tuple[subprocess.Popen, int]:
    """What `make serve` runs."""
    site.write_config()
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--no-strict"],
        cwd=site.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    return server, port


def preview_output(site, path: str, text: str) -> str:
    """What the preview printed until it served ``path`` showing ``text``."""
    server, port = start_preview(site)
    try:
        wait_for(f"http://127.0.0.1:{port}{path}", text)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    return output


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
    output = preview_output(site, "/modules/01-intro/", "Draft with a mistake.")
    assert "docs/modules/01-intro.md:7: 'level' must be one of foundation, practitioner, advanced, not 'expert'" in output
    assert "Traceback" not in output


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
