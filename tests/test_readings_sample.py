"""A small course with every kind of reading, for the reading-list tests
(render, exports, browser). Holds no tests itself: the other
``test_readings_*`` files import it."""

from __future__ import annotations

from support.sites import SiteFactory, module_page

ODD_DOI = "10.1002/1099-1379(200012)21:8<913::AID-JOB62>3.0.CO;2-#"
ODD_TITLE = 'Pygmalion <script>alert("x")</script> & *work* [sic]'

READINGS = f"""\
pink-2009:
  kind: book
  title: "Drive: The Surprising Truth About What Motivates Us"
  authors: ["Pink, Daniel H."]
  year: 2009
  publisher: Riverhead Books
  isbn: "978-1-59448-884-9"
  url: https://www.danpink.com/books/drive/
  effort: 256 pages
  level: foundation
  note: A readable entry point to autonomy, mastery and purpose.
  modules: [motivation]
deci-ryan-2000:
  kind: paper
  title: "Self-determination theory and the facilitation of intrinsic motivation"
  authors: ["Ryan, Richard M.", "Deci, Edward L."]
  year: 2000
  journal: American Psychologist
  volume: 55
  issue: 1
  pages: "68-78"
  doi: "10.1037/0003-066X.55.1.68"
  url: https://doi.org/10.1037/0003-066X.55.1.68
  effort: 45 minutes
  level: practitioner
  note: The clearest short statement of Self-Determination Theory.
  modules: [motivation, feedback]
kluger-denisi-1996:
  kind: paper
  title: "The effects of feedback interventions on performance"
  authors: ["Kluger, Avraham N.", "DeNisi, Angelo"]
  year: 1996
  journal: Psychological Bulletin
  volume: 119
  issue: 2
  pages: "254-284"
  doi: "10.1037/0033-2909.119.2.254"
  effort: 90 minutes
  level: advanced
  note: More than a third of feedback interventions made performance worse.
kierein-gold-2000:
  kind: paper
  title: '{ODD_TITLE}'
  authors: ["Kierein, Nicole M.", "Gold, Michael A.", "Ödegaard, Åsa"]
  year: 2000
  journal: Journal of Organizational Behavior
  volume: 21
  issue: 8
  pages: "913-928"
  doi: "{ODD_DOI}"
  effort: 40 minutes
  level: advanced
  note: Expectations at work <em>matter</em> & so does 100% honesty_about_limits.
  modules: [feedback]
gallup-2025:
  kind: report
  title: "State of the Global Workplace: 2025 Report"
  authors: ["Gallup"]
  year: 2025
  publisher: Gallup
  url: https://www.gallup.com/workplace/349484/state-of-the-global-workplace.aspx
  effort: 60 minutes
  level: foundation
  note: Current benchmarks on engagement.
  modules: [feedback]
kotter-1990:
  kind: article
  title: "What Leaders Really Do"
  authors: ["Kotter, John P."]
  year: 1990
  journal: Harvard Business Review
  volume: 68
  issue: 3
  pages: "103-111"
  effort: 30 minutes
  level: foundation
  note: Management copes with complexity, leadership with change.
  modules: [motivation]
churchill-1985:
  kind: chapter
  title: "The determinants of salesperson performance"
  authors: ["Churchill, Gilbert A., Jr.", "Ford, Neil M.", "Hartley, Steven W.", "Walker, Orville C., Jr."]
  year: 1985
  publisher: American Marketing Association
  pages: "103-118"
  doi: "10.2307/3151357"
  effort: 60 minutes
  level: advanced
  note: Role clarity, skill and motivation predicted performance.
  modules: [feedback]
talk-2020:
  kind: video
  title: "The puzzle of motivation"
  authors: ["Pink, Daniel H."]
  year: 2010
  publisher: TED
  url: https://www.ted.com/talks/dan_pink_the_puzzle_of_motivation
  effort: 18 minutes
  level: foundation
  note: The talk version of Drive.
  modules: [motivation]
podcast-2021:
  kind: podcast
  title: "Coaching in ten minutes a day"
  authors: ["Bungay Stanier, Michael"]
  year: 2021
  url: https://example.org/podcast/coaching
  effort: 25 minutes
  level: foundation
  note: Short habits for busy managers.
  modules: [feedback]
rework-2018:
  kind: web
  title: "The evolution of Project Oxygen"
  authors: ["Google re:Work"]
  year: 2018
  url: https://rework.withgoogle.com/blog/the-evolution-of-project-oxygen/
  effort: 10 minutes
  level: foundation
  note: Great-manager behaviours, led by being a good coach.
  modules: [motivation, feedback]
"""
MOTIVATION = (
    'People want autonomy {{ cite("pink-2009") }}.\n\nNeeds matter {{ cite("deci-ryan-2000", "pink-2009") }}.\n'
)
FEEDBACK = 'Feedback can hurt {{ cite("kluger-denisi-1996") }}.\n\nExpectations help {{ cite("kierein-gold-2000") }}.\n'
NAV = [
    {"Home": "index.md"},
    {"Course": ["modules/01-motivation.md", "modules/02-feedback.md"]},
    {"Reading list": "readings.md"},
]
ALL_IDS = [
    "pink-2009",
    "deci-ryan-2000",
    "kluger-denisi-1996",
    "kierein-gold-2000",
    "gallup-2025",
    "kotter-1990",
    "churchill-1985",
    "talk-2020",
    "podcast-2021",
    "rework-2018",
]


def write_sample(site: SiteFactory) -> list:
    """Write the sample course into ``site``; returns its nav."""
    site.write(
        "docs/index.md", '---\ntitle: Home\n---\n\n# Home\n\nMotivation is not only money {{ cite("pink-2009") }}.\n'
    )
    site.write("docs/readings.md", "---\ntitle: Reading list\n---\n\n# Reading list\n\n{{ reading_list() }}\n")
    site.module(
        "01-motivation.md",
        module_page("motivation", title="Motivation", readings=["pink-2009", "deci-ryan-2000"], body=MOTIVATION),
    )
    site.module(
        "02-feedback.md", module_page("feedback", title="Feedback", readings=["kluger-denisi-1996"], body=FEEDBACK)
    )
    site.write("docs/_data/readings.yml", READINGS, dedent=False)
    return NAV
