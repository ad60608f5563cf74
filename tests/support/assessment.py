"""A throwaway course with graded assessments, for the assessment tests.

Modules ``alpha`` (one knowledge check) and ``beta`` (none) are taught;
``exam`` is graded: five questions (three test alpha, two beta), four drawn
per attempt with at least two of each module, two attempts, review after each
attempt, best attempt counts, pass mark 75%. ``strict`` is graded with one
attempt and the review only after a pass. Every right choice's text starts
with "Right", every wrong one with "Wrong".
"""

from __future__ import annotations

from .sites import ROOT, SiteFactory, module_page

KEY = "lms:v1:/:progress"


def graded(quiz_id: str, tests: str, *, multiple: bool = False, extra: str = "") -> str:
    options = (
        f"    id: {quiz_id}\n    module: {tests}\n    objective: [1, 2, 3]\n"
        + ("    multiple: true\n" if multiple else "")
        + extra
    )
    second = (
        "- [x] Right as well\n    > Also right for " if multiple else "- [ ] Wrong second\n    > Secret feedback for "
    )
    return (
        f"/// quiz | Question {quiz_id}?\n{options}\n"
        f"- [ ] Wrong first\n    > Secret feedback for {quiz_id} wrong first.\n"
        f"- [x] Right answer\n    > Secret feedback for {quiz_id} right answer.\n"
        f"{second}{quiz_id} second.\n\n"
        f"Secret explanation of {quiz_id}.\n///\n\n"
    )


HOSTILE = (
    "/// quiz | Is <script>window.pwned = 1</script> safe?\n    id: exam-hostile\n    module: alpha\n    objective: 1\n\n"
    '- [ ] Wrong </script><script>window.pwned = 3</script>\n    > <img src=x onerror="window.pwned = 4">\n'
    '- [x] Right <b onmouseover="window.pwned = 5">bold</b>\n    > <svg onload="window.pwned = 6"></svg> text.\n\n'
    "Secret explanation of exam-hostile.\n///\n\n"
)
EXAM_BODY = (
    "## Questions\n\n"
    + graded("exam-a1", "alpha")
    + graded("exam-a2", "alpha", multiple=True)
    + HOSTILE
    + graded("exam-b1", "beta", extra="    keep_order: true\n")
    + graded("exam-b2", "beta")
)
ALPHA_QUIZ = """
/// quiz | A knowledge check?
    id: alpha-check
    objective: [1, 2, 3]

- [x] Right
- [ ] Wrong
///
"""
EXAM = {"attempts": 2, "draw": 4, "per_module": 2, "review": "after-each-attempt", "record": "best"}
NAV_EXTRA = [{"Your progress": "dashboard.md"}, {"Certificate": "certificate.md"}]


def write(site: SiteFactory) -> list:
    """Write the course and its mkdocs.yml (for the site_url set at the time); returns the nav."""
    site.module("01-alpha.md", module_page("alpha", title="Alpha", body=ALPHA_QUIZ, pass_mark=50))
    site.module("02-beta.md", module_page("beta", title="Beta"))
    site.module("03-exam.md", module_page("exam", title="Exam", body=EXAM_BODY, pass_mark=75, assessment=EXAM))
    strict = {"attempts": 1, "review": "after-pass"}
    body = graded("strict-1", "alpha") + graded("strict-2", "beta")
    site.module("04-strict.md", module_page("strict", title="Strict", body=body, pass_mark=100, assessment=strict))
    for page in ("dashboard.md", "certificate.md"):  # the course's own progress pages
        site.write(f"docs/{page}", (ROOT / "docs" / page).read_text(encoding="utf-8"), dedent=False)
    nav = [{"Home": "index.md"}, {"Course": list(site.nav)}, *NAV_EXTRA]
    site.write_config(nav)
    return nav
