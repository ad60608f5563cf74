"""What the browser's progress code needs to know about the course (issue 6).

The course structure (modules in order with id, title, url, duration,
pass_mark, quiz ids and reading ids) is written once per build as
``assets/lms/course.json`` and fetched from the site's own origin, rather
than embedded in every page:

- quiz ids are only known once every module page has been rendered, so a
  data island in the first pages could not list the quizzes of later ones;
- one small cached file costs each page nothing, where an island would add
  the whole course to every page of the site;
- no learner or author text is placed inside a ``<script>``, so there is no
  ``</script>`` escaping to get wrong.

Module pages also get a server-rendered footer: the live region the progress
code speaks through, and for a module without quizzes the (hidden until
JavaScript shows it) "Mark this module complete" button.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from .course import Course
from .modules import Module

DATA_FILE = "assets/lms/course.json"
EXTRA_KEY = "progress"
# Pages the progress code links to, by source file.
PROGRESS_PAGES = {"dashboard.md": "dashboard", "certificate.md": "certificate"}
QUIZ_ATTRIBUTE = re.compile(r"""\bdata-lms-quiz=["']([a-z0-9-]+)["']""")


def _seen(course: Course) -> dict:
    return course.extras.setdefault(EXTRA_KEY, {"modules": {}, "pages": {}})  # type: ignore[return-value]


def module_footer(module: Module, has_quizzes: bool) -> str:
    module_id = html.escape(module.id)
    parts = [f'<div class="lms-progress-foot" data-lms-progress-foot="{module_id}">']
    if not has_quizzes:
        parts += [
            "<p>This module has no knowledge check. When you have worked through it, mark it complete "
            "to record your progress in this browser.</p>",
            f'<p><button type="button" class="md-button" data-lms-mark-complete="{module_id}" hidden>'
            "Mark this module complete</button></p>",
            "<noscript><p>Recording your progress needs JavaScript.</p></noscript>",
        ]
    parts += ['<p class="lms-status" role="status" data-lms-status></p>', "</div>"]
    return "\n".join(parts)


def note_page(course: Course, src_uri: str, url: str, page_html: str) -> str:
    """Remember a rendered page's URL and quiz ids; return its HTML, with the
    progress footer added to module pages."""
    seen = _seen(course)
    if src_uri in PROGRESS_PAGES:
        seen["pages"][PROGRESS_PAGES[src_uri]] = url
    module = course.module_at(src_uri)
    if module is None:
        return page_html
    quizzes = list(dict.fromkeys(QUIZ_ATTRIBUTE.findall(page_html)))
    seen["modules"][module.id] = {"url": url, "quizzes": quizzes}
    return page_html + "\n" + module_footer(module, bool(quizzes))


def _default_url(src_uri: str) -> str:
    # Only for a page this build did not render (``mkdocs serve --dirty``).
    stem = posixpath.splitext(src_uri)[0]
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def course_data(course: Course) -> dict:
    """The structure the progress code reads, in course order."""
    seen = _seen(course)
    modules = []
    for module in course.modules:
        page = seen["modules"].get(module.id, {})
        modules.append({
            "id": module.id,
            "title": module.title,
            "url": page.get("url", _default_url(module.src_uri)),
            "duration": module.duration,
            "pass_mark": module.pass_mark,
            "quizzes": page.get("quizzes", []),
            "readings": list(module.readings),
        })
    return {"v": 1, "title": course.site.site_name, "modules": modules, "pages": dict(sorted(seen["pages"].items()))}


def write_course_data(course: Course, site_dir: Path) -> Path:
    target = site_dir / DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(course_data(course), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return target
