"""MkDocs hook: adapts build events to the course core in ``hooks/coursesite``.

Kept thin on purpose: loading, checking and rendering live in the core so
the ``course check`` command runs exactly the same code.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from markdown import Markdown
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from coursesite import (
    all_checks,
    editions,
    glossary,
    inline,
    learnerpath,
    pageassets,
    pagehtml,
    pages,
    postbuild,
    preview,
    progressdata,
    readings,
    review,
    searchview,
    sitebuild,
    state,
)
from coursesite.assessment import page as graded_page
from coursesite.assessment import pool as graded_pool
from coursesite.config import BuildSettings
from coursesite.course_loader import load_course
from coursesite.items import check as item_checks
from coursesite.problems import Problem, count_errors, count_line, sort_problems
from coursesite.quiz import answerkey
from coursesite.quiz import summary as quiz_summary

log = logging.getLogger("mkdocs.hooks.course_hooks")
# Item-writing warnings go through a logger outside "mkdocs", whose warnings
# `mkdocs build --strict` counts: they are advice until a course opts in
# (extra.lms.items: error), and must not fail today's build.
item_log = logging.getLogger("coursesite.items")


def _report(build: state.BuildState) -> list[Problem]:
    """Print every problem of the build at once, then stop on errors; returns them."""
    problems = sort_problems(build.problems)
    if build.options.collect_only:
        return problems
    for problem in problems:
        (log.error if problem.is_error else log.warning)(str(problem))
    errors = count_errors(problems)
    if errors and build.options.previewing:
        log.warning(
            f"{errors} content error(s) above: the preview shows the pages anyway, but the strict build will refuse them."
        )
    elif errors:
        raise Abort(
            f"Aborted: {count_line(problems)} Fix the errors and build again (run 'course check' to list them without building)."
        )
    elif problems:
        log.info(count_line(problems))  # info: a warning of ours would count twice in a strict build
    _report_item_warnings(build.item_warnings)
    return problems


def _report_item_warnings(warnings: list[Problem]) -> None:
    if not warnings:
        return
    if not item_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        item_log.addHandler(handler)
        item_log.propagate = False
    for problem in sort_problems(warnings):
        item_log.warning(str(problem))
    log.info(
        f"{len(warnings)} item-writing warning(s): 'course items' shows how a test-wise learner could game the "
        "questions; they do not fail the build (docs/guide/item-writing.md)."
    )


def on_startup(command, dirty):
    # While a trainer previews, a mistake must not stop the server: it is listed, and fixed on save.
    state.requested = state.BuildOptions(previewing=command == "serve")


def on_serve(server, config, builder):
    # A save that breaks mkdocs.yml is listed at its line; the last good build stays served.
    server.builder = sitebuild.keep_serving(server.builder, Path(config.config_file_path), _report_stopped_rebuild)
    return server


def _report_stopped_rebuild(problems) -> None:
    for problem in sort_problems(problems):
        (log.error if problem.is_error else log.warning)(str(problem))
    log.warning("The preview shows the last good build until these are fixed.")


def on_config(config):
    course_module = Path(config.config_file_path)
    build = state.begin(load_course(course_module))
    build.problems += editions.apply_to_config(config, packaging=build.options.packaging)
    site_meta = inline.theme_meta({"description": config.site_description, "author": config.site_author})
    config.site_description, config.site_author = site_meta.get("description"), site_meta.get("author")
    build.course.site.settings = _settings_of_build(config, build.options.previewing)
    # The source checks report quiz and task problems at their file lines: the extensions need not log them again.
    for extension in ("coursesite.quiz", "coursesite.task"):
        config.mdx_configs.setdefault(extension, {})["log_problems"] = False
    build.problems += all_checks.check_sources(build.course)
    counted, build.item_warnings = item_checks.for_build(build.course)
    build.problems += counted
    _define_glossary_terms(config, build.course)
    # Questions of graded assessments are rendered without their answers (coursesite/assessment).
    config.mdx_configs["coursesite.quiz"]["graded"] = graded_pool.graded_ids(build.course)
    return config


def _settings_of_build(config, previewing: bool) -> BuildSettings:
    """The settings the checks judge this build by (a packager may override some).
    `mkdocs serve` replaces site_url with the preview's address before any hook
    runs, which made a link to http://127.0.0.1:8000 count as a link into this
    site: the preview judges links as the published site will, by mkdocs.yml's."""
    settings = BuildSettings.of(config)
    if previewing:
        settings = replace(settings, site_url=sitebuild.mkdocs_settings(Path(config.config_file_path)).site_url)
    return settings


def _define_glossary_terms(config, course) -> None:
    """Glossary terms become abbreviations (a tooltip with the meaning) on every page,
    focusable by keyboard (coursesite/terms.py)."""
    for extension in ("abbr", "coursesite.terms"):
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.abbreviations(course)


def on_files(files, config):
    build = state.require()
    if build.course.fatal:
        # MkDocs would crash with a traceback reading an unreadable page: stop here instead.
        _report(build)
        raise Abort("Aborted: a page could not be read.")
    for path, content in readings.downloads(build.course).items():  # BibTeX, RIS, CSL-JSON
        files.append(File.generated(config, path, content=content))
    if build.options.previewing:  # the problem banner's script and styles (coursesite/preview)
        for path, content in preview.assets().items():
            files.append(File.generated(config, path, content=content))
    editions.apply_to_files(files, config, lambda: answerkey.to_markdown(build.course, page=editions.ANSWER_KEY))
    progressdata.note_page_urls(build.course, {f.src_uri: f.url for f in files.documentation_pages()})
    return files


def on_nav(nav, config, files):
    """A module folder's section in nav is numbered as the module's page is: "4. Motivation"."""
    course = state.require().course
    for section in (item for item in nav.items if item.is_section):
        for sub in section.children:
            pages_in = [child for child in (sub.children or []) if child.is_page] if sub.is_section else []
            module = course.module_at(pages_in[0].file.src_uri) if pages_in else None
            if module:
                sub.title = f"{course.number_of(module)}. {sub.title}"
    return nav


def on_post_page(output, page, config):
    return preview.add_banner(output, page.url) if state.require().options.previewing else output


@event_priority(100)  # before the macros plugin and the theme read the page's metadata
def _drop_refused_front_matter(markdown, page, config, files):
    """Front matter the course refused (a syntax error, YAML aliases that
    would expand without end) is not used from MkDocs' own reading either."""
    source = state.require().course.pages.get(page.file.src_uri)
    if source is not None and source.meta is None:
        page.meta = {}
    return markdown


@event_priority(100)  # before the macros plugin: nothing in a note is rendered, cited or indexed
def _drop_facilitator_notes(markdown, page, config, files):
    return editions.without_facilitator_notes(markdown) if editions.is_learner_build(config) else markdown


@event_priority(100)  # before the macros plugin
def _render_macros_only_where_used(markdown, page, config, files):
    """Spare a page the macros plugin's template compile (a few milliseconds a
    page) when it has no Jinja syntax; a page's own render_macros: still wins."""
    macros = config.plugins.get("macros")
    if macros is None or "render_macros" in page.meta or macros.has_j2(page.title or ""):
        return markdown
    if not macros.has_j2(markdown):
        page.meta["render_macros"] = False
    return markdown


def _add_generated_sections(markdown, page, config, files):
    """After the macros plugin, so no author or reading text is ever run as Jinja."""
    course = state.require().course
    module = course.module_at(page.file.src_uri)
    if module:
        markdown = pages.module_header(course, module, learnerpath.module_meta(course, module)) + "\n" + markdown
        markdown += "\n\n" + learnerpath.module_end(course, module) + "\n" + readings.module_section(course, module)
    elif lesson := course.lesson_at(page.file.src_uri):
        module, found, number = lesson
        markdown = learnerpath.lesson_header(course, module, found, number) + "\n" + markdown
        markdown += "\n\n" + learnerpath.module_end(course, module, found.src_uri, found, number)
    return markdown


def _escape_meta_for_theme(markdown, page, config, files):
    """After the macros plugin (a page may print its own front matter), before
    any template: every page's title shows in the navigation of the others."""
    page.meta.update(inline.theme_meta(page.meta))
    module = state.require().course.module_at(page.file.src_uri)
    if module and isinstance(page.meta.get("title"), str):  # "3. Coaching conversations" in nav and heading
        page.meta["title"] = f"{state.require().course.number_of(module)}. {page.meta['title']}"
    return markdown


on_page_markdown = CombinedEvent(
    _drop_refused_front_matter,
    _drop_facilitator_notes,
    _render_macros_only_where_used,
    _add_generated_sections,
    _escape_meta_for_theme,
)


def on_page_content(html, page, config, files):
    course = state.require().course
    module = course.module_at(page.file.src_uri)
    if module:  # the reading entries under the page's "Reading list" heading, the page's last section
        html += readings.module_entries_html(course, module, _site_markdown(config))
        progressdata.note_sections(course, module, page.toc)
    if module and module.assessment:  # answers out to the review file, answer hashes and the panel in
        html = graded_page.process_page(course, module, html, page.url)
    # A module or lesson page's forms, read once for these three (the summary goes after the last form).
    forms = pagehtml.quiz_forms(html) if module or course.lesson_at(page.file.src_uri) else None
    ids = None if forms is None else [quiz_id for quiz_id, _ in forms]
    html = quiz_summary.add_summary(html, module, ids)  # "x of y correct", pass mark
    review.note_page(course, page.file.src_uri, html, forms)  # knowledge checks for the Review page
    return progressdata.note_page(course, page.file.src_uri, page.url, html, ids)


def _site_markdown(config):
    """Markdown to HTML with the site's own extensions and settings, made once per build."""
    build = state.require()
    if build.to_html is None:
        converter = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        build.to_html = lambda text: converter.reset().convert(text)
    return build.to_html


@event_priority(50)  # before the search plugin indexes the page
def _cut_unsearched_parts(context, page, config, nav):
    """The indexer reads the page without the parts it must not index (coursesite/searchview.py)."""
    content = page.content or ""
    cut, parts = searchview.without_unsearched(content)
    if parts:
        state.require().uncut_pages[page.file.src_uri] = content
        page.content = cut
    return context


@event_priority(-50)  # after the search plugin
def _page_context(context, page, config, nav):
    build = state.require()
    page.content = build.uncut_pages.pop(page.file.src_uri, page.content)  # written as it was rendered
    # Read by overrides/main.html; each feature's script is loaded by main.js.
    context["lms_styles"] = pageassets.styles(page.content or "")
    build.course.derived.stylesheets.update(context["lms_styles"])  # written after the build (postbuild.py)
    context["lms_load_now"] = build.options.packaging
    return context


on_page_context = CombinedEvent(_cut_unsearched_parts, _page_context)


def on_post_build(config):
    build = state.require()
    # Graded assessments' review files: their content was cut out of the pages as they rendered.
    graded_page.write_reviews(build.course, Path(config.site_dir))
    # The same steps as `course postbuild SITE_DIR` (coursesite/postbuild.py).
    build.problems += postbuild.finish_site(
        build.course, Path(config.site_dir), minify_assets=not build.options.previewing
    )
    problems = _report(build)
    if build.options.previewing:  # the problem banner of every previewed page (coursesite/preview)
        preview.write_problems(Path(config.site_dir), problems, build.course, config.use_directory_urls)
