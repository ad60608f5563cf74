// Quizzes: enhances the server-rendered forms of hooks/lms/quiz/render.py.
// Without this script a quiz still works: native inputs plus a "Show answer"
// disclosure. With it: "Check answer", feedback, a live region, saved answers.
//
// main.js loads this part as a quiz comes near the view; it sets the form up
// (a "Check answer" button, the answer hidden until checked, choices
// shuffled). The checking itself (quiz/check.js, half as big again) loads
// when the learner first touches a quiz, before they can press "Check
// answer", or at once when the page must show a saved answer: a learner who
// reads past a quiz downloads about 1.2 KB of its code instead of 3 (budget:
// at most 5 KB of our code on any page).

import { isPlainObject, load, names, once, onExternalChange } from "./store.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];

let checker = null; // the module, once loaded: from then on everything is synchronous
const checking = once(() => import("./quiz/check.js").then((module) => (checker = module))); // again on the next touch after a failure
const prefetch = () => checking().catch(() => {}); // a failure shows when the learner checks

// Run `action` with the checker: at once when it is here (the page behaves as
// if it were one script), else when it arrives; `failed` when it cannot load.
function withChecker(action, failed = () => {}) {
  if (checker) return action(checker);
  checking().then(action, failed);
}

// The checker could not load: the quiz goes back to what it is without
// JavaScript (its answer in a disclosure), and says so.
function unavailable(form) {
  $(form, "[data-lms-check]").remove();
  const answer = $(form, ".lms-quiz__answer");
  answer.hidden = false;
  $(answer, "summary").focus(); // the pressed button is gone: keyboard users land next to it
  $(form, ".lms-quiz__result").textContent = "Your answer can't be checked right now: open “Show answer” to compare.";
}

function shuffle(form) {
  const list = $(form, ".lms-quiz__choices");
  const items = [...list.children];
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  list.append(...items);
}

function setUp(form) {
  if (form.hasAttribute("data-lms-shuffle")) shuffle(form);
  const check = Object.assign(document.createElement("button"), { type: "submit", className: "md-button", textContent: "Check answer" });
  check.dataset.lmsCheck = ""; // "Try again" and "Show answer" come with the checker (quiz/check.js)
  $(form, ".lms-quiz__result").after(check); // the result is read first, then what to do next
  $(form, ".lms-quiz__answer").hidden = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    withChecker((module) => module.check(form), () => unavailable(form));
  });
}

// The learner's first touch of a quiz (a choice, the hint, the button)
// fetches the checker, before they can press "Check answer".
const onQuiz = (event) => event.target.closest?.("form[data-lms-quiz]") && prefetch();
for (const type of ["pointerdown", "focusin"]) document.addEventListener(type, onQuiz, { passive: true });

function setUpResetButton() {
  const reset = $(document, "[data-lms-quiz-reset-page]:not([data-lms-ready])");
  if (!reset) return;
  reset.dataset.lmsReady = "";
  reset.hidden = false;
  reset.addEventListener("click", () => withChecker((module) => module.resetPage()));
}

// Whether one of `forms` has an answer to show: its own saved answer, or the
// choices the progress record kept (storage refused the quiz's own: quiz/check.js).
function answered(forms) {
  const stored = new Set(names("quiz:"));
  const recorded = load("progress" /* progress/start.js: KEY */, (r) => isPlainObject(r) && isPlainObject(r.quizzes))?.quizzes ?? {};
  return forms.some(({ dataset: { lmsQuiz: id } }) => stored.has(`quiz:${id}`) || (Object.hasOwn(recorded, id) && recorded[id]?.choices));
}

const settingUp = new WeakSet(); // forms set up whose saved answers may still be on their way
const packaged = () => $(document, 'meta[name="lms-load"][content="now"]') !== null;

// Set up the page's new quizzes. A form is marked data-lms-ready once it shows
// what it should, its saved answer included; the checker loads at once only
// when there is one to show (or the page is in a package, where everything
// loads on arrival).
function setUpPage() {
  const forms = $$(document, "form[data-lms-quiz]:not([data-lms-ready])").filter((form) => !settingUp.has(form));
  forms.forEach((form) => (setUp(form), settingUp.add(form)));
  setUpResetButton();
  const ready = () => forms.forEach((form) => (form.dataset.lmsReady = ""));
  if (checker) checker.restoreAll(forms);
  else if (packaged() || answered(forms)) {
    return checking().then((module) => module.restoreAll(forms), () => {}).finally(ready);
  }
  ready();
  return Promise.resolve();
}

let current = Promise.resolve();
/** The current page's quizzes are set up (main.js waits for it before it
 *  announces the page ready). */
export const settled = () => current;

// Progress reset or imported (progress/sync.js), or answers changed in another
// tab: show what storage holds now. Registered once, when the module loads.
function resync() {
  if ($(document, "form[data-lms-quiz][data-lms-ready]")) withChecker((module) => module.restoreAll());
}
for (const name of ["lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, resync);
onExternalChange((name) => name.startsWith("quiz:") && resync());

// Material's instant navigation swaps pages without reloading this module.
const onPage = () => (current = setUpPage());
if (window.document$) window.document$.subscribe(onPage);
else onPage();
