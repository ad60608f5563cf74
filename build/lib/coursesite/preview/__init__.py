"""The preview's problem banner: while ``mkdocs serve`` runs, every page shows
the course's current problems (never in a build or a SCORM package: the hook
calls this only when previewing).

Why a file the page fetches, and not the list written into each page: the
pages are written before the checks of the built site run (links, leftover
quiz syntax), so a list put into the pages as they are written would miss
those problems, or show the previous build's. ``write_problems`` runs last,
in ``on_post_build``, with every problem of this build, the same list the
terminal shows; livereload reloads the page after that, and ``banner.js``
fetches the list and renders it. A page rendered in an earlier build shows the
current list too. ``add_banner`` only puts the empty region in each page, with
its status line, so the status exists before anything is announced in it.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from ..config import built_page
from ..course_loader import Course
from ..pageassets import to_root
from ..problems import Problem

FOLDER = "assets/lms-preview"  # in the preview's site dir only
PROBLEMS = "problems.json"
ASSETS = ("banner.js", "banner.css")
CONTENT = '<article class="md-content__inner md-typeset">'  # Material's base.html: the page's content
REGION = (
    '<div class="lms-preview" data-lms-preview>'
    '<p class="lms-preview__status" role="status" aria-live="polite" data-lms-preview-status></p>'
    '<section class="lms-preview__region md-typeset" role="region" aria-labelledby="lms-preview-title" hidden>'
    '<h2 id="lms-preview-title">Problems in the course</h2>'
    "</section></div>"
)


def add_banner(page_html: str, page_url: str) -> str:
    """The page with the banner's empty region first in its content, and its
    script and stylesheet (relative links: the preview may run under a path)."""
    if CONTENT not in page_html or "</head>" not in page_html or "</body>" not in page_html:
        return page_html
    root = to_root(page_url)
    page_html = page_html.replace("</head>", f'<link rel="stylesheet" href="{root}{FOLDER}/banner.css"></head>', 1)
    # After Material's bundle, whose document$ tells of each page instant navigation shows.
    body, end, rest = page_html.rpartition("</body>")
    page_html = f'{body}<script type="module" src="{root}{FOLDER}/banner.js"></script>{end}{rest}'
    return page_html.replace(CONTENT, CONTENT + REGION, 1)


def page_urls(course: Course, site_dir: Path, use_directory_urls: bool) -> dict[str, str]:
    """Problem path (docs/modules/01-x.md) -> site URL of the page built from it,
    for the pages this build wrote."""
    urls = {}
    for src_uri, source in course.pages.items():
        dest = built_page(src_uri, use_directory_urls)
        if (site_dir / dest).is_file():
            urls[source.path] = dest.removesuffix("index.html") if use_directory_urls else dest
    return urls


def problem_entries(problems: list[Problem], urls: dict[str, str]) -> list[dict]:
    return [
        {
            "where": f"{p.path}:{p.line}" if p.line else p.path,
            "message": p.message,
            "hint": p.hint,
            "severity": p.severity,
            "page": urls.get(p.path),
        }
        for p in problems
    ]


def assets() -> dict[str, bytes]:
    """The banner's script and stylesheet, by their path in the preview's site
    (added as files of the build, so the link check finds what pages link)."""
    return {f"{FOLDER}/{name}": files(__package__).joinpath(name).read_bytes() for name in ASSETS}


def write_problems(site_dir: Path, problems: list[Problem], course: Course, use_directory_urls: bool) -> None:
    """This build's problems, in the order the terminal shows them."""
    entries = problem_entries(problems, page_urls(course, site_dir, use_directory_urls))
    path = site_dir / FOLDER / PROBLEMS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"problems": entries}, indent=1), encoding="utf-8")
