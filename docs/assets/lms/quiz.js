// Quizzes: enhances the server-rendered forms of hooks/lms/quiz/render.py.
// Without this script a quiz still works: native inputs plus a "Show answer"
// disclosure. With it: "Check answer", feedback, a live region, saved answers.
// Answers are stored by quiz id and choice key (a hash of the choice text),
// never by position, so edits and shuffling cannot move an answer.

import { load, save, remove, isPlainObject, onExternalChange } from "./store.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const storageName = (form) => `quiz:${form.dataset.lmsQuiz}`;
const isAnswer = (value) =>
  isPlainObject(value) && Array.isArray(value.choices) && value.choices.length > 0 &&
  value.choices.length <= 50 && value.choices.every((key) => typeof key === "string" && /^[0-9a-f]{8}$/.test(key));

const inputs = (form) => $$(form, ".lms-quiz__choices input");
const rightKeys = (form) => $$(form, "[data-lms-correct] input").map((input) => input.value);

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

function setButtons(form, checked) {
  $(form, "[data-lms-check]").hidden = checked;
  $(form, "[data-lms-retry]").hidden = !checked;
}

function element(tag, text, attributes) {
  const node = Object.assign(document.createElement(tag), attributes);
  node.textContent = text;
  return node;
}

// The inline message tied to the question, made when first needed.
function showError(form, on) {
  const fieldset = $(form, "fieldset");
  const id = `${form.id}-error`;
  let error = $(form, ".lms-quiz__error");
  if (!error) {
    if (!on) return;
    error = element("p", "Choose an answer before checking.", { className: "lms-quiz__error", id });
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

function onCheck(event) {
  event.preventDefault();
  const form = event.currentTarget;
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

function onRetry(event) {
  const form = event.currentTarget.closest("form");
  clear(form);
  remove(storageName(form));
  inputs(form)[0].focus();
  emit("lms:quiz-reset", { quizIds: [form.dataset.lmsQuiz] });
  summarise();
}

// Show the stored answer, or none: also after a reset or an import elsewhere.
function restore(form) {
  const saved = load(storageName(form), isAnswer);
  const known = inputs(form).map((input) => input.value);
  const fits = saved && saved.choices.every((key) => known.includes(key)) &&
    (form.hasAttribute("data-lms-multiple") || saved.choices.length === 1);
  if (fits) return show(form, saved.choices);
  if (saved) remove(storageName(form)); // the quiz changed since: start afresh
  if (form.dataset.lmsState) clear(form);
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

function resetPage() {
  const forms = $$(document, "form[data-lms-quiz]");
  for (const form of forms) {
    clear(form);
    remove(storageName(form));
  }
  emit("lms:quiz-reset", { quizIds: forms.map((form) => form.dataset.lmsQuiz) });
  summarise("Answers on this page cleared. ");
}

function init() {
  for (const form of $$(document, "form[data-lms-quiz]:not([data-lms-ready])")) {
    form.dataset.lmsReady = "";
    if (form.hasAttribute("data-lms-shuffle")) shuffle(form);
    const check = element("button", "Check answer", { type: "submit", className: "md-button" });
    const retry = element("button", "Try again", { type: "button", className: "md-button", hidden: true });
    check.dataset.lmsCheck = retry.dataset.lmsRetry = "";
    retry.addEventListener("click", onRetry);
    $(form, ".lms-quiz__result").before(check, retry);
    $(form, ".lms-quiz__answer").hidden = true;
    form.addEventListener("submit", onCheck);
    restore(form);
  }
  const reset = $(document, "[data-lms-quiz-reset-page]:not([data-lms-ready])");
  if (reset) {
    reset.dataset.lmsReady = "";
    reset.hidden = false;
    reset.addEventListener("click", resetPage);
  }
  if ($(document, "form[data-lms-quiz]")) summarise();
}

// Progress reset or imported (progress/sync.js), or answers changed in another
// tab: show what storage holds now. Registered once, when the module loads.
function resync() {
  const forms = $$(document, "form[data-lms-quiz][data-lms-ready]");
  forms.forEach(restore);
  if (forms.length) summarise();
}
for (const name of ["lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, resync);
onExternalChange((name) => name.startsWith("quiz:") && resync());

// Material's instant navigation swaps pages without reloading this module.
if (window.document$) window.document$.subscribe(init);
else init();
