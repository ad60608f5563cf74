"""``mkdocs serve`` (what ``make serve`` runs) previews the course on
127.0.0.1 and rebuilds a page when its file is saved."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
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
        cwd=site.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
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
    site.module(
        "01-intro.md", module_page("intro", title="Introduction", level="expert", body="Draft with a mistake.\n")
    )
    output = preview_output(site, "/modules/01-intro/", "Draft with a mistake.")
    assert (
        "docs/modules/01-intro.md:7: 'level' must be one of foundation, practitioner, advanced, not 'expert'" in output
    )
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


class Output:
    """The server's output, read as it comes (a thread), so a test can wait for a line."""

    def __init__(self, server: subprocess.Popen):
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(iter(server.stdout.readline, "")), daemon=True).start()

    def wait_for(self, text: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not any(text in line for line in self.lines):
            assert time.monotonic() < deadline, f"the preview never said {text!r}:\n" + "".join(self.lines)
            time.sleep(0.2)

    @property
    def text(self) -> str:
        return "".join(self.lines)


def test_preview_shows_a_page_with_a_template_mistake_and_names_its_line(site):
    module = site.module("01-intro.md", module_page("intro", body="Dear {{ first name }},\n"))
    server, port = start_preview(site)
    output = Output(server)
    try:
        url = f"http://127.0.0.1:{port}/modules/01-intro/"
        wait_for(url, "Dear {{ first name }},")  # the page as written, until the mistake is fixed
        output.wait_for(
            "docs/modules/01-intro.md:12: template syntax error: expected token 'end of print statement', got 'name' ("
        )
        module.write_text(module_page("intro", body="Dear {{ cite(kluger-denisi-1996) }},\n"), encoding="utf-8")
        output.wait_for("docs/modules/01-intro.md:12: cite() needs each reading id in quotes (")
        module.write_text(module_page("intro", body="Dear {{ course_hom() }},\n"), encoding="utf-8")
        output.wait_for(
            "docs/modules/01-intro.md:12: template code names 'course_hom', which is not defined (did you mean 'course_home'?)"
        )
        module.write_text(module_page("intro", body="Dear {{ 'reader' }},\n"), encoding="utf-8")
        wait_for(url, "Dear reader,")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in output.text


def test_preview_keeps_serving_the_last_good_build_when_mkdocs_yml_breaks(site):
    site.module("01-intro.md", module_page("intro", body="First draft.\n"))
    server, port = start_preview(site)
    output = Output(server)
    config = site.root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    nav_line = good[: good.index("\nnav:\n")].count("\n") + 2
    try:
        url = f"http://127.0.0.1:{port}/modules/01-intro/"
        wait_for(url, "First draft.")
        # The section's pages written at the section's own indentation: the section is empty.
        config.write_text(
            good[: good.index("\nnav:\n")] + "\nnav:\n- Home: index.md\n- Course:\n- modules/01-intro.md\n",
            encoding="utf-8",
        )
        output.wait_for(f"mkdocs.yml:{nav_line + 2}: nav entry 'Course' must name a page or a list of pages (")
        assert "First draft." in (fetch(url) or ""), "the last good build is still served"
        config.write_text(good.replace("\nnav:\n", "\nnav:\n  - x: [\n", 1), encoding="utf-8")  # a YAML syntax error
        output.wait_for(f"mkdocs.yml:{nav_line + 2}: YAML syntax error: expected the node content, but found '-' (")
        assert "First draft." in (fetch(url) or ""), "the last good build is still served"
        config.write_text(good, encoding="utf-8")
        (site.docs / "modules/01-intro.md").write_text(module_page("intro", body="Second draft.\n"), encoding="utf-8")
        wait_for(url, "Second draft.")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in output.text
