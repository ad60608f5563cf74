// Checking quizzes: feedback, the live region, saved answers, the page summary.
// Loaded by ../quiz.js when the learner first touches a quiz (or at once when
// the page shows a saved answer), so a learner who reads past a quiz never
// downloads it. Answers are stored by quiz id and choice key (a hash of the
// choice text), never by position, so edits and shuffling cannot move an answer.

import { load, save, remove, isPlainObject } from "../store.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const storageName = (form) => `quiz:${form.dataset.lmsQuiz}`;
const RECORD = "progress"; // the learner's progress record, version 1 (progress/start.js: KEY, VERSION)
const isAnswer = (value) =>
  isPlainObject(value) && Array.isArray(value.choices) && value.choices.length > 0 &&
  value.choices.length <= 50 && value.choices.every((key) => typeof key === "string" && /^[0-9a-f]{8}$/.test(key));

const inputs = (form) => $$(form, ".lms-quiz__choices input");
const rightKeys = (form) => $$(form, "[data-lms-correct] input").map((input) => input.value);
const readyForms = () => $$(document, "form[data-lms-quiz][data-lms-ready]");

function emit(name, detail) {
  const module = $(document, ".lms-module-header[data-lms-module]")?.dataset.lmsModule ?? null;
  document.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: { ...detail, page: location.pathname, module } }));
}

function verdict(form, keys) {
  const right = rightKeys(form);
  const hits = keys.filter((key) => right.includes(key)).length;
  const misses = keys.length - hits;
  if (hits === right.length && !misses) return [true, "Correct! The explanation is below."];
  if (!form.hasAttribute("data-lms-multiple")) return [false, "Incorrect. Read the feedback on your answer, then try again."];
  const wrong = misses ? `, and ${misses} incorrect` : "";
  return [false, `Not quite: you chose ${hits} of ${right.length} correct answers${wrong}. Read the feedback, then try again.`];
}

// "Check answer" comes with the quiz (../quiz.js); "Try again" is made here,
// with the first check, so that a learner who never checks never loads it.
function setButtons(form, checked) {
  const check = $(form, "[data-lms-check]");
  let again = $(form, "[data-lms-retry]");
  if (!again) {
    again = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: "Try again" });
    again.dataset.lmsRetry = "";
    again.addEventListener("click", () => tryAgain(form));
    check.after(again);
  }
  check.hidden = checked;
  again.hidden = !checked;
}

// The inline message tied to the question, made when first needed.
function showError(form, on) {
  const fieldset = $(form, "fieldset");
  const id = `${form.id}-error`;
  let error = $(form, ".lms-quiz__error");
  if (!error) {
    if (!on) return;
    error = Object.assign(document.createElement("p"), { className: "lms-quiz__error", id, textContent: "Choose an answer before checking." });
    $(form, ".lms-quiz__instruction").after(error);
  }
  error.hidden = !on;
  const described = fieldset.getAttribute("aria-describedby").split(" ").filter((name) => name && name !== id);
  fieldset.setAttribute("aria-describedby", (on ? [...described, id] : described).join(" "));
}

// Show the checked state of `keys`: choices, feedback, result, answer.
function show(form, keys) {
  const [correct, message] = verdict(form, keys);
  for (const input of inputs(form)) {
    const picked = keys.includes(input.value);
    const feedback = $(input.closest("li"), ".lms-quiz__feedback");
    input.checked = picked;
    input.disabled = true;
    feedback.hidden = !picked;
    if (picked) input.setAttribute("aria-describedby", feedback.id);
  }
  form.dataset.lmsState = correct ? "right" : "wrong";
  $(form, ".lms-quiz__result").textContent = message;
  const answer = $(form, ".lms-quiz__answer");
  answer.hidden = false;
  answer.open = true;
  setButtons(form, true);
  showError(form, false);
  return correct;
}

function clear(form) {
  for (const input of inputs(form)) {
    input.checked = false;
    input.disabled = false;
    input.removeAttribute("aria-describedby");
    $(input.closest("li"), ".lms-quiz__feedback").hidden = true;
  }
  delete form.dataset.lmsState;
  $(form, ".lms-quiz__result").textContent = "";
  const answer = $(form, ".lms-quiz__answer");
  answer.open = false;
  answer.hidden = true;
  setButtons(form, false);
  showError(form, false);
}

/** "Check answer": the learner's choices, checked, shown, stored and announced. */
export function check(form) {
  const keys = inputs(form).filter((input) => input.checked).map((input) => input.value);
  if (!keys.length) {
    showError(form, true); // nothing else changes: no answer, no result, no storage
    inputs(form)[0].focus();
    return;
  }
  const correct = show(form, keys);
  save(storageName(form), { choices: keys });
  $(form, "[data-lms-retry]").focus();
  emit("lms:quiz-checked", { quizId: form.dataset.lmsQuiz, correct });
  summarise();
}

// "Try again": the quiz as it was before checking, its stored answer gone.
function tryAgain(form) {
  clear(form);
  remove(storageName(form));
  inputs(form)[0].focus();
  emit("lms:quiz-reset", { quizIds: [form.dataset.lmsQuiz] });
  summarise();
}

// The choices the learner's progress record kept for `ids`, by id. Storage may
// have refused a quiz's own saved answer (full, turned off) when the record
// kept it: in memory (progress/tracker.js answers this event, if it is here),
// or in storage, written later. "Try again" makes the record forget them.
function recorded(ids) {
  const answers = Object.fromEntries(ids.map((id) => [id, null]));
  document.dispatchEvent(new CustomEvent("lms:quiz-answers", { detail: { answers } }));
  const quizzes = load(RECORD, (r) => isPlainObject(r) && r.v === 1 && isPlainObject(r.quizzes))?.quizzes ?? {};
  for (const id of ids) if (!answers[id] && Object.hasOwn(quizzes, id)) answers[id] = quizzes[id]?.choices;
  return answers;
}

// Show the stored answer (the quiz's own, else the progress record's), or none:
// also after a reset or an import elsewhere.
function restore(form, kept) {
  const own = load(storageName(form), isAnswer);
  const saved = own ?? (isAnswer({ choices: kept }) ? { choices: kept } : null);
  const known = inputs(form).map((input) => input.value);
  const fits = saved && saved.choices.every((key) => known.includes(key)) &&
    (form.hasAttribute("data-lms-multiple") || saved.choices.length === 1);
  if (fits) return show(form, saved.choices);
  if (own) remove(storageName(form)); // the quiz changed since: start afresh
  if (form.dataset.lmsState) clear(form);
}

function summarise(note = "") {
  const box = $(document, "[data-lms-quiz-summary]");
  if (!box) return;
  const forms = $$(document, "form[data-lms-quiz]");
  const right = forms.filter((form) => form.dataset.lmsState === "right").length;
  const mark = Number(box.dataset.lmsPassMark) || 0;
  const passed = forms.length > 0 && right * 100 >= mark * forms.length;
  box.dataset.lmsPassed = passed;
  const status = passed ? "pass mark met" : "pass mark not met yet";
  $(box, "[role=status]").textContent =
    `${note}${right} of ${forms.length} correct. Pass mark ${mark}%: ${status}.`;
}

/** "Reset this page": every quiz of the page cleared and forgotten. */
export function resetPage() {
  const forms = $$(document, "form[data-lms-quiz]");
  for (const form of forms) {
    clear(form);
    remove(storageName(form));
  }
  emit("lms:quiz-reset", { quizIds: forms.map((form) => form.dataset.lmsQuiz) });
  summarise("Answers on this page cleared. ");
}

/** Show what storage holds for `forms` (all the page's set-up quizzes by default). */
export function restoreAll(forms = readyForms()) {
  const kept = recorded(forms.map((form) => form.dataset.lmsQuiz));
  forms.forEach((form) => restore(form, kept[form.dataset.lmsQuiz]));
  // The summary keeps its built text ("This page has 3 questions...") until there is a result to count.
  if ($(document, "[data-lms-quiz-summary][data-lms-passed]") || forms.some((form) => form.dataset.lmsState)) summarise();
}
