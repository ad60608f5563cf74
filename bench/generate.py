"""Write a synthetic course of N modules for the benchmarks.

    .venv/bin/python bench/generate.py bench/out/course-500 --modules 500 [--plain]

The course is a complete, throwaway MkDocs project: ``mkdocs.yml`` derived
from the repository's (nav replaced), symlinks to ``hooks/`` and
``overrides/``, a copy of ``docs/assets``, the repository's top-level pages
(home, syllabus, key points, glossary, readings, dashboard: whichever its nav
lists) and N module pages in the real authoring syntax (the trainer
guide's): front matter, five ``/// quiz`` blocks with site-unique ids,
``{{ cite() }}`` of readings from the repository's ``readings.yml``, links
between modules and to heading anchors, admonitions and tables.

``--plain`` writes the same pages with the quizzes as plain lists, citations
as plain text, no reading data, and a configuration without our hooks,
macros or Markdown extensions: the baseline for where our features' extra time goes.
Everything is deterministic, so every benchmark runs on the same material.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
from module_page import ModuleSpec, module_markdown
from prose import TOPICS

ROOT = Path(__file__).resolve().parents[1]
OURS = ("lms", "hooks", "course")  # prefixes of our own Markdown extensions
THEME_PLUGINS = ("search", "material/")  # the plain baseline keeps only these
STATIC_MACROS = ("course_home", "syllabus", "key_points")
PART_SIZE = 20  # modules per nav part: a 2,000-item flat sidebar is not a course anyone would ship
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    return yaml


def features() -> dict[str, bool]:
    """Which of our features the repository provides right now, so the
    generator never writes syntax that the current build cannot render."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    macros = (ROOT / "hooks" / "course_macros.py").read_text(encoding="utf-8")
    return {"quiz": "quiz" in config.split("markdown_extensions:")[-1], "cite": bool(re.search(r"\bcite\b", macros))}


def _top_level_pages(nav) -> list[str]:
    """Pages of the repository's nav that live directly in docs/ (home, syllabus...)."""
    found = []
    for item in nav or []:
        values = item.values() if hasattr(item, "values") else [item]
        for value in values:
            if isinstance(value, str) and "/" not in value and value.endswith(".md"):
                found.append(value)
            elif isinstance(value, list):
                found += _top_level_pages(value)
    return found


def _nav(nav, module_files: list[str], kept: set[str]):
    """The repository's nav with its modules replaced by ours and sub-folder pages dropped."""
    result, placed = [], False
    for item in nav or []:
        title, value = next(iter(item.items())) if hasattr(item, "items") else (None, item)
        if isinstance(value, list):
            inner = _nav(value, module_files, kept)
            if inner:
                result.append({title: inner})
            continue
        if value.startswith("modules/"):
            if not placed:
                result += module_files
                placed = True
        elif value in kept:
            result.append({title: value} if title else value)
    return result


def _module_nav(modules: list[ModuleSpec], part_size: int) -> list:
    """Module entries, grouped into parts of ``part_size`` when there are more."""
    files = [f"modules/{m.filename}" for m in modules]
    if not part_size or len(files) <= part_size:
        return files
    return [
        {f"Part {start // part_size + 1}": files[start : start + part_size]}
        for start in range(0, len(files), part_size)
    ]


def _config(modules: list[ModuleSpec], kept: set[str], plain: bool, site_url: str, part_size: int):
    yaml = _yaml()
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = _nav(config.get("nav"), _module_nav(modules, part_size), kept)
    config["site_url"] = site_url
    return plain_config(config) if plain else config


def plain_config(config):
    """A loaded mkdocs.yml without our hooks, macros and Markdown extensions (changed in place)."""
    config.pop("hooks", None)
    config["plugins"] = [p for p in config.get("plugins", []) if _name(p).startswith(THEME_PLUGINS)]
    config["markdown_extensions"] = [e for e in config.get("markdown_extensions", []) if not _name(e).startswith(OURS)]
    return config


def _name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def faulty_readings() -> set[str]:
    """Readings that the repository's own checks reject right now (the reading
    list is written concurrently): the synthetic course leaves them out so
    that it builds. Empty when the readings feature is not there yet."""
    try:
        from coursesite.course_loader import load_course
        from coursesite.readings.load import load
    except ImportError:
        return set()
    return set(load(load_course(ROOT / "mkdocs.yml")).faulty)


def _readings(modules: list[ModuleSpec], skip: set[str]) -> dict[str, str]:
    """Give every module four readings, round robin, and return id -> "Family, year"."""
    yaml = _yaml()
    data = yaml.load((ROOT / "docs" / "_data" / "readings.yml").read_text(encoding="utf-8")) or {}
    ids = [rid for rid in data if rid not in skip]
    for number, module in enumerate(modules):
        module.readings = [ids[(4 * number + k) % len(ids)] for k in range(4)] if ids else []
    return {rid: _label(data[rid]) for rid in ids}


def _label(entry) -> str:
    authors = entry.get("authors") or ["Anon, A."]
    family = str(authors[0]).split(",")[0]
    return f"{family}{' et al.' if len(authors) > 1 else ''}, {entry.get('year', 'n.d.')}"


def _write_readings(out: Path, modules: list[ModuleSpec]) -> None:
    """readings.yml with only the readings used, each naming the modules that list it."""
    yaml = _yaml()
    data = yaml.load((ROOT / "docs" / "_data" / "readings.yml").read_text(encoding="utf-8")) or {}
    users: dict[str, list[str]] = {}
    for module in modules:
        for rid in module.readings:
            users.setdefault(rid, []).append(module.id)
    for rid in list(data):
        if rid not in users:
            del data[rid]
        else:
            data[rid]["modules"] = users[rid]
    with (out / "docs" / "_data" / "readings.yml").open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def _glossary(out: Path, modules: list[ModuleSpec], write: bool) -> list[str]:
    """The repository's glossary files, renamed after our first modules; returns the terms.

    The plain twin gets the same terms in its prose (so both courses share every
    sentence) but no glossary files.
    """
    source = ROOT / "docs" / "_data" / "glossary"
    files = sorted(source.glob("*.yml")) if source.is_dir() else []
    if write:
        (out / "docs" / "_data" / "glossary").mkdir(parents=True, exist_ok=True)
    terms = []
    for file, module in zip(files, modules, strict=False):
        if write:
            shutil.copy(file, out / "docs" / "_data" / "glossary" / f"{module.id}.yml")
        terms += [entry["term"] for entry in (_yaml().load(file.read_text(encoding="utf-8")) or []) if "term" in entry]
    return terms


def _static_page(text: str, modules: list[ModuleSpec]) -> str:
    """A copied page for the plain baseline: our macros replaced by a static list of links."""
    links = "\n".join(f"- [{m.title}](modules/{m.filename}): {m.description}" for m in modules)
    return MACRO.sub(lambda m: links if any(name in m.group(0) for name in STATIC_MACROS) else "", text)


def _specs(count: int) -> list[ModuleSpec]:
    specs = []
    for number in range(1, count + 1):
        topic = TOPICS[(number - 1) % len(TOPICS)]
        specs.append(ModuleSpec(number=number, topic=topic, total=count))
    return specs


def _prepare(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    (out / "docs" / "modules").mkdir(parents=True)
    for name in ("hooks", "overrides"):
        os.symlink(ROOT / name, out / name)
    shutil.copytree(ROOT / "docs" / "assets", out / "docs" / "assets")


def generate(
    out: Path, modules: int, *, plain: bool = False, site_url: str = "http://127.0.0.1/", part_size: int = PART_SIZE
) -> dict:
    """Write the course into ``out`` (replacing it) and describe what was written."""
    out = Path(out).resolve()
    _prepare(out)
    found = features()
    specs = _specs(modules)
    skipped = faulty_readings()
    labels = _readings(specs, skipped)
    repo_config = _yaml().load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    kept = {p for p in _top_level_pages(repo_config.get("nav")) if (ROOT / "docs" / p).exists()}
    terms = _glossary(out, specs, write=not plain)
    if not plain:
        _write_readings(out, specs)
    for page in sorted(kept):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        (out / "docs" / page).write_text(_static_page(text, specs) if plain else text, encoding="utf-8")
    words = quizzes = 0
    for spec in specs:
        markdown, stats = module_markdown(
            spec,
            specs,
            labels,
            terms,
            plain=plain,
            cite=found["cite"] and not plain,
            anchors_page="syllabus.md" in kept,
        )
        (out / "docs" / "modules" / spec.filename).write_text(markdown, encoding="utf-8")
        words, quizzes = words + stats["words"], quizzes + stats["quizzes"]
    with (out / "mkdocs.yml").open("w", encoding="utf-8") as handle:
        _yaml().dump(_config(specs, kept, plain, site_url, part_size), handle)
    return {
        "root": str(out),
        "modules": modules,
        "pages": modules + len(kept),
        "plain": plain,
        "part_size": part_size,
        "words": words,
        "quizzes": quizzes,
        "features": found,
        "readings_left_out": sorted(skipped),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the course into (replaced)")
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--plain", action="store_true", help="baseline: no quizzes, citations, readings or hooks")
    parser.add_argument("--site-url", default="http://127.0.0.1/")
    parser.add_argument("--part-size", type=int, default=PART_SIZE, help="modules per nav part; 0 for one flat list")
    args = parser.parse_args(argv)
    course = generate(args.out, args.modules, plain=args.plain, site_url=args.site_url, part_size=args.part_size)
    print(json.dumps(course, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
