// Checking quizzes: feedback, the live region, saved answers, the page summary.
// Loaded by ../quiz.js when the learner first touches a quiz (or at once when
// the page shows a saved answer), so a learner who reads past a quiz never
// downloads it. Answers are stored by quiz id and choice key (a hash of the
// choice text), never by position, so edits and shuffling cannot move an answer.
//
// A knowledge check teaches: a wrong answer shows the feedback on the choice
// made and invites another try, never the answer itself; "Show answer" is a
// deliberate press. The first try of each question is the result that counts
// (form data-lms-first, kept by the progress record); later tries are for
// learning, and one right at a later try marks the form data-lms-again.
//
// The result message is a live region, and where focus goes after a check. It
// is short on screen (the feedback and explanation show in place); a screen
// reader hears all of it in one announcement: result, feedback, explanation.
// One file, not two: the quiz's code must stay within its 5 KB budget.

import { load, save, remove, isPlainObject } from "../store.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const storageName = (form) => `quiz:${form.dataset.lmsQuiz}`;
const RECORD = "progress"; // the learner's progress record (progress/start.js: KEY); v1 records keep their choices too
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
  const next = "Read the feedback, then try again or show the answer.";
  if (!form.hasAttribute("data-lms-multiple")) return [false, `Incorrect. ${next}`];
  return [false, `Not quite: you chose ${hits} of ${right.length} correct answers${misses ? `, and ${misses} incorrect` : ""}. ${next}`];
}

const words = (node) => node?.textContent.replace(/\s+/g, " ").trim() ?? "";

// The feedback on `items`; for one-answer questions without the verdict
// the result has just said ("Incorrect choice."), for others with each choice's name.
function feedbackSaid(form, items) {
  const multiple = form.hasAttribute("data-lms-multiple");
  return items.map((item) => {
    const said = words($(item, ".lms-quiz__feedback"));
    return multiple ? `${words($(item, "label"))}: ${said}` : said.replace(/^(In)?correct choice\.\s*/, "");
  });
}

/** The result message `message`, announced with the feedback on the chosen
 *  choices and `extra` (the answer, the explanation). */
function tell(form, message, items = $$(form, "[data-lms-picked]"), extra = []) {
  const said = [...feedbackSaid(form, items), ...extra].filter(Boolean).join(" ");
  const result = $(form, ".lms-quiz__result");
  result.tabIndex = -1; // focus comes here after a check, so the learner hears it and reads on
  const hidden = Object.assign(document.createElement("span"), { className: "lms-quiz__said", textContent: ` ${said}` });
  result.replaceChildren(message, ...(said ? [hidden] : []));
}

/** Open the answer (its summary hidden: the "Show answer" button or a right
 *  answer opened it) and say it, with the explanation. */
function reveal(form, message) {
  const answer = $(form, ".lms-quiz__answer");
  answer.hidden = false;
  answer.open = true;
  $(answer, "summary").hidden = true;
  const shown = form.dataset.lmsShown !== undefined;
  const solution = [words($(answer, ".lms-quiz__solution")), $$(answer, ".lms-quiz__solutions li").map(words).join(", ")];
  const explanation = words($(answer, ".lms-quiz__explanation"));
  const extra = [...(shown ? solution : []), explanation && `Explanation: ${explanation}`];
  tell(form, message, shown ? $$(form, "[data-lms-correct]") : undefined, extra);
}

function button(form, name, text, after, action) {
  let made = $(form, `[data-lms-${name}]`);
  if (!made) {
    made = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: text });
    made.setAttribute(`data-lms-${name}`, "");
    made.addEventListener("click", () => action(form));
    after.after(made);
  }
  return made;
}

// "Check answer" comes with the quiz (../quiz.js); "Try again" and "Show
// answer" are made here, with the first check: a learner who never checks
// never loads them. "Show answer" only after a wrong answer, until used.
function setButtons(form, checked, { tryAgain, showAnswer }) {
  const check = $(form, "[data-lms-check]");
  const again = button(form, "retry", "Try again", check, tryAgain);
  const show = button(form, "reveal", "Show answer", again, showAnswer);
  check.hidden = checked;
  again.hidden = !checked;
  show.hidden = !checked || form.dataset.lmsState !== "wrong" || form.dataset.lmsShown !== undefined;
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

// Show the checked state of `keys`: the choices, their feedback, the result;
// the answer and explanation only when right.
function show(form, keys) {
  const [correct, message] = verdict(form, keys);
  for (const input of inputs(form)) {
    const picked = keys.includes(input.value);
    const feedback = $(input.closest("li"), ".lms-quiz__feedback");
    input.checked = picked;
    input.closest("li").toggleAttribute("data-lms-picked", picked);
    feedback.hidden = !picked;
    if (picked) input.setAttribute("aria-describedby", feedback.id);
  }
  form.dataset.lmsState = correct ? "right" : "wrong";
  if (correct) reveal(form, message);
  else tell(form, message);
  setButtons(form, true, { tryAgain, showAnswer });
  showError(form, false);
  return correct;
}

// Back to unchecked (choices kept when `keep`); the first-try marks stay.
function clear(form, keep = false) {
  for (const input of inputs(form)) {
    if (!keep) input.checked = false;
    input.removeAttribute("aria-describedby");
    input.closest("li").removeAttribute("data-lms-picked");
    $(input.closest("li"), ".lms-quiz__feedback").hidden = true;
  }
  delete form.dataset.lmsState;
  delete form.dataset.lmsShown;
  $(form, ".lms-quiz__result").replaceChildren();
  const answer = $(form, ".lms-quiz__answer");
  answer.open = false;
  answer.hidden = true;
  setButtons(form, false, { tryAgain, showAnswer });
  showError(form, false);
}

const focusResult = (form) => $(form, ".lms-quiz__result").focus();

/** "Check answer": the learner's choices, checked, shown, stored and announced. */
export function check(form) {
  const keys = inputs(form).filter((input) => input.checked).map((input) => input.value);
  if (!keys.length) {
    showError(form, true); // nothing else changes: no answer, no result, no storage
    inputs(form)[0].focus();
    return;
  }
  const retry = form.dataset.lmsFirst !== undefined;
  const correct = show(form, keys);
  if (!retry) form.dataset.lmsFirst = correct ? "right" : "wrong";
  if (retry && correct) form.dataset.lmsAgain = "";
  save(storageName(form), { choices: keys, first: form.dataset.lmsFirst === "right" });
  focusResult(form); // not "Try again": Enter must never clear what was just checked
  emit("lms:quiz-checked", { quizId: form.dataset.lmsQuiz, correct, first: form.dataset.lmsFirst === "right", retry });
  summarise();
}

// Start another try: the stored answer is forgotten (progress keeps the results).
function again(form, keep) {
  clear(form, keep);
  remove(storageName(form));
  emit("lms:quiz-reset", { quizIds: [form.dataset.lmsQuiz] });
  summarise();
}

// "Try again": the quiz as it was before checking.
function tryAgain(form) {
  again(form, false);
  inputs(form)[0].focus();
}

// "Show answer": the right choices with their feedback, the answer, the explanation.
function showAnswer(form) {
  for (const item of $$(form, "[data-lms-correct]")) $(item, ".lms-quiz__feedback").hidden = false;
  form.dataset.lmsShown = "";
  reveal(form, "Incorrect. The correct answer is marked above and explained below.");
  setButtons(form, true, { tryAgain, showAnswer });
  focusResult(form);
}

// A choice changed after checking: that is another try, with the new choice.
function onChange(event) {
  const form = event.currentTarget;
  if (form.dataset.lmsState && event.target.closest(".lms-quiz__choices")) again(form, true);
}

// The choices and first-try results the learner's progress record kept for `ids`:
// in memory (progress/tracker.js answers this event, if it is here; storage may
// have refused a quiz's own saved answer), else in storage.
function recorded(ids) {
  const answers = Object.fromEntries(ids.map((id) => [id, null]));
  const results = { ...answers };
  document.dispatchEvent(new CustomEvent("lms:quiz-answers", { detail: { answers, results } }));
  const quizzes = load(RECORD, (r) => isPlainObject(r) && (r.v === 1 || r.v === 2) && isPlainObject(r.quizzes))?.quizzes ?? {};
  for (const id of ids) {
    const entry = Object.hasOwn(quizzes, id) && isPlainObject(quizzes[id]) ? quizzes[id] : null;
    answers[id] ??= entry?.choices;
    if (!results[id] && typeof entry?.correct === "boolean") results[id] = { first: entry.first ?? entry.correct, again: entry.again === true };
  }
  return { answers, results };
}

// What the record says of the first try (it knows best: another tab may have
// answered first), else the stored answer (the record is written a moment
// later); nothing once both forgot the quiz (progress reset).
function restoreResult(form, result, own) {
  result ??= typeof own?.first === "boolean" ? { first: own.first } : null;
  if (!result && own) return;
  delete form.dataset.lmsFirst;
  delete form.dataset.lmsAgain;
  if (!result) return;
  form.dataset.lmsFirst = result.first === true ? "right" : "wrong";
  if (result.again === true) form.dataset.lmsAgain = "";
}

// Show the stored answer (the quiz's own, else the progress record's), or none:
// also after a reset or an import elsewhere.
function restore(form, kept, own) {
  if (!form.dataset.lmsWatched) {
    form.dataset.lmsWatched = "";
    form.addEventListener("change", onChange);
  }
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
  const count = (test) => forms.filter(test).length;
  const first = count((form) => form.dataset.lmsFirst === "right");
  const tried = count((form) => form.dataset.lmsFirst);
  const twice = count((form) => form.dataset.lmsAgain !== undefined);
  const right = count((form) => form.dataset.lmsFirst === "right" || form.dataset.lmsAgain !== undefined || form.dataset.lmsState === "right");
  const [n, mark] = [forms.length, Number(box.dataset.lmsPassMark) || 0];
  const passed = n > 0 && first * 100 >= mark * n;
  box.dataset.lmsPassed = passed;
  let status = passed ? "met" : tried < n ? "not met yet" : `not met. To complete this module, answer every question correctly once more: ${twice} of ${n} so far`;
  if (passed && tried === n && right < n) status += `. To complete this module, answer every question correctly: ${right} of ${n} so far`;
  $(box, "[role=status]").textContent = `${note}${first} of ${n} right first time. Pass mark ${mark}%: ${status}.`;
}

/** "Reset this page": every quiz of the page cleared and its answer forgotten
 *  (the first-try results stay: they are the record of the first tries). */
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
  const { answers, results } = recorded(forms.map((form) => form.dataset.lmsQuiz));
  for (const form of forms) {
    const own = load(storageName(form), isAnswer);
    restoreResult(form, results[form.dataset.lmsQuiz], own);
    restore(form, answers[form.dataset.lmsQuiz], own);
  }
  // The summary keeps its built text ("This page has 3 questions...") until there is a result to count.
  if ($(document, "[data-lms-quiz-summary][data-lms-passed]") || forms.some((form) => form.dataset.lmsFirst)) summarise();
}
