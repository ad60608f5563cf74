"""On-disk cache of external answers, so a second run within the time to live
asks no server again. One JSON file; a missing, old-format or damaged file is
simply a cold cache (never an error)."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import fields
from pathlib import Path

from .lychee import Outcome

FILE_NAME = "external-links.json"
VERSION = 1
KNOWN = {f.name for f in fields(Outcome)}


class LinkCache:
    def __init__(self, folder: Path | None, ttl_hours: float, clock=time.time):
        self.file = Path(folder) / FILE_NAME if folder else None
        self.ttl = ttl_hours * 3600
        self.clock = clock
        self.entries: dict[str, dict] = self._load()

    def _load(self) -> dict[str, dict]:
        if self.file is None or not self.file.is_file():
            return {}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("outcomes"), dict):
            return {}
        return {
            url: entry for url, entry in data["outcomes"].items() if isinstance(entry, dict) and set(entry) <= KNOWN
        }

    def get(self, url: str) -> Outcome | None:
        """A fresh cached outcome for ``url``, or None."""
        entry = self.entries.get(url)
        if entry is None or self.ttl <= 0:
            return None
        if not isinstance(entry.get("checked_at"), (int, float)) or self.clock() - entry["checked_at"] > self.ttl:
            return None
        try:
            return Outcome(**entry)
        except TypeError:
            return None

    def put(self, outcome: Outcome) -> None:
        outcome.checked_at = self.clock()
        self.entries[outcome.url] = outcome.to_dict()

    def save(self) -> None:
        """Write atomically, dropping entries older than the time to live."""
        if self.file is None:
            return
        now = self.clock()
        fresh = {u: e for u, e in sorted(self.entries.items()) if now - e.get("checked_at", 0) <= max(self.ttl, 0)}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.file.parent, prefix=".links-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"version": VERSION, "outcomes": fresh}, out, indent=1)
            os.replace(temp, self.file)
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower
