"""Page weight: bytes transferred (gzip -9) for the home page, a module page
and the dashboard of the real course, split into the theme's share and ours.

The course is built (strict) and served on 127.0.0.1; headless Chromium
(Playwright, the system browser) loads each page with an empty cache and
every response is recorded. Each file counts as its gzip -9 size. Shares:

- ours: files under assets/lms/ and assets/course.css, any other file our
  build publishes, and inline <script>/<style> our build injects (marked
  with "lms"), counted as what they add to the gzipped HTML;
- theme: Material's assets (assets/javascripts, assets/stylesheets,
  assets/images) and Material's inline scripts;
- content: the rest of the HTML document, and the search index that
  Material's search fetches on a first visit, each reported separately.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import figure, log, served_course

LOADS = 3
THEME = ("assets/javascripts/", "assets/stylesheets/", "assets/images/", "sitemap.xml")
SEARCH_INDEX = "search/"  # Material's search fetches it on every first visit; its size follows the content
INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.S | re.I)
LIMIT = 5000  # bytes: "5 KB" read strictly


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def _is_ours_inline(attributes: str, body: str) -> bool:
    return "lms" in attributes.lower() or "lms" in body.lower()


def split_html(html: str) -> dict[str, int]:
    """Gzipped bytes of the document, split into our inline code, the theme's and the content."""

    def without(keep) -> bytes:
        return INLINE.sub(lambda m: m.group(0) if keep(m) else "", html).encode("utf-8")

    inline = [m for m in INLINE.finditer(html) if "src=" not in m.group(2)]
    ours = {m.start() for m in inline if _is_ours_inline(m.group(2), m.group(3))}
    theirs = {m.start() for m in inline} - ours
    full = gz(html.encode("utf-8"))
    no_ours = gz(without(lambda m: m.start() not in ours))
    bare = gz(without(lambda m: m.start() not in ours | theirs))
    return {"ours": full - no_ours, "theme": no_ours - bare, "content": bare}


# A learner who has been here before: a progress record in storage (store.js's key for a
# site served at the origin's root), so every page loads the progress code at once.
RECORD = '{"v":1,"epoch":0,"name":null,"visited":{"x":1},"completed":{},"quizzes":{},"readings":{},"last":null}'
RETURNING = f"localStorage.setItem('lms:v1:/:progress', '{RECORD}');"
QUIZ = "form[data-lms-quiz]"


def _load(
    browser, url: str, base: str, *, returning: bool = False, reach: str | None = None
) -> tuple[dict[str, int], dict[str, int], dict[str, int], list[str]]:
    """Shares of one page load with an empty cache, our files and the theme's by name, and
    requests that left 127.0.0.1; ``returning``: with a progress record in storage;
    ``reach``: then scroll to the first element the selector finds, as a reader would."""
    context = browser.new_context()
    if returning:
        context.add_init_script(RETURNING)
    page = context.new_page()
    foreign: list[str] = []

    def route(request_route) -> None:
        host = urlsplit(request_route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            foreign.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    if reach:
        page.locator(reach).first.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    shares, ours_files, theme_files = {"ours": 0, "theme": 0, "content": 0, "search": 0}, {}, {}
    for response in responses:
        path = response.url[len(base) :].split("#")[0].split("?")[0] if response.url.startswith(base) else None
        if path is None or response.status >= 300:
            continue
        body = response.body()
        if response.url.split("#")[0] == url:
            for key, size in split_html(body.decode("utf-8", "replace")).items():
                shares[key] += size
        elif path.startswith(SEARCH_INDEX):
            shares["search"] += gz(body)
        elif path.startswith(THEME):
            shares["theme"] += gz(body)
            theme_files[path.rsplit("/", 1)[-1]] = gz(body)
        else:
            shares["ours"] += gz(body)
            ours_files[path] = gz(body)
    context.close()
    return shares, ours_files, theme_files, foreign


def _measure(browser, base: str, name: str, path: str) -> tuple[list[dict], list[str]]:
    runs, files, theme, foreign = [], {}, {}, []
    for _ in range(LOADS):
        shares, files, theme, leaked = _load(browser, base + path, base)
        runs.append(shares)
        foreign += leaked
    figures = [
        figure(f"{name} page: ours (gzipped)", "B", runs=[r["ours"] for r in runs], target=f"<= {LIMIT}"),
        figure(f"{name} page: theme (gzipped)", "B", runs=[r["theme"] for r in runs]),
        figure(f"{name} page: content HTML (gzipped)", "B", runs=[r["content"] for r in runs]),
        figure(f"{name} page: search index (gzipped)", "B", runs=[r["search"] for r in runs]),
        figure(f"{name} page: total transferred (gzipped)", "B", runs=[sum(r.values()) for r in runs]),
    ]
    figures += _other_learners(browser, base, name, path)
    inline = runs[-1]["ours"] - sum(files.values())
    listing = ", ".join(f"{p} {b:,} B" for p, b in sorted(files.items(), key=lambda x: -x[1]))
    theirs = ", ".join(f"{p} {b:,} B" for p, b in sorted(theme.items(), key=lambda x: -x[1]))
    note = (
        f"{name} page (/{path}): our files: {listing or 'none'}; our inline code adds {inline:,} B to the gzipped HTML; "
        f"the theme's files: {theirs or 'none'}."
    )
    return figures, [note] + [f"{name} page requested {u} (blocked)" for u in sorted(set(foreign))]


def _other_learners(browser, base: str, name: str, path: str) -> list[dict]:
    """Our share for a learner with a record, and on a module page once the learner reaches a quiz.

    The target reads a new learner's first load (the one that transfers the
    theme and the search index too); these say what our code weighs on later
    visits, before the browser's cache (the site's files are cached between visits)."""
    cases = {"a learner with a progress record": {"returning": True}}
    if name == "module":
        cases["a new learner, scrolled to the first quiz"] = {"reach": QUIZ}
    found = []
    for case, options in cases.items():
        runs = [_load(browser, base + path, base, **options)[0]["ours"] for _ in range(LOADS)]
        found.append(figure(f"{name} page: ours, {case} (gzipped)", "B", runs=runs))
    return found


def main(args: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    from support.browser import LAUNCH_ARGS, find_browser

    figures, notes = [], []
    with served_course("bench-weight-") as (base, pages, what):
        log(f"  measuring {what}: {', '.join(f'/{p}' for p in pages.values())}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_browser(), args=LAUNCH_ARGS, headless=True)
            for name, path in pages.items():
                page_figures, page_notes = _measure(browser, base, name, path)
                figures += page_figures
                notes += page_notes
            browser.close()
    notes.insert(
        0,
        f"Measured on {what}, served gzip -9 from 127.0.0.1, {LOADS} cold loads per page; target for ours: "
        f"at most 5 KB, read strictly as {LIMIT:,} bytes, on a new learner's first load of the page.",
    )
    notes.insert(
        1,
        "Our code loads as the page needs it (docs/assets/lms/main.js): a quiz's or a reading's code as the learner "
        "comes within a screen of it (a quiz's checking code, quiz/check.js, about 1.8 KB, as the learner first "
        "touches the quiz); each page links one stylesheet of ours, course.css combined with its widgets' styles "
        "(coursesite/pageassets.py); the progress code and course data (about 7 KB) on the first answer or tick, near "
        "the module's foot, and at once for a learner with a progress record. The rows without a target say what that "
        "weighs: a new learner who reaches the module's first quiz, and a learner with a record, each with an empty "
        "cache (on a real later visit the browser has these files cached).",
    )
    if "dashboard" not in pages:
        notes.append("No dashboard page was built (docs/dashboard.md missing or not in nav): not measured.")
    return {"title": "Page weight", "figures": figures, "notes": notes}


if __name__ == "__main__":
    main(sys.argv[1:])
