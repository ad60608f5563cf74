// Tasks: enhances the forms of hooks/coursesite/task/render.py. Without this
// script the learner can still write (nothing is kept) and read the model
// answer in its disclosure. With it, the model answer waits until the learner
// has scored their response, and a saved response is shown again.
//
// main.js loads this part as a task comes near the view (at once when one is
// stored). Keeping the response as the learner types and scoring it
// (work.js, as big again) load when the learner first touches a task: a
// learner who reads past a task downloads about half its code (budget: at
// most 6 KB of our code on a page with a task).

import { load, once } from "../store.js";
import { isEntry } from "./entry.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];

let work = null; // work.js, once loaded
const working = once(() => import("./work.js").then((module) => (work = module))); // again on the next touch after a failure
const onTask = (event) => event.target.closest?.("form[data-lms-task]") && working().catch(() => {});
for (const type of ["pointerdown", "focusin"]) document.addEventListener(type, onTask, { passive: true });

const stored = (id) => load(`task:${id}`, isEntry);
export const complete = (form, scores) => $$(form, "[data-lms-criterion]").every((set) => set.dataset.lmsCriterion in scores);

/** Show the model answer (after scoring) or hide it (before). */
export function showModel(form, shown) {
  const model = $(form, "[data-lms-task-model]");
  if (model) (model.hidden = !shown), (model.open = shown);
}

function show(form, entry) {
  $(form, "textarea").value = entry.text;
  for (const input of $$(form, "[data-lms-criterion] input")) input.checked = entry.scores[input.closest("[data-lms-criterion]").dataset.lmsCriterion] === input.value;
  showModel(form, complete(form, entry.scores));
}

function setUp(form) {
  form.dataset.lmsReady = "";
  const id = form.dataset.lmsTask;
  showModel(form, false);
  $(form, "button[type=submit]").hidden = false;
  $(form, "[data-lms-task-note]").textContent = "Your response is saved in this browser as you type.";
  // What this tab typed while storage refused it comes back, and is tried again.
  const unsaved = work?.kept.get(id);
  const entry = unsaved ?? stored(id);
  if (entry) show(form, entry);
  if (unsaved && stored(id)?.at !== unsaved.at) work.keep(form, unsaved);
  const use = (action) => working().then((module) => module[action](form));
  form.addEventListener("input", (event) => event.target.matches("textarea") && use("typed"));
  form.addEventListener("submit", (event) => (event.preventDefault(), use("score")));
  $(form, "[data-lms-task-download]").addEventListener("click", () => use("offer"));
}

/** Show what storage holds now (progress reset or imported: progress/sync.js). */
function resync() {
  for (const form of $$(document, "form[data-lms-task][data-lms-ready]")) {
    work?.kept.delete(form.dataset.lmsTask);
    show(form, stored(form.dataset.lmsTask) ?? { text: "", scores: {} });
  }
}
for (const name of ["lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, resync);

const setUpPage = () => $$(document, "form[data-lms-task]:not([data-lms-ready])").forEach(setUp);
if (window.document$) window.document$.subscribe(setUpPage);
else setUpPage();
