"""Page weight: the bytes of our own JS, CSS and data a page makes
the browser transfer, each file counted gzip -9 as a server would send it.

A page is loaded in a fresh Chromium context (empty cache and storage: a new
learner, the visit that transfers the most) and every response is recorded
until the page is ready (``lms:page-ready``) and the network is idle, so code
and data that are imported later by a page's scripts count too.

Ours: every file the page fetches from the site except the HTML document
itself, Material's assets (``assets/javascripts``, ``assets/stylesheets``,
``assets/images``), its sitemap and the search index; plus what inline
``<script>``/``<style>`` blocks of ours (they mention ``coursesite``) add to the
gzipped HTML.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field

THEME = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "sitemap.xml", "search/")
INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.S | re.I)
BUDGET = 5000  # bytes: "5 KB", read strictly (as bench/bench_weight.py reads it)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def inline_bytes(html: str) -> int:
    """What our inline blocks add to the gzipped HTML."""
    ours = [m for m in INLINE.finditer(html) if "src=" not in m.group(2) and "lms" in (m.group(2) + m.group(3)).lower()]
    bare = html
    for match in reversed(ours):
        bare = bare[: match.start()] + bare[match.end() :]
    return gz(html.encode("utf-8")) - gz(bare.encode("utf-8"))


@dataclass
class Weight:
    page: str
    files: dict[str, int] = field(default_factory=dict)  # site path -> gzipped bytes
    inline: int = 0

    @property
    def total(self) -> int:
        return sum(self.files.values()) + self.inline

    def listing(self) -> str:
        parts = [f"{path} {size} B" for path, size in sorted(self.files.items(), key=lambda item: -item[1])]
        if self.inline:
            parts.append(f"inline {self.inline} B")
        return f"/{self.page}: {self.total} B = " + (", ".join(parts) or "nothing")


def measure(
    browser, base: str, path: str, *, ready: str = "html[data-lms-ready]", reach: str | None = None, touch: bool = False
) -> Weight:
    """Our gzipped bytes for one cold load of ``base + path``, once ``ready`` is
    in the page; with ``reach``, also what loads as the learner scrolls to the
    first element it selects (until that element is ``[data-lms-ready]``), and
    with ``touch`` as they then focus its first input."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(base + path)
        page.wait_for_selector(ready, state="attached")
        if reach:
            page.locator(reach).first.scroll_into_view_if_needed()
            page.locator(reach).first.and_(page.locator("[data-lms-ready]")).wait_for(state="attached")
            if touch:
                page.locator(reach).first.locator("input").first.focus()
        page.wait_for_load_state("networkidle")
        weight = Weight(path)
        for response in responses:
            url = response.url.split("#")[0].split("?")[0]
            if not url.startswith(base) or response.status >= 300:
                continue
            site_path = url[len(base) :]
            if url == (base + path).split("#")[0]:
                weight.inline = inline_bytes(response.text())
            elif not site_path.startswith(THEME):
                weight.files[site_path] = gz(response.body())
        return weight
    finally:
        context.close()
