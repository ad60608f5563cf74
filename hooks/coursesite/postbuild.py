"""What is done to a built site once its pages are written, with or without MkDocs.

The hook's ``on_post_build`` runs ``finish_site`` at the end of every build.
``course postbuild SITE_DIR`` runs the same on a site built from these sources
by a generator that ignores our hook (``finish_built_site``): it first learns
from the built pages what the hook would have noted while they were rendered
(each page's URL, the quizzes each module page shows, the stylesheet each page needs).

The steps: the course data the progress code reads (``assets/lms/course.json``),
our JavaScript and CSS minified, the combined stylesheet of each kind of page,
and the checks of the built pages (links, quiz leftovers, pages left out of nav).
"""

from __future__ import annotations

from pathlib import Path

from . import all_checks, minify, pageassets, pagehtml, progressdata, review
from .config import BuildSettings
from .course_loader import Course, load_course
from .problems import Problem


def finish_site(course: Course, site_dir: Path, *, minify_assets: bool = True) -> list[Problem]:
    """Course data, minified assets, combined stylesheets; returns the built site's problems."""
    progressdata.write_course_data(course, site_dir)
    review.write_questions(course, site_dir)  # for the Review page
    if minify_assets:  # a trainer's preview keeps the readable sources
        minify.minify_site(site_dir)
    pageassets.write_stylesheets(site_dir, course.derived.stylesheets)  # from the copies just minified
    return all_checks.check_built_site(course, site_dir)


def finish_built_site(config_file: Path, site_dir: Path, *, minify_assets: bool = True) -> list[Problem]:
    """``finish_site`` for a site built without our hook, from the sources of ``config_file``."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    course = load_course(config_file)
    config = load_config(str(config_file), site_dir=str(site_dir))  # as a build reads it (!ENV included)
    course.site.settings = BuildSettings.of(config)
    pages = get_files(config).documentation_pages()
    progressdata.note_page_urls(course, {page.src_uri: page.url for page in pages})
    for page in pages:
        built = Path(page.abs_dest_path)
        if not built.is_file():
            continue
        page_html = built.read_text(encoding="utf-8")
        tree = pagehtml.parse(page_html)  # one parse for the quizzes, the Review page and the stylesheet
        forms = pagehtml.quiz_forms_of(tree)
        progressdata.note_quizzes(course, page.src_uri, page_html, [quiz_id for quiz_id, _ in forms])
        review.note_page(course, page.src_uri, page_html, forms)
        course.derived.stylesheets.update(pageassets.styles_of(tree))
        if (module := course.module_at(page.src_uri)) is not None:
            progressdata.note_sections_from_html(course, module, page_html)
    return finish_site(course, site_dir, minify_assets=minify_assets)
