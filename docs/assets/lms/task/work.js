// A task at work (loaded by task.js on the learner's first touch):
// - the response is kept as the learner types (debounced), under store.js
//   `task:<id>` (entry.js), and announced as `lms:task-saved` { taskId, text,
//   scores, at, score } on document, so the progress record keeps it too
//   (progress/tracker.js) and a SCORM package reports it (scorm/launch.js);
//   `score` is the self-score from 0 to 1 once every criterion is scored, else null;
// - "Save my self-score" records a level per criterion, then shows the model answer;
// - when storage refuses (full, turned off), the learner is told in the
//   task's status region and offered a download; what they typed stays in
//   `kept` and comes back on the page for as long as the tab stays open.

import { save } from "../store.js";
import { complete, showModel } from "./task.js";

const WAIT = 500; // ms after the last keystroke
export const kept = new Map(); // taskId -> this tab's latest entry, saved or not
const timers = new Map();
const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const say = (form, text) => ($(form, "[data-lms-task-status]").textContent = text);
const sets = (form) => $$(form, "[data-lms-criterion]");

// The self-score from 0 (every criterion at the lowest level) to 1 (all at the top).
function selfScore(form, scores) {
  let sum = 0, top = 0;
  for (const set of sets(form)) {
    const values = $$(set, "input").map((input) => input.value);
    sum += Math.max(values.indexOf(scores[set.dataset.lmsCriterion]), 0);
    top += values.length - 1;
  }
  return top ? Math.round((sum / top) * 100) / 100 : 0;
}

/** Save `entry` for the form's task and announce it; false when storage refused. */
export function keep(form, entry) {
  const id = form.dataset.lmsTask;
  kept.set(id, entry);
  const saved = save(`task:${id}`, entry);
  $(form, "[data-lms-task-note]").textContent = saved ? "Your response is saved in this browser as you type." : "Not saved in this browser: download your response to keep it.";
  $(form, "[data-lms-task-download]").hidden = saved;
  if (!saved && form.dataset.lmsSaved !== "no") say(form, "Your response could not be saved: this browser's storage is full or turned off. It stays here while this tab is open; use “Download my response” to keep it.");
  form.dataset.lmsSaved = saved ? "yes" : "no";
  const score = complete(form, entry.scores) ? selfScore(form, entry.scores) : null;
  document.dispatchEvent(new CustomEvent("lms:task-saved", { bubbles: true, detail: { taskId: id, ...entry, score } }));
  return saved;
}

/** The learner typed: in memory at once, saved once they pause. */
export function typed(form) {
  const id = form.dataset.lmsTask;
  kept.set(id, { text: $(form, "textarea").value, scores: kept.get(id)?.scores ?? {}, at: Date.now() });
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(() => keep(form, { ...kept.get(id), at: Date.now() }), WAIT));
}

/** "Save my self-score": every criterion needs a level, and there must be a response. */
export function score(form) {
  const text = $(form, "textarea").value;
  const missing = sets(form).filter((set) => !$(set, ":checked"));
  if (!text.trim()) return say(form, "Write your response before you score it."), $(form, "textarea").focus();
  if (missing.length) {
    say(form, `Choose a level for every criterion. Not scored yet: ${missing.map((set) => $(set, "legend").textContent).join(", ")}.`);
    return $(missing[0], "input").focus();
  }
  const scores = Object.fromEntries(sets(form).map((set) => [set.dataset.lmsCriterion, $(set, ":checked").value]));
  clearTimeout(timers.get(form.dataset.lmsTask));
  const saved = keep(form, { text, scores, at: Date.now() });
  showModel(form, true);
  const top = sets(form).filter((set) => $$(set, "input").at(-1).checked).length;
  const model = $(form, "[data-lms-task-model]") ? " Compare your response with the model answer below." : "";
  if (saved) say(form, `Self-score saved: ${top} of ${sets(form).length} criteria at the top level.${model}`);
}

/** "Download my response": the task as a Markdown file. */
export function offer(form) {
  const entry = kept.get(form.dataset.lmsTask) ?? { text: $(form, "textarea").value, scores: {} };
  const rows = sets(form).flatMap((set) => {
    const chosen = $$(set, "input").find((input) => input.value === entry.scores[set.dataset.lmsCriterion]);
    return chosen ? [[$(set, "legend").textContent, $(chosen.labels[0], "strong").textContent]] : [];
  });
  const title = $(form, ".lms-task__title").textContent.replace(/^Task: /, "");
  // Fetched on demand: most learners never download a single response.
  return import("./download.js").then(({ download, markdown }) => download(`${form.dataset.lmsTask}.md`, markdown(title, entry.text, rows, "#")));
}
