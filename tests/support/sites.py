"""Throwaway course sites built with the real mkdocs.yml, hooks and theme.

A ``SiteFactory`` writes files into a temp folder next to symlinks of the
project's ``hooks/`` and ``overrides/`` and a copy of ``mkdocs.yml`` whose nav
is replaced by the test's own, then builds with the real ``mkdocs`` command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from .server import StaticServer

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    def lines(self) -> list[str]:
        return self.output.splitlines()

    def page(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")


def module_page(module_id: str = "intro", *, title: str = "Introduction", body: str = "Some text.\n", **fields) -> str:
    """A valid module page; keyword arguments override or add ``module:`` keys."""
    module = {
        "id": module_id,
        "duration": 30,
        "level": "foundation",
        "objectives": ["Explain the idea", "Choose a first step", "Plan a conversation"],
        "key_points": ["One key point"],
    }
    module.update(fields)
    yaml = YAML()
    yaml.default_flow_style = None
    from io import StringIO

    buffer = StringIO()
    yaml.dump({"title": title, "description": f"About {title.lower()}.", "module": module}, buffer)
    return f"---\n{buffer.getvalue()}---\n\n{body}"


class SiteFactory:
    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        self.nav: list = []
        self.settings: dict = {}  # mkdocs.yml settings to override, e.g. {"use_directory_urls": False}
        self.edition = "learner"  # or "facilitator": the trainer guide's pages are built only then
        (self.docs / "assets").mkdir(parents=True)
        for name in ("hooks", "overrides"):
            os.symlink(ROOT / name, root / name)
        for asset in (ROOT / "docs" / "assets").iterdir():
            target = self.docs / "assets" / asset.name
            (shutil.copytree if asset.is_dir() else shutil.copy)(asset, target)

    def write(self, path: str, text: str, *, dedent: bool = True) -> Path:
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
        return file

    def module(self, filename: str, text: str, nav: bool = True) -> Path:
        """Write docs/modules/<filename> and (by default) add it to the nav."""
        if nav:
            self.nav.append(f"modules/{filename}")
        return self.write(f"docs/modules/{filename}", text, dedent=False)

    site_url = "http://127.0.0.1/"

    def write_config(self, nav: list | None = None) -> Path:
        if not (self.docs / "index.md").exists():
            # Every course has a home page; without one the theme's home links lead nowhere.
            self.write("docs/index.md", "# Course home\n")
        yaml = YAML()
        config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        pages = [{"Home": "index.md"}]
        config["nav"] = nav if nav is not None else [*pages, {"Course": list(self.nav)}] if self.nav else pages
        # Material's instant navigation only intercepts links under site_url, so a
        # served test site sets this to its server's address before building.
        config["site_url"] = self.site_url
        config["extra"]["edition"] = self.edition
        config.update(self.settings)
        with (self.root / "mkdocs.yml").open("w", encoding="utf-8") as out:
            yaml.dump(config, out)
        return self.root / "mkdocs.yml"

    def build(self, *args: str, nav: list | None = None) -> BuildResult:
        self.write_config(nav)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
        result = subprocess.run(
            [str(MKDOCS), "build", *args], cwd=self.root, env=env, capture_output=True, text=True, timeout=300
        )
        return BuildResult(result.returncode, result.stdout + result.stderr, self.root / "site")

    @contextmanager
    def served(self, *args: str, nav: list | None = None) -> Iterator[str]:
        """Build into ``site/`` (``args`` as for ``build``) and serve it on 127.0.0.1:
        yields the server's URL. The build's site_url is that URL: Material's instant
        navigation only intercepts links under site_url (its sitemap's URLs)."""
        (self.root / "site").mkdir()
        with StaticServer(self.root / "site") as server:
            self.site_url = server.url
            result = self.build(*args, nav=nav)
            assert result.returncode == 0, result.output
            yield server.url

    def check(self, *args: str, nav: list | None = None) -> tuple[int, list[str]]:
        """Run ``course check`` in-process; returns (exit status, problem lines)."""
        import contextlib
        import io

        from coursesite import cli

        self.write_config(nav)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            status = cli.main(["--config", str(self.root / "mkdocs.yml"), "check", "--format", "text", *args])
        return status, [line for line in out.getvalue().splitlines() if line]
