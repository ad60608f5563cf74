"""Macros for trainers' pages (mkdocs-macros ``module_name``).

Each macro returns Markdown generated from module metadata, so the course
home, syllabus, key points and glossary can never drift from the modules.
"""

from __future__ import annotations

from collections.abc import Callable

from coursesite import glossary, learnerpath, pages, readings, state, templates
from coursesite.course_loader import Course
from coursesite.task import portfolio as task_portfolio

# The macros that write a page's Markdown from the course's modules, each with
# links relative to the page it stands on: name -> writer(course, page_uri).
PAGE_MACROS: dict[str, Callable[[Course, str], str]] = {
    "course_home": pages.course_home,  # cards for every module, in course order, with the total time
    "course_start": learnerpath.start_button,  # the home page's "Start the course" and the time promise
    "syllabus": pages.syllabus,
    "key_points": pages.key_points,
    "portfolio": task_portfolio.portfolio_page,  # every task, for the learner's responses (task/portfolio.js)
    "reading_list": readings.reading_list_page,
}


def define_env(env):
    def page_uri() -> str:
        return env.page.file.src_uri

    for name, writer in PAGE_MACROS.items():
        env.macro(_page_macro(name, writer, page_uri), name)

    @env.macro
    def glossary_terms() -> str:
        return glossary.glossary_page(state.require().course)

    @env.macro
    def cite(*keys: str) -> str:
        """(Pink, 2009) linked to the reading list; a missing key is a build problem."""
        return readings.cite_for_build(state.require(), page_uri(), list(keys))


def _page_macro(name: str, writer: Callable[[Course, str], str], page_uri: Callable[[], str]) -> Callable[[], str]:
    def macro() -> str:
        return writer(state.require().course, page_uri())

    # A trainer's wrong call is reported by this name: "syllabus() takes 0 positional arguments".
    macro.__name__ = macro.__qualname__ = name
    return macro


def on_pre_page_macros(env):
    """Render the page here, just before the plugin would, so that a mistake in
    its template code becomes a problem at its line in the file.

    The plugin's own error handling cannot do that: with ``on_error_fail`` it
    exits the process (no other problem is listed and the preview dies), and
    without it, it puts a traceback into the page and logs it, with the line
    counted from the end of the front matter and no line at all for an
    undefined name. This hook is the plugin's documented one, and
    ``render_macros: false`` its documented page setting: the plugin then
    passes the rendered text on as it is.
    """
    page, build = env.page, state.require()
    opted_out = env.config.get("render_by_default") is False and page.meta.get("render_macros") is not True
    if page.meta.get("render_macros") is False or opted_out:
        return  # the plugin renders nothing either
    page.meta["render_macros"] = False  # rendered here, or shown as written when faulty
    source = build.course.pages.get(page.file.src_uri)
    if page.file.src_uri in build.course.derived.faulty_templates:
        return  # the source check reported its mistake; the page shows its text as written
    where = (source.path if source else f"docs/{page.file.src_uri}", templates.lines_before(source, env.markdown))
    context = {**env.variables, **page.meta}
    env.markdown, problem = templates.render(env.env, env.markdown, context, where)
    if problem is None and page.title and env.has_j2(page.title):
        page.title, problem = templates.render(env.env, page.title, context, (where[0], 0))
    if problem:
        build.problems.append(problem)
