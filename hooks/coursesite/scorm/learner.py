"""What a SCORM package leaves out of the published site.

A package goes to learners only, and many LMSs limit the size of an upload,
so it carries nothing a learner ever opens:

- the trainer guide and facilitator notes: a package is always the learner
  edition (coursesite/editions.py);
- source maps (``*.map``): only a developer's browser tools read them; the
  comment naming one at the end of a script is dropped with it;
- Material's search-language files for languages the site does not search
  in. Which ones the search worker loads depends only on the languages its
  index names (``search/search_index.json``), by the rule below.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SEARCH_INDEX = "search/search_index.json"
LUNR_DIR = "assets/javascripts/lunr/"
SOURCE_MAP_COMMENT = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^\n]*?\*/)\s*\Z")


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
