// Graded assessments (hooks/coursesite/assessment): the panel's first view.
// Loaded by ../main.js on a page with an assessment. It shows where the
// learner stands (attempts used, the recorded result) and the button that
// starts an attempt; the attempt itself (attempt.js: the draw, answers,
// submission, review) loads when the learner starts or resumes one (budget:
// at most 6 KB of our code on the page's first load).

import { isPlainObject, load, onExternalChange } from "../store.js";
import { cleanAttempts, describe, openAttempt, recorded } from "./attempts.js";

const $ = (root, selector) => root.querySelector(selector);
export const questions = () => [...document.querySelectorAll("form[data-lms-question]")];

export function settings(panel) {
  const d = panel.dataset;
  return { id: d.lmsAssessment, salt: d.lmsSalt, reviewUrl: d.lmsReviewUrl, allowed: +d.lmsAttempts, draw: +d.lmsDraw, perModule: +d.lmsPerModule, review: d.lmsReview, rule: d.lmsRecord, passMark: +d.lmsPassMark };
}

// Where attempts are read from: storage, until attempt.js hands over the
// progress record it keeps in memory (it holds what storage may have refused).
let source = (id) => cleanAttempts(load("progress" /* progress/start.js: KEY */, isPlainObject)?.attempts).attempts[id] ?? [];
export const useSource = (read) => (source = read);
export const attemptsOf = (id) => source(id);

let attempt = null; // attempt.js, once loaded
const loadAttempt = () => (attempt ??= import("./attempt.js"));

/** Whether the review of the attempts in `list` may be shown, by the page's policy. */
export function reviewAllowed(cfg, list) {
  const over = list.filter((a) => a.submitted !== undefined);
  if (!over.length || cfg.review === "never") return false;
  if (cfg.review === "after-pass") return over.some((a) => a.passed);
  if (cfg.review === "after-last-attempt") return over.length >= cfg.allowed || over.some((a) => a.passed);
  return true;
}

/** Where the learner stands, in words. */
export function standing(cfg, list) {
  const graded = recorded(list, cfg.rule);
  const left = cfg.allowed - list.length;
  if (!graded) return "";
  const result = `Your recorded result: ${describe(graded, cfg.allowed)}, ${graded.attempt.passed ? "passed" : `not passed (pass mark ${cfg.passMark}%)`}.`;
  if (graded.attempt.passed) return `✓ ${result}${left > 0 ? ` You may use your ${left === 1 ? "last attempt" : `${left} remaining attempts`} to improve it.` : ""}`;
  if (left > 0) return `${result} You have ${left === 1 ? "1 attempt" : `${left} attempts`} left.`;
  return `⚠ ${result} You have used all ${cfg.allowed} attempts without reaching the pass mark, so this browser cannot record a pass. Talk to your trainer about what to do next. Resetting all your progress (on the progress page) starts the whole course over, these attempts included.`;
}

export function button(text, action, data) {
  const node = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: text });
  node.dataset[data] = "";
  node.addEventListener("click", action);
  return node;
}

/** The panel between attempts: standing, and the buttons that apply. */
export function showIdle(panel, { focus = false } = {}) {
  const cfg = settings(panel);
  const list = attemptsOf(cfg.id);
  const open = openAttempt(list);
  if (open) return loadAttempt().then((module) => module.resume(panel, open));
  questions().forEach((form) => (form.hidden = true));
  $(panel, "[data-lms-assessment-list]").hidden = true;
  const status = $(panel, "[data-lms-assessment-status]");
  const text = standing(cfg, list);
  if (status.textContent !== text) status.textContent = text;
  const actions = $(panel, "[data-lms-assessment-actions]");
  const buttons = [];
  if (list.length < cfg.allowed) buttons.push(button(`Start attempt ${list.length + 1} of ${cfg.allowed}`, () => loadAttempt().then((module) => module.start(panel)), "lmsStart"));
  const last = list.at(-1);
  if (last && reviewAllowed(cfg, list)) buttons.push(button(`Review attempt ${list.length}`, () => loadAttempt().then((module) => module.review(panel, last, list.length)), "lmsReview"));
  actions.replaceChildren(...buttons);
  actions.hidden = !buttons.length;
  if (focus) buttons[0]?.focus();
  return Promise.resolve();
}

const panels = () => [...document.querySelectorAll("[data-lms-assessment]:not([data-lms-ready])")];
let current = Promise.resolve();
/** The page's assessment shows what it should (../main.js waits for it). */
export const settled = () => current;

function setUp() {
  current = Promise.all(
    panels().map((panel) => {
      questions().forEach((form, index) => {
        // The draw starts from the page's own order, whatever an attempt rearranges later.
        form.dataset.lmsIndex = index;
        form.dataset.lmsChoices = [...form.querySelectorAll("input")].map((input) => input.value).join(" ");
        form.addEventListener("submit", (event) => event.preventDefault());
      });
      return showIdle(panel).finally(() => (panel.dataset.lmsReady = ""));
    }),
  );
}

// An attempt started, answered or submitted in another tab: show it here too.
onExternalChange((name) => {
  const panel = document.querySelector("[data-lms-assessment][data-lms-ready]");
  if (name === "progress" && panel) (attempt ? attempt.then((module) => module.refresh(panel)) : showIdle(panel));
});

if (window.document$) window.document$.subscribe(setUp);
else setUp();
