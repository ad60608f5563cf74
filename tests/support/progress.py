"""A throwaway course for the learner-progress tests.

Three modules: ``alpha`` with two quizzes (pass mark 50%: both answered
correctly, one of them at the first try, completes it), ``beta`` without quizzes (the learner marks it complete) and
``gamma`` with one quiz and one reading. Tests may pass quizzes through the
quiz script or send the documented ``lms:quiz-checked`` event themselves.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect
from ruamel.yaml import YAML

from .server import StaticServer
from .sites import ROOT, BuildResult, SiteFactory, module_page

PREFIX = "lms:v1:/:"  # store.js key prefix for a site served at the origin's root
KEY = PREFIX + "progress"
COURSE_TITLE = "From Sales Manager to Sales Leader"
NAV = [
    {"Home": "index.md"},
    {"Course": ["modules/01-alpha.md", "modules/02-beta.md", "modules/03-gamma.md"]},
    {"Your progress": "dashboard.md"},
    {"Certificate": "certificate.md"},
    {"Reading list": "readings.md"},
]
LONG = "".join(f"Paragraph {n} of the section, long enough to scroll past.\n\n" for n in range(40))


def quiz(quiz_id: str, objectives: str) -> str:
    return f"""
/// quiz | Which answer is right for {quiz_id}?
    id: {quiz_id}
    objective: {objectives}

- [ ] The wrong one
    > Not this one.
- [x] The right one
    > Yes, this one.

Because it is.
///
"""


ALPHA_BODY = (
    "Alpha opens here.\n\n## First steps\n\n"
    + LONG
    + "## Second steps\n\n"
    + LONG
    + quiz("alpha-q1", "[1, 2]")
    + quiz("alpha-q2", "3")
)
GAMMA_BODY = "Gamma teaches one thing.\n" + quiz("gamma-q1", "[1, 2, 3]")
READINGS = """\
smith-2020:
  kind: article
  title: "A reading for the progress tests"
  authors: ["Smith, Ann"]
  year: 2020
  journal: Journal of Tests
  effort: 10 minutes
  level: foundation
  note: Used by the progress tests to count readings done.
  modules: [gamma]
"""


class ServedSite(SiteFactory):
    """A throwaway site whose ``site_url`` names the port it is served on.

    Material's instant navigation only intercepts links listed in sitemap.xml,
    matching scheme, host and port; with the factory's portless site_url every
    click would be a full page load and instant navigation would go untested.
    """

    def __init__(self, root: Path, site_url: str):
        super().__init__(root)
        self.site_url = site_url

    def write_config(self, nav: list | None = None) -> Path:
        path = super().write_config(nav)
        yaml = YAML()
        config = yaml.load(path.read_text(encoding="utf-8"))
        config["site_url"] = self.site_url
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(config, out)
        return path


@contextmanager
def served_site(root: Path, nav: list, modules: dict[str, str], copied: tuple[str, ...]):
    """Build and serve a course of ``modules`` (file name -> text) and the
    repository's own ``copied`` pages (e.g. "dashboard.md"); yields its URL."""
    with StaticServer(root / "site") as server:
        site = ServedSite(root, server.url)
        for page in copied:
            site.write(f"docs/{page}", (ROOT / "docs" / page).read_text(encoding="utf-8"), dedent=False)
        for name, text in modules.items():
            site.module(name, text)
        result = site.build("--strict", nav=nav)
        assert result.returncode == 0, result.output
        yield server.url


@contextmanager
def served_course(root: Path):
    """Build the progress course and serve it; yields its URL."""
    with StaticServer(root / "site") as server:  # the port is known before the build
        build_course(ServedSite(root, server.url))
        yield server.url


def build_course(site: SiteFactory, gamma_body: str = GAMMA_BODY) -> BuildResult:
    site.write(
        "docs/index.md", "---\ntitle: Home\n---\n\n# Course home\n\n{{ course_start() }}\n\n{{ course_home() }}\n"
    )
    for page in ("dashboard.md", "certificate.md"):
        site.write(f"docs/{page}", (ROOT / "docs" / page).read_text(encoding="utf-8"), dedent=False)
    site.write("docs/_data/readings.yml", READINGS, dedent=False)
    site.write("docs/readings.md", "---\ntitle: Reading list\n---\n\n# Reading list\n\n{{ reading_list() }}\n")
    site.module("01-alpha.md", module_page("alpha", title="Alpha basics", pass_mark=50, body=ALPHA_BODY))
    site.module("02-beta.md", module_page("beta", title="Beta practice", duration=20))
    site.module(
        "03-gamma.md",
        module_page(
            "gamma", title="Gamma review", duration=15, readings=["smith-2020"], pass_mark=100, body=gamma_body
        ),
    )
    result = site.build("--strict", nav=NAV)
    assert result.returncode == 0, result.output
    return result


def nav_badge(page, title: str):
    """The badge of a module's link (the page shown has a twin in its table-of-contents label)."""
    return page.locator(".md-sidebar--primary a.md-nav__link", has_text=title).locator("[data-lms-badge]")


def dashboard_row(page, title: str):
    # Once the progress code has shown the learner's figures: the build renders the rows of a new learner.
    return page.locator("[data-lms-dashboard-body][data-lms-shown] tbody tr", has_text=title)


def come_near(page, selector: str) -> None:
    """Scroll to the first element ``selector`` finds, as a learner reading on would:
    main.js loads a widget's code as it comes near the view."""
    page.locator(selector).first.scroll_into_view_if_needed()


def ready_quiz(page, quiz_id: str):
    """The quiz once quiz.js has set it up (the learner has come near it)."""
    come_near(page, f"form[data-lms-quiz='{quiz_id}']")
    return page.locator(f"form[data-lms-quiz='{quiz_id}'][data-lms-ready]")


def answer(page, quiz_id: str, right: bool = True) -> None:
    """Answer the quiz as a learner does: choose, then "Check answer"."""
    quiz = ready_quiz(page, quiz_id)
    quiz.locator("li[data-lms-correct] label" if right else "li:not([data-lms-correct]) label").click()
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz).to_have_attribute("data-lms-state", "right" if right else "wrong")


def quiz_checked(page, quiz_id: str, correct: bool = True) -> None:
    """What quiz.js announces when a learner checks an answer. Only once its
    code is there, as for a learner: main.js loads quiz.js as the quiz comes
    near the view, and hands the announcement to progress (loading it first
    if need be)."""
    if page.locator(f"form[data-lms-quiz='{quiz_id}']").count():
        ready_quiz(page, quiz_id).wait_for(state="attached")
    detail = {"quizId": quiz_id, "correct": correct, "page": "", "module": None}
    page.evaluate(
        "d => document.dispatchEvent(new CustomEvent('lms:quiz-checked', {bubbles: true, detail: d}))", detail
    )


def pass_alpha(page) -> None:
    """Both of alpha's questions answered correctly at the first try: alpha completes."""
    quiz_checked(page, "alpha-q1")
    quiz_checked(page, "alpha-q2")
    wait_stored(page, "r.completed.alpha?.done")


def stored(page, key: str = KEY):
    raw = page.evaluate("k => localStorage.getItem(k)", key)
    return json.loads(raw) if raw else None


def wait_stored(page, predicate: str, key: str = KEY) -> None:
    """Wait until ``predicate`` (a JS expression over ``r``, the stored record) holds."""
    page.wait_for_function(
        f"() => {{ try {{ const r = JSON.parse(localStorage.getItem({json.dumps(key)})); return !!({predicate}); }} catch {{ return false; }} }}"
    )


def record(**fields) -> dict:
    """A valid v1 record (the version before first tries: read and migrated to
    v2, each result taken as the first try); keyword arguments replace whole fields."""
    base = {
        "v": 1,
        "epoch": 0,
        "name": None,
        "visited": {},
        "completed": {},
        "quizzes": {},
        "readings": {},
        "last": None,
    }
    base.update(fields)
    return base


def complete_record(name: str | None = "Ada Lovelace", at: int = 1_700_000_000_000) -> dict:
    """Every module of ``build_course`` complete."""
    return record(
        name={"text": name, "at": at} if name is not None else None,
        visited={"alpha": at, "beta": at, "gamma": at},
        completed={m: {"done": True, "at": at} for m in ("alpha", "beta", "gamma")},
        quizzes={
            "alpha-q1": {"correct": True, "at": at},
            "alpha-q2": {"correct": False, "at": at},
            "gamma-q1": {"correct": True, "at": at},
        },
    )


def seed(page, site_url: str, value, key: str = KEY) -> None:
    """Put ``value`` (JSON-encoded unless a str) in storage from the course home,
    a page that reads progress but never writes it."""
    page.goto(site_url)
    raw = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, raw])
