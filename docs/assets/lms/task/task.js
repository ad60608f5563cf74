// Tasks: enhances the forms of hooks/coursesite/task/render.py. Without this
// script the learner can still write (nothing is kept) and read the model
// answer in its disclosure. With it:
// - the response is kept as the learner types (debounced), under store.js
//   `task:<id>` (entry.js), and announced as `lms:task-saved` { taskId, text,
//   scores, at, score } on document, so the progress record keeps it too
//   (progress/tracker.js) and a SCORM package reports it (scorm/launch.js);
//   `score` is the self-score from 0 to 1 once the rubric is scored, else null;
// - "Save my self-score" records a level per criterion, then shows the model
//   answer, hidden until then: the learner judges their own work first;
// - when storage refuses (full, turned off), the learner is told in the
//   task's status region and offered a download; what they typed stays in
//   memory and comes back on this page for as long as the tab stays open.
// main.js loads this as a task comes near the view (at once when one is stored).

import * as store from "../store.js";
import { download, isEntry, markdown } from "./entry.js";

const WAIT = 500; // ms after the last keystroke
const kept = new Map(); // taskId -> latest entry of this tab, saved or not
const timers = new Map();
const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const say = (form, text) => ($(form, "[data-lms-task-status]").textContent = text);
const title = (form) => $(form, ".lms-task__title").textContent.replace(/^Task: /, "");

function rows(form, scores) {
  return $$(form, "[data-lms-criterion]").map((set) => {
    const chosen = $$(set, "input").find((input) => input.value === scores[set.dataset.lmsCriterion]);
    return [$(set, "legend").textContent, chosen ? $(chosen.labels[0], "strong").textContent : "Not scored"];
  });
}

// The self-score from 0 (every criterion at the lowest level) to 1 (all at the top).
function selfScore(form, scores) {
  const sets = $$(form, "[data-lms-criterion]");
  let sum = 0, top = 0;
  for (const set of sets) {
    const values = $$(set, "input").map((input) => input.value);
    sum += Math.max(values.indexOf(scores[set.dataset.lmsCriterion]), 0);
    top += values.length - 1;
  }
  return top ? Math.round((sum / top) * 100) / 100 : 0;
}
const complete = (form, scores) => $$(form, "[data-lms-criterion]").every((set) => set.dataset.lmsCriterion in scores);

function keep(form, entry) {
  const id = form.dataset.lmsTask;
  kept.set(id, entry);
  const saved = store.save(`task:${id}`, entry);
  $(form, "[data-lms-task-note]").textContent = saved ? "Your response is saved in this browser as you type." : "Not saved in this browser: download your response to keep it.";
  $(form, "[data-lms-task-download]").hidden = saved;
  if (!saved && form.dataset.lmsSaved !== "no") say(form, "Your response could not be saved: this browser's storage is full or turned off. It stays here while this tab is open; use “Download my response” to keep it.");
  form.dataset.lmsSaved = saved ? "yes" : "no";
  const score = complete(form, entry.scores) ? selfScore(form, entry.scores) : null;
  document.dispatchEvent(new CustomEvent("lms:task-saved", { bubbles: true, detail: { taskId: id, ...entry, score } }));
  return saved;
}

function typed(form) {
  const id = form.dataset.lmsTask;
  const text = $(form, "textarea").value;
  kept.set(id, { text, scores: kept.get(id)?.scores ?? {}, at: Date.now() }); // safe in memory at once
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(() => keep(form, { ...kept.get(id), at: Date.now() }), WAIT));
}

function scoreIt(event) {
  event.preventDefault();
  const form = event.target;
  const text = $(form, "textarea").value;
  const missing = $$(form, "[data-lms-criterion]").filter((set) => !$(set, ":checked"));
  if (!text.trim()) return say(form, "Write your response before you score it."), $(form, "textarea").focus();
  if (missing.length) {
    say(form, `Choose a level for every criterion. Not scored yet: ${missing.map((set) => $(set, "legend").textContent).join(", ")}.`);
    return $(missing[0], "input").focus();
  }
  const scores = Object.fromEntries($$(form, "[data-lms-criterion]").map((set) => [set.dataset.lmsCriterion, $(set, ":checked").value]));
  clearTimeout(timers.get(form.dataset.lmsTask));
  const saved = keep(form, { text, scores, at: Date.now() });
  showModel(form);
  const sets = $$(form, "[data-lms-criterion]");
  const top = sets.filter((set) => $$(set, "input").at(-1).checked).length;
  if (saved) say(form, `Self-score saved: ${top} of ${sets.length} criteria at the top level.${$(form, "[data-lms-task-model]") ? " Compare your response with the model answer below." : ""}`);
}

function showModel(form) {
  const model = $(form, "[data-lms-task-model]");
  if (model) (model.hidden = false), (model.open = true);
}

function show(form, entry) {
  $(form, "textarea").value = entry.text;
  for (const input of $$(form, "[data-lms-criterion] input")) input.checked = entry.scores[input.closest("[data-lms-criterion]").dataset.lmsCriterion] === input.value;
  if (complete(form, entry.scores)) showModel(form);
}

function setUp(form) {
  form.dataset.lmsReady = "";
  const id = form.dataset.lmsTask;
  const model = $(form, "[data-lms-task-model]");
  if (model) model.hidden = true;
  $(form, "button[type=submit]").hidden = false;
  $(form, "[data-lms-task-note]").textContent = "Your response is saved in this browser as you type.";
  const entry = kept.get(id) ?? store.load(`task:${id}`, isEntry);
  if (entry) show(form, entry), kept.set(id, entry);
  if (entry && store.load(`task:${id}`, isEntry)?.at !== entry.at) keep(form, entry); // typed while storage refused: try again
  form.addEventListener("input", (event) => event.target.matches("textarea") && typed(form));
  form.addEventListener("submit", scoreIt);
  $(form, "[data-lms-task-download]").addEventListener("click", () => {
    const entry = kept.get(id) ?? { text: $(form, "textarea").value, scores: {} };
    download(`${id}.md`, markdown(title(form), entry.text, rows(form, entry.scores).filter((row) => row[1] !== "Not scored"), "#"));
  });
}

/** Show what storage holds now (progress reset or imported: progress/sync.js). */
function resync() {
  for (const form of $$(document, "form[data-lms-task][data-lms-ready]")) {
    const entry = store.load(`task:${form.dataset.lmsTask}`, isEntry) ?? { text: "", scores: {}, at: 0 };
    kept.delete(form.dataset.lmsTask);
    show(form, entry);
    if (!complete(form, entry.scores)) $(form, "[data-lms-task-model]")?.setAttribute("hidden", "");
  }
}
for (const name of ["lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, resync);

const setUpPage = () => $$(document, "form[data-lms-task]:not([data-lms-ready])").forEach(setUp);
if (window.document$) window.document$.subscribe(setUpPage);
else setUpPage();
