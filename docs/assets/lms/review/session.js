// The Review page (docs/review.md): a short session of the knowledge-check
// questions that are due (review/schedule.js), at most 10, one module after
// another in turn. Each question is the quiz form its module page shows
// (assets/lms/questions/<id>.json, written by the build: hooks/coursesite/
// review.py; only the session's questions are fetched, and course.json says
// which module each one is of),
// checked here as a knowledge check is: answer, check, feedback and the
// explanation. The result moves the question between boxes through the
// progress record: `lms:review-answered` { quizId, correct } on document
// (progress/tracker.js); it never changes the module's knowledge-check score.

import { isPlainObject, load } from "../store.js";
import { INTERVALS, dueIds, isEntry, nextDue, pick } from "./schedule.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const ROOT = new URL("../../../", import.meta.url); // the site root, from assets/lms/review/
const when = (ms) => new Date(ms).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
const days = (n) => (n === 1 ? "tomorrow" : `in ${n} days`);

function schedule() {
  const raw = load("progress" /* progress/start.js: KEY */, (r) => isPlainObject(r) && isPlainObject(r.review))?.review ?? {};
  return Object.fromEntries(Object.entries(raw).filter(([, e]) => isEntry(e)));
}

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

async function start() {
  const root = $(document, "[data-lms-review-session]:not([data-lms-ready])");
  if (!root) return;
  root.dataset.lmsReady = "";
  const status = $(root, "[data-lms-review-status]");
  const review = schedule();
  const due = dueIds(review, Date.now());
  const course = due.length ? await json("../course.json") : null;
  const where = new Map((course?.modules ?? []).flatMap((module) => (module.review ?? []).map((id) => [id, module])));
  const known = due.filter((id) => where.has(id));
  const failed = () => void (status.textContent = "The review questions could not be loaded. Check your connection, then reload this page.");
  if (due.length && !course) return failed();
  if (!known.length) {
    const next = nextDue(review);
    status.textContent = next && next > Date.now() ? `Nothing is due for review now. The next question is due on ${when(next)}.` : "Nothing to review yet: once you complete a module, its knowledge-check questions come back here a day later.";
    return;
  }
  const ids = pick(known, (id) => where.get(id).id, course.modules.map((m) => m.id));
  const forms = (await Promise.all(ids.map((id) => json(`../questions/${id}.json`)))).map((q) => q?.html);
  if (!forms.every((html) => typeof html === "string")) return failed();
  status.textContent = `${known.length} ${known.length === 1 ? "question is" : "questions are"} due. This session has ${ids.length}, mixed across modules.`;
  new Session(root, ids, where, forms, review).show();
}

let current = Promise.resolve();
/** The page is set up (main.js waits for it before it says the page is ready). */
export const settled = () => current;
const onPage = () => (current = start());
if (window.document$) window.document$.subscribe(onPage);
else onPage();
