"""What the browser's progress code needs to know about the course.

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

Module pages end with a server-rendered panel (coursesite/learnerpath.py): the live
region the progress code speaks through, the result so far, and for a module
without quizzes the (hidden until JavaScript shows it) "Mark this module
complete" button.

The progress page's summary and table, and the certificate page's message,
are server-rendered too, as a new learner sees them (nothing started): the
page then needs no script and no course data to show its first view (budget:
weight, and no layout shift), and the progress code, loaded once there is a
record, fills the same structure with the learner's figures
(progress/dashboard.js and progress/certificate.js render the same markup).
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path

from . import review
from .assessment.pool import drawn, ok_quizzes
from .course_loader import Course
from .modules import Module
from .pageassets import to_root
from .pagehtml import parse, quiz_ids
from .pages import duration_text, no_progress_bar, not_started
from .quiz.source_check import page_quizzes

DATA_FILE = "assets/lms/course.json"
# Each module page's headings (module id -> heading id -> text), for the home
# page's "Resume: <module>, <section>" only: a file of its own, fetched there
# alone, so that course.json, which every page with progress reads, stays small.
SECTIONS_FILE = "assets/lms/sections.json"
# Pages the progress code links to, by source file.
PROGRESS_PAGES = {"dashboard.md": "dashboard", "certificate.md": "certificate", "review.md": "review"}
DASHBOARD_BODY = "data-lms-dashboard-body></div>"  # the empty box docs/dashboard.md provides
CERTIFICATE_GATE = "data-lms-cert-gate></p>"  # the empty line docs/certificate.md provides


def note_page_urls(course: Course, urls: dict[str, str]) -> None:
    """Every page's URL (src_uri -> url), known before any page is rendered: the
    progress page is rendered before the module pages it links to."""
    course.derived.page_urls.update(urls)


def _module_url(course: Course, module: Module) -> str:
    return course.derived.page_urls.get(module.src_uri) or _default_url(module.src_uri)


# The progress table's columns, as progress/dashboard.js writes them too. Each
# cell carries its column's name (data-label): on a phone the rows are shown as
# stacked cards (progress/pages.css). A browser that drops a table's meaning when
# its display changes (Safari) keeps it by the table roles that progress/controls.js
# restates; the built HTML leaves them out, as the HTML standard asks.
DASHBOARD_HEADINGS = ("Module", "Status", "Knowledge check", "Readings", "Time left")


def _dashboard_row(module: Module, quizzes: int, href: str) -> str:
    title = html.escape(module.title)
    status = not_started()
    if module.lessons:  # as progress/dashboard.js words it
        status += f" · 0 of {len(module.lessons)} lessons read"
    if not quizzes:  # shown by progress/controls.js
        status += (
            f' <button type="button" class="md-button lms-small" data-lms-toggle="{html.escape(module.id)}" '
            f'aria-label="Mark complete: {title}" hidden>Mark complete</button>'
        )
    check = f"0 of {quizzes} right first time (0%), pass mark {module.pass_mark}%" if quizzes else "No knowledge check"
    if module.assessment is not None:  # as progress/dashboard.js says it (gradedResult)
        check = f"Not attempted ({module.assessment.attempts} attempts), pass mark {module.pass_mark}%"
    readings = f"0 of {len(module.readings)} read" if module.readings else "None listed"
    values = [status, check, readings, duration_text(module.duration)]
    cells = [f'<th scope="row"><a href="{html.escape(href)}">{title}</a></th>']
    cells += [
        f'<td data-label="{label}">{value}</td>' for label, value in zip(DASHBOARD_HEADINGS[1:], values, strict=True)
    ]
    return f"<tr>{''.join(cells)}</tr>"


def dashboard_body(course: Course, url: str) -> str:
    """The progress page's summary and table for a learner with no progress yet."""
    quizzes = page_quizzes(course)
    rows = [
        _dashboard_row(
            m, len(quizzes[m.src_uri].quizzes) if m.src_uri in quizzes else 0, to_root(url) + _module_url(course, m)
        )
        for m in course.modules
    ]
    count = len(course.modules)
    head = "".join(f'<th scope="col">{h}</th>' for h in DASHBOARD_HEADINGS)
    return (
        f"{no_progress_bar(count)}"
        f"<p>Time left: about {duration_text(course.total_minutes)}.</p>"
        f'<div class="lms-table-wrap"><table><caption>Your modules</caption>'
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def certificate_gate(course: Course, url: str) -> str:
    """What the certificate page says to a learner with no progress yet, in the
    words progress/certificate.js uses (a learner with a record gets theirs)."""
    dashboard = course.derived.page_urls.get("dashboard.md")
    link = f' <a href="{html.escape(to_root(url) + dashboard)}">See what is left</a>' if dashboard is not None else ""
    return (
        f"Not earned yet: you have completed 0 of {len(course.modules)} modules. "
        f"Your certificate appears here once every module is complete.{link}"
        "<noscript> It is made from the progress kept in this browser, so it needs JavaScript.</noscript>"
    )


def note_quizzes(course: Course, src_uri: str, page_html: str, ids: list[str] | None = None) -> None:
    """Remember the quiz ids a module or lesson page shows, in page order
    (``ids``: the page's ``pagehtml.quiz_ids``, when already read)."""
    if course.module_at(src_uri) or course.lesson_at(src_uri):
        course.derived.page_quiz_ids[src_uri] = list(dict.fromkeys(quiz_ids(page_html) if ids is None else ids))


def note_page(course: Course, src_uri: str, url: str, page_html: str, ids: list[str] | None = None) -> str:
    """Remember a rendered module page's quiz ids (``ids``, when already read);
    return its HTML, with the progress page's table and the certificate page's
    message filled in (neither holds a quiz)."""
    if DASHBOARD_BODY in page_html:
        page_html = page_html.replace(DASHBOARD_BODY, f"data-lms-dashboard-body>{dashboard_body(course, url)}</div>", 1)
    if CERTIFICATE_GATE in page_html:
        page_html = page_html.replace(CERTIFICATE_GATE, f"data-lms-cert-gate>{certificate_gate(course, url)}</p>", 1)
    note_quizzes(course, src_uri, page_html, ids)
    return page_html


def note_sections(course: Course, module: Module, toc) -> None:
    """The module page's headings (level 2 and 3: id -> text), so that the home
    page can name the section a returning learner resumes at."""
    found: dict[str, str] = {}

    def walk(items) -> None:
        for item in items:
            if 2 <= item.level <= 3 and item.id:
                found.setdefault(item.id, html.unescape(item.title))
            walk(item.children)

    walk(toc or [])
    course.derived.page_sections[module.id] = found


def note_sections_from_html(course: Course, module: Module, page_html: str) -> None:
    """``note_sections`` for a page built without our hook: its level 2 and 3
    headings, read from the built page."""
    found: dict[str, str] = {}
    for heading in parse(page_html).css("article h2[id], article h3[id]"):
        for permalink in heading.css("a.headerlink"):
            permalink.decompose()
        found.setdefault(heading.attributes.get("id") or "", heading.text(strip=True))
    found.pop("", None)
    course.derived.page_sections[module.id] = found


def _lesson_data(course: Course, module: Module, lesson) -> dict:
    url = course.derived.page_urls.get(lesson.src_uri) or _default_url(lesson.src_uri)
    return {"key": lesson.key(module), "title": lesson.title, "url": url, "duration": lesson.duration}


def _default_url(src_uri: str) -> str:
    # Only when the build did not say where a page goes (a generator without our on_files).
    stem = posixpath.splitext(src_uri)[0]
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def _assessment_data(course: Course, module: Module) -> dict:
    """What the dashboard, certificate and SCORM need of a graded assessment."""
    page = page_quizzes(course).get(module.src_uri)
    graded = module.assessment
    assert graded is not None
    return {
        "attempts": graded.attempts,
        "questions": drawn(module, ok_quizzes(page) if page else []),
        "record": graded.record,
    }


def course_data(course: Course) -> dict:
    """The structure the progress code reads, in course order."""
    modules = []
    for module in course.modules:
        quizzes = [quiz for uri in module.page_uris for quiz in course.derived.page_quiz_ids.get(uri, [])]
        modules.append(
            {
                "id": module.id,
                "title": module.title,
                "url": _module_url(course, module),
                "duration": module.duration,
                "pass_mark": module.pass_mark,
                "quizzes": list(dict.fromkeys(quizzes)),
                # Knowledge-check questions that enter the learner's review schedule (coursesite/review.py).
                "review": review.review_ids(course, module),
                "readings": list(module.readings),
            }
        )
        if module.lessons:
            modules[-1]["lessons"] = [_lesson_data(course, module, lesson) for lesson in module.lessons]
        if module.assessment is not None:
            modules[-1]["assessment"] = _assessment_data(course, module)
    urls = course.derived.page_urls
    pages = {name: urls[src_uri] for src_uri, name in PROGRESS_PAGES.items() if src_uri in urls}
    return {"v": 1, "title": course.site.site_name, "modules": modules, "pages": dict(sorted(pages.items()))}


def section_data(course: Course) -> dict:
    """Each module's headings, in course order (progress/home.js reads them)."""
    sections = course.derived.page_sections
    return {module.id: sections.get(module.id, {}) for module in course.modules}


def write_course_data(course: Course, site_dir: Path) -> Path:
    target = site_dir / DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    for path, data in ((DATA_FILE, course_data(course)), (SECTIONS_FILE, section_data(course))):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        (site_dir / path).write_text(text, encoding="utf-8")
    return target
