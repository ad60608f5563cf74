"""The whole course: every page's source, the modules in nav order, and the
cross-module rules (unique ids, prerequisites, nav coverage).

``load_course`` is the single entry point used by the build hook and by the
``course check`` command, so both see exactly the same problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import inline, lessons
from .config import SiteConfig, read_site_config
from .modules import Module, parse_module
from .problems import WARNING, Problem, did_you_mean
from .source import SourceFile, read_source

if TYPE_CHECKING:
    from .builtsite import BuiltSite
    from .glossary import Term
    from .quiz.parse import PageQuizzes
    from .readings.model import Catalogue
    from .readings.usage import Citation

MODULES_DIR = "modules"
DATA_DIR = "_data"


@dataclass
class Derived:
    """What the features work out from a course, each once: a build loads its
    own course, so nothing here outlives the build or reaches another."""

    quizzes: dict[str, PageQuizzes] | None = None  # src_uri -> the page's parsed quizzes (quiz/source_check.py)
    glossary: tuple[list[Term], list[Problem]] | None = None  # glossary.load
    readings: Catalogue | None = None  # readings/load.py
    citations: list[Citation] | None = None  # every cite() call (readings/usage.py)
    reading_list_page: str | None = None  # the page calling reading_list(), "" when none does
    readings_naming_modules: dict[str, list[str]] | None = None  # module id -> readings naming it
    reading_modules: dict[str, list[str]] | None = None  # reading id -> its modules
    citing_pages: dict[str, list[str]] | None = None  # reading id -> pages citing it
    reading_entries_html: dict[str, str] = field(default_factory=dict)  # reading id -> its entry's HTML
    faulty_templates: set[str] = field(default_factory=set)  # pages whose Jinja the source check refused
    page_urls: dict[str, str] = field(default_factory=dict)  # src_uri -> URL (progressdata.py)
    # site path -> a graded page's review file (assessment/page.py)
    reviews: dict[str, dict] = field(default_factory=dict)
    page_quiz_ids: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> quiz ids the page shows
    page_sections: dict[str, dict[str, str]] = field(default_factory=dict)  # module id -> heading id -> text
    tasks: dict[str, Any] | None = None  # src_uri -> the page's parsed tasks (task/check.py)
    review_forms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # src_uri -> (quiz id, form HTML)
    stylesheets: set[str] = field(default_factory=set)  # site paths of the stylesheets pages link (pageassets.py)
    built_site: BuiltSite | None = None  # the built site's pages, read once while it is checked (builtsite.py)


@dataclass
class Course:
    site: SiteConfig
    pages: dict[str, SourceFile] = field(default_factory=dict)  # src_uri -> source, every Markdown page
    modules: list[Module] = field(default_factory=list)  # in nav order
    problems: list[Problem] = field(default_factory=list)
    derived: Derived = field(default_factory=Derived)
    _lookups: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict, repr=False, compare=False)

    def _modules_by(self, attribute: str) -> dict[str, Module]:
        """Modules by id or by page, the first one when two clash. Built on first
        use and again if modules were added: every page asks, and scanning the
        list each time made a 2,000-module build grow with the square of its size."""
        count, index = self._lookups.get(attribute, (-1, {}))
        if count != len(self.modules):
            index = {}
            for module in self.modules:
                index.setdefault(getattr(module, attribute), module)
            self._lookups[attribute] = (len(self.modules), index)
        return index

    def module(self, module_id: str) -> Module | None:
        return self._modules_by("id").get(module_id)

    def module_at(self, src_uri: str) -> Module | None:
        return self._modules_by("src_uri").get(src_uri)

    def lesson_at(self, src_uri: str):
        """(module, lesson, lesson number from 1) of a lesson page, or None."""
        if self._lookups.get("lesson", (-1,))[0] != len(self.modules):
            found = {x.src_uri: (m, x, i) for m in self.modules for i, x in enumerate(m.lessons, 1)}
            self._lookups["lesson"] = (len(self.modules), found)
        return self._lookups["lesson"][1].get(src_uri)

    def number_of(self, module: Module) -> int:
        """The module's place in the course, from 1 (0 when it is not in it)."""
        if self._lookups.get("number", (-1,))[0] != len(self.modules):
            self._lookups["number"] = (len(self.modules), {m.src_uri: i for i, m in enumerate(self.modules, 1)})
        return int(self._lookups["number"][1].get(module.src_uri, 0))

    def unloaded_modules(self) -> tuple[str, ...]:
        """Module pages that errors kept out of the course: a problem about a
        module id or a module's readings may follow from their errors."""
        return tuple(
            s.path
            for uri, s in self.pages.items()
            if uri.startswith(MODULES_DIR + "/") and self.module_at(uri) is None and not lessons.is_lesson_page(uri)
        )

    @property
    def total_minutes(self) -> int:
        return sum(m.duration for m in self.modules)

    @property
    def fatal(self) -> bool:
        """True when a page cannot even be read, so a build must stop before rendering."""
        return any(p.message in UNREADABLE for p in self.problems)


UNREADABLE = ("file is not valid UTF-8",)


def _title_problems(source: SourceFile, is_module: bool) -> list[Problem]:
    meta = source.meta
    title = meta.get("title") if hasattr(meta, "get") else None
    if not isinstance(title, str):
        return []
    from .yamlsrc import key_line

    line = key_line(meta, "title", source.meta_first_line)
    if inline.MARKUP.search(title):
        return [
            Problem(
                source.path,
                line,
                "title contains HTML markup, which the theme would put into the page as code",
                "write the title as plain text, without < > or & entities",
            )
        ]
    # The home page, syllabus and key points render a module's title as Markdown.
    return inline.problems(title, source.path, line, "title", links=False) if is_module else []


def _markdown_files(docs_dir: Path) -> list[str]:
    if not docs_dir.is_dir():
        return []
    found = []
    for file in sorted(docs_dir.rglob("*.md")):
        src_uri = file.relative_to(docs_dir).as_posix()
        if not src_uri.startswith((DATA_DIR + "/", ".")):
            found.append(src_uri)
    return found


def _nav_problems(site: SiteConfig, files: list[str]) -> list[Problem]:
    if site.raw is None:
        return []  # mkdocs.yml could not be read (its problems say why), so its nav is unknown
    problems = []
    existing = set(files)
    in_nav = {entry.src_uri for entry in site.nav}
    for entry in site.nav:
        if entry.src_uri not in existing and not (site.docs_dir / entry.src_uri).exists():
            # The file meant is one that nav does not list yet.
            hint = (
                did_you_mean(entry.src_uri, [f for f in files if f not in in_nav])
                or f"create {site.report_path(entry.src_uri)} or fix the path in nav"
            )
            problems.append(
                Problem(site.config_path, entry.line, f"nav entry '{entry.src_uri}' points at a missing file", hint)
            )
    for src_uri in files:
        if src_uri.startswith(MODULES_DIR + "/") and src_uri not in in_nav:
            problems.append(
                Problem(
                    site.report_path(src_uri),
                    1,
                    "module file is not listed in nav",
                    "add it under the course section of nav in mkdocs.yml, in course order",
                    follows_from=(site.config_path,),
                )
            )
    return problems


def omitted_pages(course: Course, _site_dir: Path) -> list[Problem]:
    """Pages other than modules that nav leaves out: MkDocs' own warning
    (off in mkdocs.yml), said at the page and, as MkDocs did, only in a build."""
    site = course.site
    if hasattr(site.raw, "get") and "not_in_nav" in site.raw:
        return []
    in_nav = {entry.src_uri for entry in site.nav}
    return [
        Problem(
            site.report_path(src_uri),
            1,
            "page is not listed in nav",
            "add it to nav in mkdocs.yml, or delete it",
            WARNING,
            follows_from=(site.config_path,),
        )
        for src_uri in course.pages
        if src_uri not in in_nav and not src_uri.startswith(MODULES_DIR + "/")
    ]


def _modules_dir_problems(site: SiteConfig, files: list[str]) -> list[Problem]:
    if any(f.startswith(MODULES_DIR + "/") for f in files):
        return []
    path = site.report_path(MODULES_DIR) + "/"
    return [Problem(path, 0, "there are no modules", f"add at least one module file, e.g. {path}01-introduction.md")]


def _cross_module_problems(modules: list[Module], unloaded: tuple[str, ...]) -> list[Problem]:
    """``unloaded``: module pages whose errors kept their id out of ``modules``."""
    problems: list[Problem] = []
    first_seen: dict[str, Module] = {}
    position = {m.id: i for i, m in reversed(list(enumerate(modules)))}
    for index, module in enumerate(modules):
        if module.id in first_seen:
            other = first_seen[module.id]
            problems.append(
                Problem(
                    module.path,
                    module.line_of("id"),
                    f"module id '{module.id}' is already used by {other.path}:{other.line_of('id')}",
                    "give each module its own id",
                )
            )
        else:
            first_seen[module.id] = module
        for prerequisite in module.prerequisites:
            line = module.line_of("prerequisites")
            if prerequisite == module.id:
                problems.append(
                    Problem(
                        module.path,
                        line,
                        f"module lists itself ('{prerequisite}') as a prerequisite",
                        "remove it from prerequisites",
                    )
                )
            elif prerequisite not in position:
                problems.append(
                    Problem(
                        module.path,
                        line,
                        f"prerequisite '{prerequisite}' is not the id of any module",
                        "use the id: of a module listed in nav",
                        follows_from=unloaded,
                    )
                )
            elif position[prerequisite] > index:
                problems.append(
                    Problem(
                        module.path,
                        line,
                        f"prerequisite '{prerequisite}' comes after this module in the course",
                        "move this module after it in nav, or drop the prerequisite",
                    )
                )
    return problems


def load_course(config_file: Path) -> Course:
    """Read mkdocs.yml and every page, validate modules and return the course.

    Never raises for content problems: they are collected in ``course.problems``.
    """
    site = read_site_config(config_file)
    course = Course(site=site, problems=list(site.problems))
    files = _markdown_files(site.docs_dir)
    for src_uri in files:
        course.pages[src_uri] = read_source(site.docs_dir / src_uri, site.report_path(src_uri))
    course.problems += _modules_dir_problems(site, files)
    course.problems += _nav_problems(site, files)
    nav_order = [e.src_uri for e in site.nav if e.src_uri.startswith(MODULES_DIR + "/") and e.src_uri in course.pages]
    found_lessons = {}
    for src_uri in files:
        source = course.pages[src_uri]
        course.problems += _title_problems(source, src_uri.startswith(MODULES_DIR + "/"))
        course.problems += lessons.stray_lesson_key(source, src_uri)
        if not src_uri.startswith(MODULES_DIR + "/"):
            course.problems += source.problems
            continue
        if lessons.is_lesson_page(src_uri):
            lesson, problems = lessons.parse_lesson(source, src_uri)
            course.problems += problems
            if lesson:
                found_lessons[src_uri] = lesson
            continue
        module, problems = parse_module(source, src_uri)
        course.problems += problems
        if module and src_uri in nav_order:
            course.modules.append(module)
    course.modules.sort(key=lambda m: nav_order.index(m.src_uri))
    course.problems += lessons.attach_lessons(course.modules, found_lessons, nav_order, site.report_path)
    course.problems += _cross_module_problems(course.modules, course.unloaded_modules())
    return course
