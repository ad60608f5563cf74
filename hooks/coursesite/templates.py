"""Template code in pages (``{{ ... }}``, ``{% ... %}``, ``{# ... #}``): every
mistake in it is a Problem at its line in the file, never a crash.

The source check parses each page with Jinja's own parser, set up with the
macros plugin's delimiters from mkdocs.yml, so ``course check --no-build``
finds syntax errors; the build renders pages through ``render`` (called from
hooks/course_macros.py), which also reports undefined names and errors raised
by a macro. A page whose template is faulty is shown as its raw text, so the
preview keeps showing it, and is not rendered again: one mistake, one message.
"""

from __future__ import annotations

import traceback
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.defaults import DEFAULT_NAMESPACE

from .course_loader import Course
from .problems import Problem, did_you_mean
from .source import SourceFile

LITERAL_KINDS: dict[type, str] = {list: "a list", tuple: "a list", dict: "a mapping"}
LITERAL_HINT = 'to show {{ or {% as text, write {{ "{{" }} or put the text between {% raw %} and {% endraw %}'


def macros_settings(raw_config: Any) -> dict | None:
    """The macros plugin's settings in mkdocs.yml, or None when it is not used."""
    plugins = raw_config.get("plugins") if hasattr(raw_config, "get") else None
    for plugin in plugins if isinstance(plugins, list) else []:
        if plugin == "macros":
            return {}
        if hasattr(plugin, "get") and "macros" in plugin:
            settings = plugin["macros"]
            return dict(settings) if hasattr(settings, "items") else {}
    return None


def syntax_environment(settings: dict) -> jinja2.Environment:
    """An environment that reads templates as the macros plugin's does (its j2_ settings)."""
    options = {key[3:]: value for key, value in settings.items() if key.startswith("j2_") and value}
    return jinja2.Environment(**options)


def body(source: SourceFile) -> tuple[str, int]:
    """The text MkDocs hands to plugins (front matter removed when it is a
    mapping) and the number of file lines before it."""
    if not hasattr(source.meta, "get"):
        return source.text, 0
    offset = source.body_first_line - 1
    return "\n".join(source.text.split("\n")[offset:]), offset


def lines_before(source: SourceFile | None, markdown: str) -> int:
    """File lines before ``markdown``, the page body MkDocs read (it also drops
    blank lines after the front matter)."""
    if source is None:
        return 0
    if markdown and source.text.endswith(markdown):
        return source.text[: len(source.text) - len(markdown)].count("\n")
    return source.body_first_line - 1 if hasattr(source.meta, "get") else 0  # body()'s, without cutting the text


def _cite_problems(template: nodes.Template, path: str, offset: int) -> list[Problem]:
    """cite() takes reading ids as text: an id without quotes reads as a
    subtraction (kluger - denisi - 1996) of names that are not defined, and a
    number, true, none or a list is not an id. A variable is left to the macro."""
    problems = []
    for call in template.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "cite"):
            continue
        line = call.lineno + offset
        if any(isinstance(arg, nodes.Sub) for arg in call.args):
            problems.append(
                Problem(
                    path, line, "cite() needs each reading id in quotes", 'write e.g. {{ cite("kluger-denisi-1996") }}'
                )
            )
        for shown in filter(None, map(_literal_not_text, call.args)):
            problems.append(
                Problem(
                    path,
                    line,
                    f"cite() is given {shown}, not a reading id in quotes",
                    'write the id in quotes, e.g. {{ cite("pink-2009") }}',
                )
            )
    return problems


def _literal_not_text(arg: nodes.Expr) -> str | None:
    """How the page wrote ``arg`` when it is a literal other than text, else None."""
    try:
        value = arg.as_const()
    except nodes.Impossible:  # a name or a call: its value is known only when the page renders
        return None
    if isinstance(value, str):
        return None
    if value is None or isinstance(value, bool):
        return str(value).lower()
    return LITERAL_KINDS.get(type(value), repr(value))


def _has_template_code(env: jinja2.Environment, text: str) -> bool:
    """Whether ``text`` needs Jinja's parser: most pages have none."""
    return any(
        marker in text for marker in (env.variable_start_string, env.block_start_string, env.comment_start_string)
    )


def page_problems(env: jinja2.Environment, source: SourceFile) -> list[Problem]:
    text, offset = body(source)
    if not _has_template_code(env, text):
        return []
    try:
        template = env.parse(text)
    except jinja2.TemplateSyntaxError as error:
        return [syntax_problem(error, source.path, offset)]
    return _cite_problems(template, source.path, offset)


def syntax_problem(error: jinja2.TemplateSyntaxError, path: str, offset: int) -> Problem:
    return Problem(path, (error.lineno or 1) + offset, f"template syntax error: {error.message}", LITERAL_HINT)


def _opted_in(source: SourceFile) -> bool:
    return hasattr(source.meta, "get") and source.meta.get("render_macros") is True


def check(course: Course) -> list[Problem]:
    """Syntax errors (and unquoted cite() ids) in every page that renders macros."""
    from .readings.usage import renders_macros

    settings = macros_settings(course.site.raw)
    course.derived.faulty_templates = set()
    if settings is None:
        return []
    env = syntax_environment(settings)
    opt_in = settings.get("render_by_default") is False  # then only pages with render_macros: true
    problems = []
    for src_uri, source in course.pages.items():
        rendered = _opted_in(source) if opt_in else renders_macros(source)
        found = page_problems(env, source) if rendered else []
        if found:
            course.derived.faulty_templates.add(src_uri)
            problems += found
    return problems


def _template_line(error: BaseException) -> int:
    """The template line being run when ``error`` was raised (Jinja rewrites
    tracebacks so that template frames carry template lines)."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    return lines[-1] if lines and lines[-1] else 1


def render_problem(error: Exception, path: str, offset: int, names: list[str]) -> Problem:
    if isinstance(error, jinja2.TemplateSyntaxError):
        return syntax_problem(error, path, offset)
    line = _template_line(error) + offset
    if isinstance(error, jinja2.UndefinedError):
        name = _undefined_name(error)
        hint = did_you_mean(name, names) or f"the macros are {', '.join(sorted(names))}; {LITERAL_HINT}"
        return Problem(
            path,
            line,
            f"template code names '{name}', which is not defined" if name else f"template code: {error.message}",
            hint,
        )
    return Problem(
        path,
        line,
        f"template code failed: {type(error).__name__}: {error}",
        "check the macro call on this line and its arguments",
    )


def _undefined_name(error: jinja2.UndefinedError) -> str:
    message = error.message or ""
    return message.split("'")[1] if message.count("'") >= 2 else ""


def render(env: jinja2.Environment, text: str, context: dict, where: tuple[str, int]) -> tuple[str, Problem | None]:
    """``text`` rendered, or itself and the problem when its template code fails."""
    path, offset = where
    try:
        return env.from_string(text).render(context), None
    except Exception as error:
        macros = [name for name in env.globals if name not in DEFAULT_NAMESPACE]
        return text, render_problem(error, path, offset, macros)
