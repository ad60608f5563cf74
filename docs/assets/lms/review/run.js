// A review session (loaded by session.js only when questions are due): the
// session's questions fetched (assets/lms/questions/<module id>.json, only
// the files of the modules it asks from),
// then asked one at a time, checked as a knowledge check is, each result
// announced as `lms:review-answered` { quizId, correct } for the record.

import { INTERVALS, pick } from "./schedule.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const ROOT = new URL("../../../", import.meta.url); // the site root, from assets/lms/review/
const days = (n) => (n === 1 ? "tomorrow" : `in ${n} days`);
const json = (path) =>
  fetch(new URL(path, import.meta.url))
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);

const button = (text) => Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: text });

// The module page's form, made a review question: its links resolved against
// the module page, its answer hidden until checked, a "Check answer" button.
function questionForm(html, moduleUrl) {
  const template = document.createElement("template");
  template.innerHTML = html; // the build's own output, from this site
  const form = template.content.firstElementChild;
  const base = new URL(moduleUrl, ROOT);
  for (const link of $$(form, "a[href]")) link.href = new URL(link.getAttribute("href"), base).href;
  form.dataset.lmsReviewQuiz = form.dataset.lmsQuiz; // not a quiz of this page for quiz.js
  delete form.dataset.lmsQuiz;
  $(form, ".lms-quiz__answer").hidden = true;
  const check = Object.assign(button("Check answer"), { type: "submit" });
  $(form, ".lms-quiz__result").before(check);
  return form;
}

class Session {
  constructor(root, ids, where, forms, review) {
    Object.assign(this, { root, ids, where, forms, review, index: 0, right: 0 });
    this.body = $(root, "[data-lms-review-body]");
  }

  show() {
    const id = this.ids[this.index];
    const module = this.where.get(id);
    const html = this.forms[this.index];
    const heading = Object.assign(document.createElement("p"), { className: "lms-review__heading", tabIndex: -1 });
    const from = Object.assign(document.createElement("a"), { href: new URL(module.url, ROOT).href, textContent: module.title });
    heading.append(`Question ${this.index + 1} of ${this.ids.length}, from `, from);
    const form = questionForm(html, module.url);
    form.addEventListener("submit", (event) => (event.preventDefault(), this.check(form, id)));
    this.body.replaceChildren(heading, form);
    return heading;
  }

  check(form, id) {
    const inputs = $$(form, "input");
    const result = $(form, ".lms-quiz__result");
    if (!inputs.some((input) => input.checked)) return void (result.textContent = "Choose an answer first.");
    const correct = inputs.every((input) => input.checked === input.closest("li").hasAttribute("data-lms-correct"));
    for (const input of inputs) {
      if (input.checked) form.querySelector(`[id="${input.id}-feedback"]`)?.removeAttribute("hidden");
      input.disabled = true;
    }
    const box = correct ? Math.min((this.review[id]?.box ?? 1) + 1, INTERVALS.length) : 1;
    form.dataset.lmsState = correct ? "right" : "wrong";
    result.textContent = `${correct ? "Correct!" : "Not quite: see the feedback and the answer below."} This question comes back ${days(INTERVALS[box - 1])}.`;
    Object.assign($(form, ".lms-quiz__answer"), { hidden: false, open: true });
    this.right += correct ? 1 : 0;
    document.dispatchEvent(new CustomEvent("lms:review-answered", { bubbles: true, detail: { quizId: id, correct } }));
    const last = this.index === this.ids.length - 1;
    const next = button(last ? "Finish the review" : "Next question");
    $(form, "button[type=submit]").replaceWith(next);
    next.addEventListener("click", () => (++this.index < this.ids.length ? this.show() : this.end()).focus());
    next.focus();
  }

  end() {
    const summary = Object.assign(document.createElement("p"), { className: "lms-review__heading", tabIndex: -1 });
    summary.textContent = `Review complete: ${this.right} of ${this.ids.length} right. Questions you got wrong come back tomorrow; the others after a longer gap.`;
    this.body.replaceChildren(summary);
    return summary;
  }
}

/** Run a session of the `due` questions (ids, earliest first) of `review`;
 *  false when its questions could not be loaded. */
export async function run(root, status, due, review) {
  const course = await json("../course.json");
  if (!course) return false;
  const where = new Map(course.modules.flatMap((module) => (module.review ?? []).map((id) => [id, module])));
  const known = due.filter((id) => where.has(id));
  if (!known.length) return null;
  const moduleOf = (id) => where.get(id).id;
  const ids = pick(known, moduleOf, course.modules.map((m) => m.id));
  const files = new Map(await Promise.all([...new Set(ids.map(moduleOf))].map(async (m) => [m, await json(`../questions/${m}.json`)])));
  const forms = ids.map((id) => files.get(moduleOf(id))?.[id]);
  if (!forms.every((html) => typeof html === "string")) return false;
  status.textContent = `${known.length} ${known.length === 1 ? "question is" : "questions are"} due. This session has ${ids.length}, mixed across modules.`;
  new Session(root, ids, where, forms, review).show();
  return true;
}
