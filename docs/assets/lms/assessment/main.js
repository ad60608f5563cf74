// Graded assessments (hooks/coursesite/assessment): the panel's first view.
// Loaded by ../main.js on a page with an assessment. It shows where the
// learner stands (attempts used, the recorded result) and the button that
// starts an attempt; the attempt itself (attempt.js: the draw, answers,
// submission, review) loads when the learner starts or resumes one (budget:
// at most 6 KB of our code on the page's first load).

import { isPlainObject, load, onExternalChange } from "../store.js";
import { describe, openAttempt, recorded } from "./results.js";

const $ = (root, selector) => root.querySelector(selector);
export const questions = () => [...document.querySelectorAll("form[data-lms-question]")];

/** The assessment's settings, as the build wrote them (hooks/coursesite/assessment/page.py). */
export const settings = (panel) => JSON.parse(panel.dataset.lmsSettings);

// Where attempts are read from: storage, until attempt.js hands over the
// progress record it keeps in memory (it holds what storage may have refused).
// Read here, the fields this view uses are checked; an attempt shown or
// changed comes from the progress record, validated whole (attempts.js).
const int = (v, top) => Number.isInteger(v) && v >= 0 && v <= top;
const fit = (a) => isPlainObject(a) && int(a.seed, 0xffffffff) && int(a.started, 4102444800000) && isPlainObject(a.answers) &&
  (a.submitted === undefined || (int(a.submitted, 4102444800000) && int(a.score, 100) && typeof a.passed === "boolean"));
function storedAttempts(id) {
  const list = load("progress" /* progress/start.js: KEY */, isPlainObject)?.attempts?.[id];
  return Array.isArray(list) && list.length <= 20 && list.every(fit) ? list : [];
}
let source = storedAttempts;
export const useSource = (read) => (source = read);
export const attemptsOf = (id) => source(id);

let attempt = null; // attempt.js, once loaded
const loadAttempt = () => (attempt ??= import("./attempt.js"));

/** Where the learner stands, in words; whether every attempt is used without a pass
 *  (the page holds what to do then: data-lms-assessment-over). */
export function standing(cfg, list) {
  const graded = recorded(list, cfg.rule);
  const left = cfg.allowed - list.length;
  if (!graded) return ["", false];
  const result = `Your recorded result: ${describe(graded, cfg.allowed)}, ${graded.attempt.passed ? "passed" : `not passed (pass mark ${cfg.passMark}%)`}.`;
  if (graded.attempt.passed) return [`✓ ${result}${left > 0 ? ` You may use ${left === 1 ? "your last attempt" : `your ${left} remaining attempts`} to improve it.` : ""}`, false];
  return [`${result}${left > 0 ? ` You have ${left === 1 ? "1 attempt" : `${left} attempts`} left.` : ""}`, left <= 0];
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
  const [text, over] = standing(cfg, list);
  if (status.textContent !== text) status.textContent = text;
  $(panel, "[data-lms-assessment-over]").hidden = !over;
  const actions = $(panel, "[data-lms-assessment-actions]");
  const buttons = [];
  if (list.length < cfg.allowed) buttons.push(button(`Start attempt ${list.length + 1} of ${cfg.allowed}`, () => loadAttempt().then((module) => module.start(panel)), "lmsStart"));
  const last = list.at(-1);
  // The attempt's answers and result; its review too when the policy allows (attempt.js).
  if (last) buttons.push(button(`See attempt ${list.length}`, () => loadAttempt().then((module) => module.review(panel, last, list.length)), "lmsReview"));
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

// An LMS knows of more attempts than this browser (scorm/launch.js): they count here too.
document.addEventListener("lms:attempts-known", ({ detail }) => {
  const panel = document.querySelector("[data-lms-assessment][data-lms-ready]");
  if (panel && detail?.assessment === settings(panel).id && attemptsOf(detail.assessment).length < detail.used) import("./adopt.js").then((module) => module.adopt(panel, detail));
});

if (window.document$) window.document$.subscribe(setUp);
else setUp();
