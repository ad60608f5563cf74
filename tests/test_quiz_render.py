"""The quiz HTML: golden files for a single, a multiple and a true/false
quiz, Markdown in quiz text, hostile text kept inert, fenced examples left
alone, and invalid blocks shown as an error box (never as plain text).

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_quiz_render.py``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from coursesite.quiz.leftover_check import leftovers

GOLDEN = Path(__file__).parent / "golden" / "quiz"
EXTENSIONS = [
    "coursesite.quiz",
    "attr_list",
    "md_in_html",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
]

SINGLE = """\
/// quiz | Your best rep has missed target two months running. What is your *first* move?
    id: first-move-after-a-miss
    hint: Think about what the rep needs, not what the forecast needs.

- [ ] Put them on a 30-day improvement plan
    > A plan may come later; starting with it tells the rep the numbers matter more than they do.
- [x] Ask them, one to one, what has changed and what would help
    > Listening first gives you the facts and keeps the rep talking to you.
- [ ] Move two of their accounts to a colleague to protect the team target
    > This protects the forecast and teaches the rep to hide problems.

Leaders start with the person behind the number.
///
"""

MULTIPLE = """\
/// quiz | Which of these are career functions in Kram's model? Choose all that apply.
    id: mentoring-career-functions
    multiple: true
    shuffle: true

- [x] Sponsorship: recommending the mentee for a stretch role
    > The mentor uses their standing to open a door.
- [ ] Counselling: talking through the mentee's worries
    > This is a **psychosocial** function.
- [x] Exposure: taking the mentee to the `forecast call`
    > Being seen by senior people is a career function.

Kram described *career* and *psychosocial* functions; see [the guide](other.md).
///
"""

TRUE_FALSE = """\
/// quiz | True or false: mentoring works best when the mentor is the rep's line manager.
    id: mentoring-line-manager-true-false

- [ ] True
    > A line manager can mentor, but the power difference limits what the rep will share.
- [x] False
    > A second mentor outside the reporting line gives the rep somewhere safe to think aloud.
///
"""


def render(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text) + "\n"


@pytest.mark.parametrize("name, text", [("single", SINGLE), ("multiple", MULTIPLE), ("true-false", TRUE_FALSE)])
def test_golden_html(name, text):
    html = render(text)
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic():
    assert render(SINGLE + "\n" + MULTIPLE) == render(SINGLE + "\n" + MULTIPLE)


def test_server_html_works_without_javascript():
    html = render(SINGLE)
    assert '<form autocomplete="off" class="lms-quiz"' in html  # no browser-restored ticks
    assert '<fieldset aria-describedby="lms-quiz-first-move-after-a-miss-instruction">' in html
    assert (
        "<legend>Your best rep has missed target two months running. What is your <em>first</em> move?</legend>" in html
    )
    assert html.count('type="radio"') == 3 and "checked" not in html
    assert (
        '<label for="lms-quiz-first-move-after-a-miss-2">Ask them, one to one, what has changed and what would help</label>'
        in html
    )
    assert "<summary>Show answer</summary>" in html
    assert (
        '<p class="lms-quiz__solution">Correct answer: Ask them, one to one, what has changed and what would help</p>'
        in html
    )
    assert '<p class="lms-quiz__explanation">Leaders start with the person behind the number.</p>' in html
    # The live region is in the page before any script writes to it.
    assert '<p class="lms-quiz__result" id="lms-quiz-first-move-after-a-miss-result" role="status"></p>' in html


def test_multiple_choice_uses_checkboxes_and_lists_every_right_answer():
    html = render(MULTIPLE)
    assert html.count('type="checkbox"') == 3 and "data-lms-multiple" in html and "data-lms-shuffle" in html
    assert '<p class="lms-quiz__solution">Correct answers:</p>' in html
    assert "Choose all that apply." in html
    assert "<code>forecast call</code>" in html and "<strong>psychosocial</strong>" in html
    assert '<a href="other.md">the guide</a>' in html


def test_choice_values_are_stable_keys_not_positions():
    first = render(TRUE_FALSE)
    swapped = render(
        TRUE_FALSE.replace("- [ ] True", "- [ ] TEMP")
        .replace("- [x] False", "- [x] True")
        .replace("- [ ] TEMP", "- [ ] False")
    )
    key = lambda html, text: html.split(f">{text}</label>")[0].rsplit('value="', 1)[1].split('"')[0]  # noqa: E731
    assert key(first, "True") == key(swapped, "True") and key(first, "False") == key(swapped, "False")


# The script link's reference is defined outside the quiz, where the source
# check cannot see it: the renderer still turns it into plain text.
HOSTILE = """\
[js]: javascript:window.pwned=5

/// quiz | Is <script>window.pwned = 1</script> safe? `<script>` in code is fine.
    id: hostile
    hint: <img src=x onerror="window.pwned = 2">

- [ ] Yes </script><script>window.pwned = 3</script>
    > <b onmouseover="window.pwned = 4">bold?</b>
- [x] No [click][js]{: onclick="window.pwned = 6" }
    > Never. &lt;script&gt; stays text.

<iframe src="javascript:alert(1)"></iframe> onerror= is just text.
///
"""


def test_hostile_text_never_becomes_markup():
    html = render(HOSTILE)
    tree = LexborHTMLParser(html)
    assert not tree.css("script, img, iframe, b"), "raw HTML in quiz text must stay text"
    for node in tree.css("*"):
        assert not [name for name in node.attributes if name.lower().startswith("on")], node.html
        assert not (node.attributes.get("href") or "").lower().startswith("javascript"), node.html
    assert "Is &lt;script&gt;window.pwned = 1&lt;/script&gt; safe?" in html
    assert "<code>&lt;script&gt;</code>" in html
    assert '&lt;iframe src="javascript:alert(1)"&gt;&lt;/iframe&gt; onerror= is just text.' in html
    assert "&lt;script&gt; stays text." in html


def test_fenced_examples_are_not_quizzes():
    text = "```markdown\n" + SINGLE + "```\n"
    html = render(text)
    assert "lms-quiz" not in html and "/// quiz |" in html


def test_invalid_block_is_an_error_box_and_a_warning(caplog, monkeypatch):
    # A build in this process (hooks/course_hooks.py) silences the logger; generators without our hooks do not.
    monkeypatch.setattr(logging.getLogger("coursesite.quiz"), "disabled", False)
    with caplog.at_level(logging.WARNING, logger="coursesite.quiz"):
        html = render("Text.\n\n/// quiz | Which?\n\n- [x] Only one\n")
    assert 'role="alert"' in html and "This quiz cannot be shown" in html
    assert "<li>line 3: quiz has no id</li>" in html and "<li>line 3: quiz is never closed</li>" in html
    assert leftovers(f"<article>{html}</article>") == []
    assert "Markdown line 3: quiz is never closed (add a line with just /// after the explanation)" in caplog.text


def test_same_id_twice_on_a_page_renders_one_quiz_and_one_error():
    html = render(TRUE_FALSE + "\n" + TRUE_FALSE)
    assert html.count('<form autocomplete="off"') == 1
    assert "is already used on this page (line 2)" in html


def test_leftovers_finds_plain_text_quiz_syntax_but_not_code():
    page = "<article><p>/// quiz | Q</p><ul><li>[x] a</li><li><p>[ ] b</p></li></ul><pre><code>/// quiz\n- [x] c</code></pre><p>Use <code>[x]</code></p></article>"
    assert leftovers(page) == ["/// quiz", "[ ]", "[x]"]
    assert leftovers("<article><p>No quiz here: [link](x) and [x-ray]</p></article>") == []


@pytest.mark.parametrize(
    "ending",
    [" Choose all that apply.", " Select all that apply.", " (Choose all that apply.)", " choose all that apply"],
)
def test_choose_all_that_apply_is_said_once(ending):
    """The instruction under the legend says it for every multiple-answer
    question, so a question that ends by saying it too loses its copy."""
    html = render(MULTIPLE.replace(" Choose all that apply.", ending, 1))
    assert html.lower().count("all that apply") == 1, html
    assert "<legend>Which of these are career functions in Kram's model?</legend>" in html
    single = render(MULTIPLE.replace("    multiple: true\n", "").replace("- [x] Exposure", "- [ ] Exposure"))
    assert "Choose all that apply.</legend>" in single, "a one-answer question keeps its text as written"
