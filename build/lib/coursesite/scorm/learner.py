"""What a SCORM package leaves out of the published site.

A package goes to learners only, and many LMSs limit the size of an upload,
so it carries nothing a learner ever opens:

- the trainer guide (the pages under ``docs/guide/``): the package build
  excludes those files and drops their entries from the nav, so no learner
  page, menu or search result leads there. A learner page whose text links
  the guide gets no package: the link would lead nowhere inside it, so it is
  named at its line (``guide_links``; any link this misses, such as a
  reference-style one, still fails the package's strict build);
- source maps (``*.map``): only a developer's browser tools read them; the
  comment naming one at the end of a script is dropped with it;
- Material's search-language files for languages the site does not search
  in. Which ones the search worker loads depends only on the languages its
  index names (``search/search_index.json``), by the rule below.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from ..config import SiteConfig
from ..problems import Problem

GUIDE_DIR = "guide"
SEARCH_INDEX = "search/search_index.json"
LUNR_DIR = "assets/javascripts/lunr/"
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|\bhref\s*=\s*[\"']([^\"']+)")
SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^\n]*?\*/)\s*\Z")


def _is_guide(target: str) -> bool:
    path = posixpath.normpath(target.strip())
    return path == GUIDE_DIR or path.startswith(GUIDE_DIR + "/")


def _without_guide(items: list) -> list:
    """The nav without the guide's pages; a section left empty goes too."""
    kept: list = []
    for item in items:
        if isinstance(item, str):
            if not _is_guide(item):
                kept.append(str(item))
            continue
        if not isinstance(item, dict):
            kept.append(item)
            continue
        entry: dict[str, Any] = {}
        for title, value in item.items():
            if isinstance(value, list):
                value = _without_guide(value)
                if value:
                    entry[str(title)] = value
            elif not (isinstance(value, str) and _is_guide(value)):
                entry[str(title)] = str(value) if isinstance(value, str) else value
        if entry:
            kept.append(entry)
    return kept


def guide_links(course) -> list[Problem]:
    """Links written in learner pages that lead into the trainer guide."""
    problems = []
    for src_uri, source in sorted(course.pages.items()):
        if _is_guide(src_uri):
            continue
        for number, line in enumerate(source.lines, start=1):
            for match in LINK.finditer(line):
                target = match.group(1) or match.group(2)
                path = re.split(r"[#?]", target, maxsplit=1)[0]
                if (
                    path
                    and ":" not in path
                    and not path.startswith("/")
                    and _is_guide(posixpath.join(posixpath.dirname(src_uri), path))
                ):
                    problems.append(
                        Problem(
                            source.path,
                            number,
                            f"link to '{target}' leads into the trainer guide, which SCORM packages leave out",
                            "remove the link from this learner page, or give the guide's published address (https://...) so learners open it on the site",
                        )
                    )
    return problems


def learner_settings(site: SiteConfig) -> dict:
    """Settings of mkdocs.yml to replace for the package build: no trainer guide."""
    raw = site.raw if hasattr(site.raw, "get") else {}
    exclude = str(raw.get("exclude_docs") or "").rstrip("\n")
    settings: dict = {"exclude_docs": f"{exclude}\n/{GUIDE_DIR}/\n".lstrip("\n")}
    if isinstance(raw.get("nav"), list):
        settings["nav"] = _without_guide(raw["nav"])
    return settings


def search_languages(site_dir: Path) -> list[str]:
    """The languages the site's search index names (none: no search)."""
    try:
        config = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8")).get("config", {})
    except (OSError, ValueError, AttributeError):
        return []
    languages = config.get("lang", []) if isinstance(config, dict) else []
    return [str(lang) for lang in languages] if isinstance(languages, list) else []


def search_files_used(languages: list[str]) -> set[str]:
    """Files under ``assets/javascripts/lunr/`` that Material's search worker
    loads for ``languages``: English needs none; others need their stemmer,
    Japanese, Hindi and Thai a word splitter, several languages lunr.multi."""
    used: set[str] = set()
    for lang in languages:
        if lang == "ja":
            used.add("tinyseg.js")
        elif lang in ("hi", "th"):
            used.add("wordcut.js")
        if lang != "en":
            used.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        used.add("min/lunr.multi.min.js")
    if used:
        used.add("min/lunr.stemmer.support.min.js")
    return used


def unused_files(paths: list[str], site_dir: Path) -> set[str]:
    """Of the built site's ``paths``, those no learner's browser ever loads."""
    used_search = {LUNR_DIR + name for name in search_files_used(search_languages(site_dir))}
    return {path for path in paths if path.endswith(".map") or (path.startswith(LUNR_DIR) and path not in used_search)}


def without_source_map_comment(path: str, data: bytes) -> bytes:
    """A script or stylesheet without the comment naming its (left out) source map."""
    return SOURCE_MAP_COMMENT.sub(b"\n", data) if path.endswith((".js", ".css")) else data
