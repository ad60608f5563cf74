"""MkDocs hook: adapts build events to the course core in ``hooks/coursesite``.

Kept thin on purpose: loading, checking and rendering live in the core so
the ``course check`` command runs exactly the same code.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markdown import Markdown
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from coursesite import (
    all_checks,
    glossary,
    inline,
    links,
    minify,
    pageassets,
    pages,
    preview,
    progressdata,
    readings,
    searchview,
    sitebuild,
    state,
)
from coursesite.assessment import page as graded_page
from coursesite.assessment import pool as graded_pool
from coursesite.course_loader import load_course
from coursesite.problems import Problem, count_errors, count_line, sort_problems
from coursesite.quiz import source_check
from coursesite.quiz import summary as quiz_summary
from coursesite.readings import citeonly

log = logging.getLogger("mkdocs.hooks.course_hooks")


def _report(build: state.BuildState) -> list[Problem]:
    """Print every problem of the build at once, then stop on errors; returns them."""
    problems = sort_problems(build.problems)
    if build.collect_only:
        return problems
    for problem in problems:
        (log.error if problem.is_error else log.warning)(str(problem))
    errors = count_errors(problems)
    if errors and state.previewing:
        log.warning(
            f"{errors} content error(s) above: the preview shows the pages anyway, but the strict build will refuse them."
        )
    elif errors:
        raise Abort(
            f"Aborted: {count_line(problems)} Fix the errors and build again (run 'course check' to list them without building)."
        )
    elif problems:
        log.info(count_line(problems))  # info: a warning of ours would count twice in a strict build
    return problems


def on_startup(command, dirty):
    # While a trainer previews, a mistake must not stop the server: it is listed, and fixed on save.
    state.previewing = command == "serve"


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
    site_meta = inline.theme_meta({"description": config.site_description, "author": config.site_author})
    config.site_description, config.site_author = site_meta.get("description"), site_meta.get("author")
    # The link check resolves against the settings of this build (a packager may override them).
    # `mkdocs serve` replaces site_url with the preview's address before any hook runs, which
    # made a link to http://127.0.0.1:8000 count as a link into this site: the preview judges
    # links as the published site will, by the site_url of mkdocs.yml (coursesite/links/settings.py).
    settings = {"use_directory_urls": config.use_directory_urls}
    if not state.previewing:
        settings["site_url"] = config.site_url or ""
    build.course.extras["build_settings"] = settings
    logging.getLogger("coursesite.quiz").disabled = True  # the source check reports quiz problems at exact file lines
    build.problems += all_checks.check_sources(build.course)
    _define_glossary_terms(config, build.course)
    # Pages render the quizzes the source check just parsed, without parsing them again.
    config.mdx_configs.setdefault("coursesite.quiz", {})["parsed"] = source_check.parsed_blocks(build.course)
    # Questions of graded assessments are rendered without their answers (coursesite/assessment).
    config.mdx_configs["coursesite.quiz"]["graded"] = graded_pool.graded_ids(build.course)
    return config


def _define_glossary_terms(config, course) -> None:
    """Glossary terms become abbreviations (a tooltip with the meaning) on every page."""
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.abbreviations(course)


def on_files(files, config):
    build = state.require()
    if build.course.fatal:
        # MkDocs would crash with a traceback reading an unreadable page: stop here instead.
        _report(build)
        raise Abort("Aborted: a page could not be read.")
    for path, content in readings.downloads(build.course).items():  # BibTeX, RIS, CSL-JSON
        files.append(File.generated(config, path, content=content))
    if state.previewing:  # the problem banner's script and styles (coursesite/preview)
        for path, content in preview.assets().items():
            files.append(File.generated(config, path, content=content))
    progressdata.note_page_urls(build.course, {f.src_uri: f.url for f in files.documentation_pages()})
    return files


def on_pre_build(config):
    # A large site's pages are read for the link check while the build writes them.
    links.start_reader(state.require().course, Path(config.site_dir))


def on_post_page(output, page, config):
    links.page_rendered(state.require().course, page.file.dest_uri)
    return preview.add_banner(output, page.url) if state.previewing else output


def on_build_error(error):
    if state.current is not None:
        links.stop_reader(state.current.course)


@event_priority(100)  # before the macros plugin and the theme read the page's metadata
def _drop_refused_front_matter(markdown, page, config, files):
    """Front matter the course refused (a syntax error, YAML aliases that
    would expand without end) is not used from MkDocs' own reading either."""
    source = state.require().course.pages.get(page.file.src_uri)
    if source is not None and source.meta is None:
        page.meta = {}
    return markdown


@event_priority(100)  # before the macros plugin
def _render_macros_only_where_used(markdown, page, config, files):
    """Spare a page the macros plugin's template compile (a few milliseconds a
    page) when it has no Jinja syntax, or only cite() calls, rendered here as
    Jinja would (coursesite/readings/citeonly.py); a page's own render_macros: still wins."""
    macros = config.plugins.get("macros")
    if macros is None or "render_macros" in page.meta or macros.has_j2(page.title or ""):
        return markdown
    if not macros.has_j2(markdown):
        page.meta["render_macros"] = False
        return markdown
    if not citeonly.uses_jinja_defaults(macros.env):
        return markdown
    build, uri = state.require(), page.file.src_uri
    rendered = citeonly.render(markdown, lambda keys: readings.cite_for_build(build, uri, keys))
    if rendered is None:
        return markdown
    page.meta["render_macros"] = False
    return rendered


def _add_generated_sections(markdown, page, config, files):
    """After the macros plugin, so no author or reading text is ever run as Jinja."""
    course = state.require().course
    module = course.module_at(page.file.src_uri)
    if module:
        markdown = pages.module_header(course, module) + "\n" + markdown
        markdown += "\n\n" + readings.module_section(course, module)
    return markdown


def _escape_meta_for_theme(markdown, page, config, files):
    """After the macros plugin (a page may print its own front matter), before
    any template: every page's title shows in the navigation of the others."""
    page.meta.update(inline.theme_meta(page.meta))
    return markdown


on_page_markdown = CombinedEvent(
    _drop_refused_front_matter, _render_macros_only_where_used, _add_generated_sections, _escape_meta_for_theme
)


def on_page_content(html, page, config, files):
    course = state.require().course
    module = course.module_at(page.file.src_uri)
    if module:  # the reading entries under the page's "Reading list" heading, the page's last section
        html += readings.module_entries_html(course, module, _site_markdown(config))
    if module and module.assessment:  # answers out to the review file, answer hashes and the panel in
        html = graded_page.process_page(course, module, html, page.url)
    html = quiz_summary.add_summary(html, module)  # "x of y correct", pass mark
    return progressdata.note_page(course, page.file.src_uri, page.url, html)


def _site_markdown(config):
    """Markdown to HTML with the site's own extensions and settings, made once per build."""
    build = state.require()
    if "to_html" not in build.course.extras:
        converter = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        build.course.extras["to_html"] = lambda text: converter.reset().convert(text)
    return build.course.extras["to_html"]


_unsearched: tuple[str, list[str]] = ("", [])  # the page being indexed: its content and what was cut


@event_priority(50)  # before the search plugin indexes the page
def _cut_unsearched_parts(context, page, config, nav):
    """The indexer reads the page without the parts it would skip (coursesite/searchview.py)."""
    global _unsearched
    content = page.content or ""
    page.content, parts = searchview.without_unsearched(content)
    _unsearched = (content, parts)
    return context


@event_priority(-50)  # after the search plugin
def _page_context(context, page, config, nav):
    content, parts = _unsearched
    if parts:
        page.content = searchview.with_unsearched(page.content, parts) or content
    # Read by overrides/main.html; each feature's script is loaded by main.js.
    context["lms_styles"] = pageassets.styles(page.content or "")
    context["lms_load_now"] = state.packaging
    return context


on_page_context = CombinedEvent(_cut_unsearched_parts, _page_context)


def on_post_build(config):
    build = state.require()
    progressdata.write_course_data(build.course, Path(config.site_dir))
    graded_page.write_reviews(build.course, Path(config.site_dir))
    if not state.previewing:  # a trainer's preview keeps the readable sources
        minify.minify_site(Path(config.site_dir))
    pageassets.write_stylesheets(Path(config.site_dir))  # from the copies just minified
    build.problems += all_checks.check_built_site(build.course, Path(config.site_dir))
    problems = _report(build)
    if state.previewing:  # the problem banner of every previewed page (coursesite/preview)
        preview.write_problems(Path(config.site_dir), problems, build.course, config.use_directory_urls)
