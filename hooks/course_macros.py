"""Macros for trainers' pages (mkdocs-macros ``module_name``).

Each macro returns Markdown generated from module metadata, so the course
home, syllabus, key points and glossary can never drift from the modules.
"""

from __future__ import annotations

from lms import glossary, pages, readings, state


def define_env(env):
    def page_uri() -> str:
        return env.page.file.src_uri

    @env.macro
    def course_home() -> str:
        """Cards for every module, in course order, with the total time."""
        return pages.course_home(state.require().course, page_uri())

    @env.macro
    def syllabus() -> str:
        return pages.syllabus(state.require().course, page_uri())

    @env.macro
    def key_points() -> str:
        return pages.key_points(state.require().course, page_uri())

    @env.macro
    def glossary_terms() -> str:
        return glossary.glossary_page(state.require().course)

    @env.macro
    def cite(*keys: str) -> str:
        """(Pink, 2009) linked to the reading list; a missing key is a build problem.
        Most pages' citations never get here: the hook renders a page whose only
        template code is cite() calls itself (lms/readings/citeonly.py)."""
        return readings.cite_for_build(state.require(), page_uri(), list(keys))

    @env.macro
    def reading_list() -> str:
        return readings.reading_list_page(state.require().course, page_uri())
