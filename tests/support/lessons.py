"""A throwaway course with a module that is a folder of three lessons.

``alpha`` is a single page; ``motivation`` is docs/modules/02-motivation/ with
its overview (index.md, one reading) and three lessons, the second with a
question; ``omega`` (a single page without questions) comes last.
"""

from __future__ import annotations

from .progress import LONG, READINGS, ROOT, quiz
from .sites import BuildResult, SiteFactory, module_page

FOLDER = "modules/02-motivation"
LESSONS = ["01-what-drives-reps", "02-goals-that-pull", "03-keeping-it-going"]
NAV = [
    {"Home": "index.md"},
    {
        "Course": [
            "modules/01-alpha.md",
            {"Motivation": [f"{FOLDER}/index.md"] + [f"{FOLDER}/{slug}.md" for slug in LESSONS]},
            "modules/03-omega.md",
        ]
    },
    {"Syllabus": "syllabus.md"},
    {"Your progress": "dashboard.md"},
    {"Certificate": "certificate.md"},
    {"Reading list": "readings.md"},
]


def lesson_page(title: str, duration: int = 12, body: str = "") -> str:
    return (
        f"---\ntitle: {title}\nlesson:\n  duration: {duration}\n---\n\n{body or 'The lesson.'}\n\n## Later on\n\n{LONG}"
    )


def build_lesson_course(site: SiteFactory) -> BuildResult:
    site.write(
        "docs/index.md", "---\ntitle: Home\n---\n\n# Course home\n\n{{ course_start() }}\n\n{{ course_home() }}\n"
    )
    site.write("docs/syllabus.md", "---\ntitle: Syllabus\n---\n\n# Syllabus\n\n{{ syllabus() }}\n")
    for page in ("dashboard.md", "certificate.md"):
        site.write(f"docs/{page}", (ROOT / "docs" / page).read_text(encoding="utf-8"), dedent=False)
    site.write("docs/_data/readings.yml", READINGS.replace("modules: [gamma]", "modules: [motivation]"), dedent=False)
    site.write("docs/readings.md", "---\ntitle: Reading list\n---\n\n# Reading list\n\n{{ reading_list() }}\n")
    site.module(
        "01-alpha.md",
        module_page("alpha", title="Alpha basics", pass_mark=50, body="Alpha.\n" + quiz("alpha-q1", "[1, 2, 3]")),
    )
    overview = module_page(
        "motivation", title="Motivation that lasts", duration=45, readings=["smith-2020"], body="The overview.\n"
    )
    site.write(f"docs/{FOLDER}/index.md", overview, dedent=False)
    site.write(f"docs/{FOLDER}/{LESSONS[0]}.md", lesson_page("What drives a rep"), dedent=False)
    site.write(
        f"docs/{FOLDER}/{LESSONS[1]}.md",
        lesson_page("Goals that pull", 15, "Goals.\n" + quiz("goals-q1", "[1, 2, 3]")),
        dedent=False,
    )
    site.write(f"docs/{FOLDER}/{LESSONS[2]}.md", lesson_page("Keeping it going", 10), dedent=False)
    site.module("03-omega.md", module_page("omega", title="Omega wrap-up", duration=20))
    return site.build("--strict", nav=NAV)
