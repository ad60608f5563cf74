// One attempt at a graded assessment: the draw laid out, answers kept as they
// are given, one submission checked against the page's answer hashes, the
// result announced and focused, then the review when the page's policy allows.
// Loaded by main.js when the learner starts or resumes an attempt.
//
// Everything goes through the progress record (../progress/tracker.js), which
// merges with what other tabs wrote before every write: a second tab shows the
// same attempt, and the first submission is the one that counts. When storage
// refuses, the attempt lives on in this tab's memory and the learner is told.

import { drawAttempt, newSeed } from "./draw.js";
import { openAttempt, recorded } from "./results.js";
import { attemptsOf, button, questions, settings, showIdle, standing, useSource } from "./main.js";
import { showReview, withheld } from "./review.js";
import { marks, reviewAllowed } from "./marking.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const tracker = import("../progress/tracker.js");
import("../progress/main.js"); // the navigation badges and the page's visit, as on any page with progress
tracker.then((t) => useSource((id) => t.record().attempts?.[id] ?? []));

const UNSAVED = "⚠ Your answers could not be saved in this browser (its storage is turned off or full). They are kept while this tab stays open: submit this attempt before you close it.";
const same = (a, b) => a && b && a.started === b.started && a.seed === b.seed;
const find = (record, id, attempt) => (record.attempts?.[id] ?? []).find((a) => same(a, attempt));
let shown = null; // { id, attempt } on display

export async function change(action) {
  const t = await tracker;
  const saved = await t.update(action);
  return { saved, record: t.record() };
}

function pool() {
  const forms = questions().sort((a, b) => a.dataset.lmsIndex - b.dataset.lmsIndex);
  return forms.map((form) => ({ id: form.dataset.lmsQuestion, module: form.dataset.lmsTests ?? "", keepOrder: form.hasAttribute("data-lms-keep-order"), choices: form.dataset.lmsChoices.split(" ") }));
}

/** Put the attempt's questions in its drawn order, its choices in theirs. */
function layOut(panel, attempt) {
  const cfg = settings(panel);
  const drawn = drawAttempt(pool(), { count: cfg.draw, perModule: cfg.perModule, seed: attempt.seed });
  const forms = new Map(questions().map((form) => [form.dataset.lmsQuestion, form]));
  const list = $(panel, "[data-lms-assessment-list]");
  const items = drawn.map(({ id, choices }) => {
    const form = forms.get(id);
    forms.delete(id);
    const choiceList = $(form, ".lms-quiz__choices");
    const byKey = new Map($$(choiceList, "li").map((li) => [$(li, "input").value, li]));
    choiceList.append(...choices.map((key) => byKey.get(key)));
    form.hidden = false;
    const item = form.parentElement.parentElement === list ? form.parentElement : document.createElement("li");
    item.append(form);
    return item;
  });
  for (const form of forms.values()) form.hidden = true; // not drawn this time
  list.replaceChildren(...items);
  list.hidden = false;
  return drawn;
}

function applyAnswers(drawn, attempt, enabled) {
  for (const { id } of drawn) {
    const form = document.getElementById(`lms-question-${id}`);
    const chosen = attempt.answers[id] ?? [];
    for (const input of $$(form, "input")) input.checked = chosen.includes(input.value);
    $(form, "fieldset").disabled = !enabled;
  }
}

function say(panel, text) {
  const status = $(panel, "[data-lms-assessment-status]");
  if (status.textContent !== text) status.textContent = text;
}

/** Start a new attempt (or join the one another tab started). */
export async function start(panel) {
  const cfg = settings(panel);
  const { saved } = await change((r, at) => {
    r.attempts ??= Object.create(null); // the record's optional field (progress/record.js)
    const list = (r.attempts[cfg.id] ??= []);
    if (!openAttempt(list) && list.length < cfg.allowed) list.push({ seed: newSeed(), started: at, at, answers: {} });
  });
  const open = openAttempt(attemptsOf(cfg.id));
  if (!open) return showIdle(panel, { focus: true });
  await resume(panel, open, { focus: true });
  if (!saved) say(panel, UNSAVED);
}

/** Show an attempt that is not submitted yet, with the answers given so far. */
export async function resume(panel, seen, { focus = false } = {}) {
  await tracker;
  const cfg = settings(panel);
  const attempt = attemptsOf(cfg.id).find((a) => same(a, seen)); // as the validated record holds it
  if (!attempt) return showIdle(panel);
  const number = attemptsOf(cfg.id).findIndex((a) => same(a, attempt)) + 1;
  const drawn = layOut(panel, attempt);
  applyAnswers(drawn, attempt, true);
  shown = { id: cfg.id, attempt, drawn };
  $(panel, "[data-lms-assessment-result]").hidden = true;
  const actions = $(panel, "[data-lms-assessment-actions]");
  actions.hidden = true;
  say(panel, `Attempt ${number} of ${cfg.allowed} is open: answer all ${drawn.length} questions below, then submit the attempt at the end. Nothing is marked until you submit.`);
  submitRow(panel, drawn, attempt).hidden = false;
  for (const { id } of drawn) watch(document.getElementById(`lms-question-${id}`), cfg.id, panel);
  if (focus) $(document.getElementById(`lms-question-${drawn[0].id}`), "input")?.focus();
}

function submitRow(panel, drawn, attempt) {
  let row = $(panel, "[data-lms-assessment-submit]");
  if (!row) {
    row = Object.assign(document.createElement("p"), { className: "lms-assessment__submit" });
    row.dataset.lmsAssessmentSubmit = "";
    $(panel, "[data-lms-assessment-list]").after(row);
  }
  row.replaceChildren(button("Submit attempt", () => submit(panel), "lmsSubmit"));
  return row;
}

const watched = new WeakSet();
function watch(form, id, panel) {
  if (watched.has(form)) return;
  watched.add(form);
  form.addEventListener("change", async () => {
    const attempt = shown?.attempt;
    const keys = $$(form, "input:checked").map((i) => i.value);
    const quiz = form.dataset.lmsQuestion;
    const { saved } = await change((r, at) => {
      const a = find(r, id, attempt);
      if (!a || a.submitted !== undefined) return;
      if (keys.length) a.answers[quiz] = keys;
      else delete a.answers[quiz];
      a.at = Math.max(at, a.at + 1); // later than any copy another tab holds: merge keeps this one
    });
    if (!saved) say(panel, UNSAVED);
  });
}

async function submit(panel) {
  const cfg = settings(panel);
  const { attempt, drawn } = shown;
  const answers = Object.fromEntries(drawn.map(({ id }) => [id, $$(document.getElementById(`lms-question-${id}`), "input:checked").map((i) => i.value)]));
  const missing = drawn.map(({ id }, index) => (answers[id].length ? 0 : index + 1)).filter(Boolean);
  if (missing.length) {
    const which = missing.length === 1 ? `Question ${missing[0]} has` : `Questions ${missing.slice(0, -1).join(", ")} and ${missing.at(-1)} have`;
    say(panel, `⚠ ${which} no answer yet. Answer every question, then submit.`);
    return $(document.getElementById(`lms-question-${drawn[missing[0] - 1].id}`), "input").focus();
  }
  if (!crypto.subtle) return say(panel, "⚠ Your answers can't be checked here: this page must be opened from a secure (https) address. Your answers are kept.");
  const right = await marks(cfg, drawn, answers);
  let mine = false; // this tab's submission, not one another tab made first
  const score = Math.round((right.length * 100) / drawn.length);
  const { saved, record } = await change((r, at) => {
    const a = find(r, cfg.id, attempt);
    const time = a && Math.max(at, a.at + 1);
    if (a && a.submitted === undefined) Object.assign(a, { answers, at: time, submitted: time, score, passed: score >= cfg.passMark });
    mine = a?.submitted === time;
  });
  const list = record.attempts?.[cfg.id] ?? [];
  const done = find(record, cfg.id, attempt); // another tab's submission, if it came first
  if (mine) announce(cfg.id, list.findIndex((a) => same(a, done)) + 1, done, drawn, right);
  await finish(panel, done, list.findIndex((a) => same(a, done)) + 1, saved);
}

// For an LMS (scorm/launch.js): the attempt's result and every question's answer.
function announce(assessment, number, attempt, drawn, right) {
  const questions = drawn.map(({ id }) => ({ id, choices: attempt.answers[id] ?? [], correct: right.includes(id) }));
  const detail = { assessment, number, score: attempt.score, passed: attempt.passed, questions };
  document.dispatchEvent(new CustomEvent("lms:assessment-submitted", { bubbles: true, detail }));
}

/** The result of a submitted attempt, focused, then its review when allowed. */
export async function finish(panel, attempt, number, saved = true) {
  const cfg = settings(panel);
  const list = attemptsOf(cfg.id);
  const drawn = layOut(panel, attempt);
  applyAnswers(drawn, attempt, false);
  shown = { id: cfg.id, attempt, drawn };
  $(panel, "[data-lms-assessment-submit]")?.remove();
  const verdict = attempt.passed ? `✓ You passed: the pass mark is ${cfg.passMark}%.` : `✗ Not passed: the pass mark is ${cfg.passMark}%.`;
  const graded = recorded(list, cfg.rule);
  const [words, over] = standing(cfg, list);
  const text = `Attempt ${number} of ${cfg.allowed} submitted: you scored ${attempt.score}%. ${verdict} ${words}${saved ? "" : " ⚠ This result could not be saved in this browser (its storage is turned off or full)."}`;
  const result = $(panel, "[data-lms-assessment-result]");
  const paragraph = (textContent) => Object.assign(document.createElement("p"), { textContent });
  // Focused next: what to do when no attempt is left is read with the result.
  result.replaceChildren(paragraph(text), ...(over ? [paragraph($(panel, "[data-lms-assessment-over]").textContent)] : []));
  result.dataset.lmsPassed = String(graded?.attempt.passed === true);
  result.hidden = false;
  say(panel, `Attempt ${number} submitted: ${attempt.score}%, ${attempt.passed ? "passed" : "not passed"}.`);
  const actions = $(panel, "[data-lms-assessment-actions]");
  const next = list.length < cfg.allowed ? [button(`Start attempt ${list.length + 1} of ${cfg.allowed}`, () => start(panel), "lmsStart")] : [];
  actions.replaceChildren(...next);
  actions.hidden = !next.length;
  result.focus();
  if (reviewAllowed(cfg, list)) await showReview(panel, cfg, drawn, attempt);
  else withheld(panel, cfg, drawn);
}

/** The review of an earlier attempt (the "Review attempt" button). */
export const review = (panel, attempt, number) => finish(panel, attempt, number);

/** Another tab changed the record: show what it holds now. */
export function refresh(panel) {
  setTimeout(() => {
    const cfg = settings(panel);
    const mine = shown && attemptsOf(cfg.id).find((a) => same(a, shown.attempt));
    if (mine && mine.submitted === undefined) return applyAnswers(shown.drawn, mine, true);
    if (mine && shown.attempt.submitted === undefined) return finish(panel, mine, attemptsOf(cfg.id).indexOf(mine) + 1);
    if (!mine || openAttempt(attemptsOf(cfg.id))) showIdle(panel);
  });
}
