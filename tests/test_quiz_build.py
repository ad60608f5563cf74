"""Quizzes in real builds: the strict build and the check command report the
same exact lines (front matter and macros included), quiz text links are
checked like any other, nothing of a quiz survives as plain text, the page
summary is placed, generators without our hooks still render quizzes, and the
facilitator commands write the answer key and the objective map."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess

from ruamel.yaml import YAML

from support.sites import MKDOCS, module_page

QUIZ = """\
/// quiz | Which is the [first step](02-other.md)?
    id: {id}
    objective: [1, 2, 3]

- [ ] Wait and see
    > Waiting *hides* the problem.
- [x] Ask what changed
    > Listening gets you the facts.

Start with the person.
///
"""


def _home(site):
    site.write("docs/index.md", "# Home\n")


def _build_with_config(site, change) -> subprocess.CompletedProcess:
    """Build after ``change(config)`` edits the site's mkdocs.yml."""
    config_file = site.write_config()
    yaml = YAML()
    config = yaml.load(config_file.read_text(encoding="utf-8"))
    change(config)
    with config_file.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    result = subprocess.run([str(MKDOCS), "build"], cwd=site.root, env=env, capture_output=True, text=True, timeout=300)
    result.output = result.stdout + result.stderr
    return result


def test_strict_build_renders_quizzes_and_the_page_summary(site):
    _home(site)
    site.module(
        "01-quiz.md",
        module_page("quiz", body="Intro.\n\n" + QUIZ.format(id="quiz-first") + "\nAfter the quizzes.\n", pass_mark=60),
    )
    site.module("02-other.md", module_page("other", title="Other"))
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    html = result.page("modules/01-quiz/index.html")
    assert 'data-lms-quiz="quiz-first"' in html
    assert '<legend>Which is the <a href="../02-other/">first step</a>?</legend>' in html
    summary = html.index("data-lms-quiz-summary")
    assert html.index("</form>") < summary < html.index("After the quizzes."), "the summary follows the last quiz"
    assert 'data-lms-pass-mark="60"' in html and "This page has 1 question. The pass mark is 60%." in html
    assert "assets/lms/quiz.js" not in html, (
        "main.js loads the quiz code as the quiz nears the view (test_quiz_browser.py)"
    )
    assert (
        "assets/course-quiz.css" in html and "assets/course.css" not in html
    )  # one stylesheet of ours (coursesite/pageassets.py)
    assert "data-lms-quiz-summary" not in result.page("modules/02-other/index.html"), "no quizzes, no summary"


HINTED = """\
/// quiz | Which habit helps a new manager most?
    id: search-quiz
    objective: [1, 2, 3]
    hint: Think about who does the talking.

- [ ] Giving the answer at once
    > Tempting, but the rep learns nothing.
- [x] Asking a question first
    > Questions keep the thinking with the rep.

Coaching starts with curiosity.
///
"""


def test_search_finds_a_quiz_by_its_question_but_never_reveals_the_answer(site):
    _home(site)
    site.module("01-quiz.md", module_page("quiz", body="Intro.\n\n" + HINTED))
    result = site.build("--strict")
    assert result.returncode == 0, result.output
    index = json.loads(result.page("search/search_index.json"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "Which habit helps a new manager most?" in text
    for secret in (
        "Giving the answer at once",
        "Asking a question first",
        "keep the thinking",
        "Tempting",
        "Coaching starts with curiosity",
        "who does the talking",
        "Correct answer",
        "Choose one answer",
    ):
        assert secret not in text, f"the search index gives away {secret!r}"
    assert "Intro." in text, "the rest of the page is still searchable"


BROKEN = """\
Cited first: {{{{ key_points() }}}}

/// quiz | Which?
    id: Broken Id
    shufle: true

- [x] One
- [x] Two
///

/// quiz | And this?
    id: broken-two
"""


def test_strict_build_fails_with_every_problem_at_its_file_line(site):
    _home(site)
    # The macro expands to many lines before the quizzes; the lines reported are still the file's.
    site.module("01-quiz.md", module_page("quiz", body=BROKEN.format()))
    expected = [
        "docs/modules/01-quiz.md:8: objective 1 is not checked by any quiz on this page (add objective: 1 to a quiz that tests it)",
        "docs/modules/01-quiz.md:8: objective 2 is not checked by any quiz on this page (add objective: 2 to a quiz that tests it)",
        "docs/modules/01-quiz.md:8: objective 3 is not checked by any quiz on this page (add objective: 3 to a quiz that tests it)",
        "docs/modules/01-quiz.md:15: quiz id 'Broken Id' is not a slug (use lower-case letters, digits and single hyphens, e.g. id: mentoring-first-move)",
        "docs/modules/01-quiz.md:16: unknown quiz option 'shufle' (did you mean 'shuffle'?)",
        "docs/modules/01-quiz.md:19: more than one choice is marked [x] in a single-choice quiz (keep one [x], or add multiple: true to the options)",
        'docs/modules/01-quiz.md:22: quiz has no choices; it needs at least 2 (add choices as "- [ ] text" lines at the left margin, one per choice)',
        "docs/modules/01-quiz.md:22: quiz is never closed (add a line with just /// after the explanation)",
    ]
    source = (site.docs / "modules" / "01-quiz.md").read_text(encoding="utf-8").split("\n")
    assert source[14] == "    id: Broken Id" and source[21] == "/// quiz | And this?"
    result = site.build("--strict")
    assert result.returncode != 0
    for line in expected:
        assert line in result.output, result.output
    status, lines = site.check()
    assert status == 1
    assert [line for line in lines if "01-quiz.md" in line] == sorted(expected, key=lambda p: (int(p.split(":")[1]), p))
    assert site.check("--no-build")[1] == lines


def test_links_in_quiz_text_are_checked_like_any_other(site):
    _home(site)
    site.module(
        "01-quiz.md", module_page("quiz", body=QUIZ.format(id="quiz-link").replace("02-other.md", "missing.md"))
    )
    result = site.build("--strict")
    assert result.returncode != 0
    assert "missing.md" in result.output


def test_a_quiz_that_survives_as_text_is_caught_after_the_build(site):
    _home(site)
    site.module("01-quiz.md", module_page("quiz", body="Intro.\n\n" + QUIZ.format(id="quiz-text")))
    site.write("docs/notes.md", "# Notes\n\nTo do:\n\n- [ ] Book the room\n", dedent=False)
    result = _build_with_config(site, lambda config: config["markdown_extensions"].remove("coursesite.quiz"))
    assert result.returncode != 0
    assert (
        "docs/modules/01-quiz.md:14: a quiz was shown as plain text in the built page (start /// quiz at the left margin, outside admonitions and lists, and keep coursesite.quiz under markdown_extensions)"
        in result.output
    )
    assert "docs/modules/01-quiz.md:20: the built page shows a raw task-list key '[x]'" in result.output
    assert (
        "docs/notes.md:5: the built page shows a raw task-list key '[ ]' (task lists belong only inside /// quiz blocks; write a plain list item here)"
        in result.output
    )


def test_quizzes_render_under_a_generator_that_ignores_hooks(site):
    """Only mkdocs.yml and the Markdown extension: no hooks, no macros plugin."""
    _home(site)
    site.module(
        "01-quiz.md", module_page("quiz", body=QUIZ.format(id="no-hooks") + "\n/// quiz | Broken\n- [x] only\n///\n")
    )
    site.module("02-other.md", module_page("other", title="Other"))

    def plain(config):
        del config["hooks"]
        config["plugins"] = ["search"]

    result = _build_with_config(site, plain)
    assert result.returncode == 0, result.output
    html = (site.root / "site" / "modules" / "01-quiz" / "index.html").read_text(encoding="utf-8")
    assert 'data-lms-quiz="no-hooks"' in html and "This quiz cannot be shown" in html and "/// quiz" not in html
    assert "Markdown line" in result.output and "quiz has no id" in result.output  # logged for trainers


def _key_site(site):
    _home(site)
    site.module(
        "01-quiz.md",
        module_page(
            "quiz",
            body="Intro.\n\n" + QUIZ.format(id="quiz-key"),
            objectives=["Explain the idea", "Choose a first step", "Plan a conversation"],
        ),
    )
    site.module("02-other.md", module_page("other", title="Other"))
    site.write_config()
    return site


def _course_command(site, *args) -> tuple[int, str, str]:
    import contextlib

    from coursesite import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["--config", str(site.root / "mkdocs.yml"), *args])
    return status, out.getvalue(), err.getvalue()


def test_answer_key_as_markdown_and_csv(site, tmp_path):
    _key_site(site)
    status, text, _ = _course_command(site, "answer-key", "--format", "md", "--output", "-")
    assert status == 0
    assert "## Module 1: Introduction (quiz)" in text
    assert "### 1. Which is the [first step](02-other.md)?" in text
    assert "`quiz-key` · single choice · objective 1, 2, 3 · docs/modules/01-quiz.md:14" in text
    assert "| **correct** | Ask what changed | Listening gets you the facts. | docs/modules/01-quiz.md:20 |" in text
    assert "| wrong | Wait and see | Waiting *hides* the problem. | docs/modules/01-quiz.md:18 |" in text
    assert "**Explanation:** Start with the person." in text
    output = tmp_path / "key.csv"
    status, _, _ = _course_command(site, "answer-key", "--format", "csv", "--output", str(output))
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert [(r["quiz_id"], r["choice"], r["correct"], r["source"]) for r in rows] == [
        ("quiz-key", "Wait and see", "no", "docs/modules/01-quiz.md:18"),
        ("quiz-key", "Ask what changed", "yes", "docs/modules/01-quiz.md:20"),
    ]
    assert rows[0]["feedback"] == "Waiting *hides* the problem." and rows[0]["module"] == "quiz"


def test_answer_key_is_never_written_where_it_would_be_published(site):
    _key_site(site)
    for target in ("docs/answers.md", "site/answers.csv"):
        status, _, err = _course_command(site, "answer-key", "--output", str(site.root / target))
        assert status == 2 and "refusing to write the answer key" in err
        assert not (site.root / target).exists()


def test_answer_key_goes_outside_the_repository_by_default(site, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _key_site(site)
    before = sorted(site.root.rglob("*"))
    status, text, err = _course_command(site, "answer-key")
    key = tmp_path / "home" / "answer-keys" / "from-sales-manager-to-sales-leader.md"
    assert status == 0 and text == ""
    assert "| **correct** | Ask what changed |" in key.read_text(encoding="utf-8")
    assert f"Answer key written to {key}" in err
    assert sorted(site.root.rglob("*")) == before, "nothing new in the course folder"
    status, _, _ = _course_command(site, "answer-key", "--format", "csv")
    assert status == 0 and key.with_suffix(".csv").read_text(encoding="utf-8").startswith("module,")


def test_answer_key_is_never_written_inside_the_repository(tmp_path, monkeypatch):
    from support.sites import SiteFactory

    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)  # the course sits in a subfolder of a git work tree
    site = _key_site(SiteFactory(repository / "course"))
    for target in (site.root / "key.md", repository / "answer-key.md", repository / "keys" / "k.csv"):
        status, _, err = _course_command(site, "answer-key", "--output", str(target))
        assert status == 2 and f"refusing to write the answer key inside {repository}" in err
        assert not target.exists()
    monkeypatch.setenv("HOME", str(repository))  # even the default path, when home is the repository
    status, _, err = _course_command(site, "answer-key")
    assert status == 2 and not (repository / "answer-keys").exists()


def test_answer_key_refuses_a_broken_quiz(site):
    _home(site)
    site.module("01-quiz.md", module_page("quiz", body="/// quiz | Which?\n    id: k\n\n- [x] a\n- [x] b\n///\n"))
    site.write_config()
    status, text, err = _course_command(site, "answer-key")
    assert status == 1 and text == ""
    assert "more than one choice is marked [x]" in err


def test_objectives_command_maps_objectives_to_quiz_ids(site):
    _key_site(site)
    status, text, _ = _course_command(site, "objectives")
    assert status == 0
    assert text.splitlines()[:3] == ["quiz (docs/modules/01-quiz.md)", "  1. Explain the idea", "     -> quiz-key"]
    assert "other (docs/modules/02-other.md)\n  1. Explain the idea\n     -> (no quiz)" in text


def test_a_quiz_left_as_text_is_caught_in_a_scorm_build(site, tmp_path):
    """A SCORM package's pages are built without directory URLs (modules/x.html):
    the leftover check reads the pages where that build wrote them."""
    from coursesite.sitebuild import build_into

    _home(site)
    site.module("01-quiz.md", module_page("quiz", body="Intro.\n\n" + QUIZ.format(id="quiz-text")))
    config_file = site.write_config()
    yaml = YAML()
    config = yaml.load(config_file.read_text(encoding="utf-8"))
    config["markdown_extensions"].remove("coursesite.quiz")
    with config_file.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    assert "use_directory_urls" not in config  # only the packaging build turns them off
    built = tmp_path / "package"
    problems = build_into(config_file, built, packaging=True, use_directory_urls=False, site_url="")
    assert "/// quiz" in (built / "modules" / "01-quiz.html").read_text(encoding="utf-8")
    assert (
        "docs/modules/01-quiz.md:14: a quiz was shown as plain text in the built page (start /// quiz at the left margin, outside admonitions and lists, and keep coursesite.quiz under markdown_extensions)"
        in [str(p) for p in problems]
    )
