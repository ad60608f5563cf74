"""A graded assessment's page, once rendered: the answers go out, the checks go in.

- Each question's review (``<lms-review>``, see ``render.py``) is cut out of
  the page and kept for the page's review file, written after the build
  (``write_reviews``) and fetched by the browser only after a submission.
- Each question gets ``data-lms-answer``: SHA-256 of the page's salt, the
  question id and its sorted correct choice keys. The browser hashes the
  learner's answer the same way (SubtleCrypto) and compares: the page holds
  no readable answer. The salt comes from the page's own text, so builds
  stay deterministic, and a question's hash changes with any edit of the page.
- The assessment panel goes before the first question: what the assessment
  is, its live region, and the buttons the script shows.

This keeps answers out of casual reach only: anyone can hash the few possible
answers of a question, or fetch the review file. The trainer guide says so.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

from ..course_loader import Course
from ..modules import Module
from ..pageassets import to_root
from .declaration import Assessment

REVIEW = re.compile(r'<lms-review data-lms-for="([a-z0-9-]+)">(.*?)</lms-review>', re.S)
CHOICE = re.compile(r"<lms-choice ([^>]*)>(.*?)</lms-choice>", re.S)
CHOICE_KEY = re.compile(r'data-key="([0-9a-f]{8})"')
EXPLANATION = re.compile(r"<lms-explanation>(.*?)</lms-explanation>", re.S)
QUESTION = re.compile(r'<form\b[^>]*\bdata-lms-question="([a-z0-9-]+)"')
REVIEW_DIR = "assets/lms/assessment/reviews"  # not assets/lms/review: the spaced-review feature's code


def page_salt(course: Course, module: Module) -> str:
    text = course.pages[module.src_uri].text if module.src_uri in course.pages else ""
    seed = f"{course.site.site_name}\n{module.id}\n{text}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:24]


def answer_hash(salt: str, quiz_id: str, keys: list[str]) -> str:
    """As docs/assets/lms/assessment/check.js computes it from the learner's choices."""
    return hashlib.sha256(f"{salt}\n{quiz_id}\n{','.join(sorted(keys))}".encode()).hexdigest()


def review_path(module: Module, salt: str) -> str:
    return f"{REVIEW_DIR}/{module.id}-{hashlib.sha256(salt.encode()).hexdigest()[:12]}.json"


def _review_entry(body: str) -> dict:
    choices = []
    for attrs, text in CHOICE.findall(body):
        key = CHOICE_KEY.search(attrs)
        if key:  # always: render.py writes it
            choices.append((key[1], 'data-correct="1"' in attrs, text))
    explanation = EXPLANATION.search(body)
    return {
        "correct": [key for key, right, _text in choices if right],
        "feedback": {key: text.strip() for key, _right, text in choices if text.strip()},
        "explanation": explanation[1].strip() if explanation else "",
    }


def _panel(module: Module, graded: Assessment, pool: int, salt: str, review_url: str) -> str:
    draw = pool if graded.draw is None else min(graded.draw, pool)
    shown = f"all {pool} questions below" if draw == pool else f"{draw} questions drawn from the {pool} below"
    counts = "your best attempt counts" if graded.record == "best" else "your last attempt counts"
    tries = "one attempt" if graded.attempts == 1 else f"{graded.attempts} attempts"
    # What assessment/main.js reads (its settings()), as one JSON attribute.
    settings = {
        "id": module.id,
        "salt": salt,
        "reviewUrl": review_url,
        "allowed": graded.attempts,
        "draw": draw,
        "perModule": graded.per_module,
        "review": graded.review,
        "rule": graded.record,
        "passMark": module.pass_mark,
    }
    attrs = f'data-lms-assessment="{html.escape(module.id)}" data-lms-settings="{html.escape(json.dumps(settings))}"'
    return (
        f'<section class="lms-assessment" {attrs} aria-label="Graded assessment">\n'
        f"<p>This is a graded assessment. Each attempt shows {shown}; answer them all, then submit the "
        f"attempt once. You have {tries}, and {counts}. The pass mark is {module.pass_mark}%.</p>\n"
        "<noscript><p><strong>Submitting an attempt needs JavaScript.</strong> Without it you can read the "
        "questions below, but not answer them.</p></noscript>\n"
        '<p class="lms-assessment__status" role="status" data-lms-assessment-status></p>\n'
        # Shown by the script once every attempt is used without a pass (in the page, not in the script: weight).
        f'<p class="lms-assessment__over" data-lms-assessment-over hidden>⚠ You have used all {graded.attempts} '
        f"attempts without reaching the pass mark of {module.pass_mark}%, so this browser cannot record a pass. "
        "Talk to your trainer about what to do next. Resetting all your progress (on the progress page) starts "
        "the whole course over, these attempts included.</p>\n"
        '<div class="lms-assessment__result" data-lms-assessment-result tabindex="-1" hidden></div>\n'
        '<p class="lms-assessment__actions" data-lms-assessment-actions hidden></p>\n'
        '<ol class="lms-assessment__questions" data-lms-assessment-list hidden></ol>\n'
        "</section>\n"
    )


def process_page(course: Course, module: Module, page_html: str, url: str) -> str:
    """The graded page's HTML without its answers, with hashes and the panel;
    its review data is kept for ``write_reviews``."""
    salt = page_salt(course, module)
    reviews = {quiz_id: _review_entry(body) for quiz_id, body in REVIEW.findall(page_html)}
    page_html = REVIEW.sub("", page_html)

    def with_hash(match: re.Match[str]) -> str:
        quiz_id = match[1]
        digest = answer_hash(salt, quiz_id, reviews.get(quiz_id, {}).get("correct", []))
        return f'{match[0]} data-lms-answer="{digest}"'

    page_html = QUESTION.sub(with_hash, page_html)
    first = QUESTION.search(page_html)
    if first is None:
        return page_html
    path = review_path(module, salt)
    course.derived.reviews[path] = {"v": 1, "assessment": module.id, "questions": reviews}
    assert module.assessment is not None  # the hook calls this for graded modules only
    panel = _panel(module, module.assessment, len(reviews), salt, to_root(url) + path)
    return page_html[: first.start()] + panel + page_html[first.start() :]


def write_reviews(course: Course, site_dir: Path) -> None:
    for path, data in sorted(course.derived.reviews.items()):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
