// Keeps the quiz and reading features' own storage in step with the progress
// record when the learner resets or imports progress.
//
// quiz/check.js keeps each quiz's last checked answer under `quiz:<id>` ({ choices })
// and readings.js the ticked readings under `readings` (sorted ids); the record
// holds the same facts for progress (quizzes[id].choices, readings[id].read).
// Reset and import change the record, so they rewrite those keys too and then
// tell the page, whose quiz and reading scripts show the new state at once:
//   lms:progress-reset     detail {}                       every key was deleted
//   lms:progress-imported  detail { mode: "merge" | "replace" }
// (CustomEvent on document, bubbles; handlers re-read storage, so they are idempotent.)

import * as store from "../store.js";
import { isChoices } from "./record.js";

const QUIZ = "quiz:";
const TASK = "task:"; // ../task/task.js keeps each response under `task:<id>` too
const READINGS = "readings";

const answerIn = (name) => store.load(name, (v) => store.isPlainObject(v) && isChoices(v.choices))?.choices;
const tickedIds = () => store.load(READINGS, Array.isArray, []).filter(store.isIdString);
const same = (a, b) => a.at === b.at && a.correct === b.correct && String(a.choices) === String(b.choices);

const tell = (type, detail = {}) => document.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));

/** Delete every key of this course (quiz answers, reading ticks, progress, any
 *  other) but those named in `keep`, then `writeEmpty()` the fresh record;
 *  resolves to what that returns. */
export async function resetAll(writeEmpty, keep = []) {
  for (const name of store.names()) if (!keep.includes(name)) store.remove(name);
  const saved = await writeEmpty();
  tell("lms:progress-reset");
  return saved;
}

/** `record` for export, with what only the features' keys know: the answer of a
 *  result saved before results kept their choices, and ticks progress never saw. */
export function withFeatureState(record, now) {
  const quizzes = { ...record.quizzes };
  const readings = { ...record.readings };
  for (const name of store.names(QUIZ)) {
    const id = name.slice(QUIZ.length);
    const choices = answerIn(name);
    if (Object.hasOwn(quizzes, id) && !quizzes[id].choices && choices) quizzes[id] = { ...quizzes[id], choices };
  }
  for (const id of tickedIds()) if (!Object.hasOwn(readings, id)) readings[id] = { read: true, at: now };
  return { ...record, quizzes, readings };
}

/** After an import: make the quiz and reading keys say what `record` (the result)
 *  says, then tell the page. Merging keeps this browser's own latest answer
 *  unless the file's result won. */
export function writeBack(record, imported, replace) {
  const answered = new Set(store.names(QUIZ));
  for (const name of answered) {
    if (replace && !record.quizzes[name.slice(QUIZ.length)]?.choices) store.remove(name);
  }
  for (const [id, entry] of Object.entries(imported.quizzes)) {
    const kept = record.quizzes[id];
    if (kept?.choices && (replace || !answered.has(QUIZ + id) || same(kept, entry))) store.save(QUIZ + id, { choices: kept.choices });
  }
  const ticked = new Set(replace ? [] : tickedIds());
  for (const [id, entry] of Object.entries(record.readings)) entry.read ? ticked.add(id) : ticked.delete(id);
  store.save(READINGS, [...ticked].sort());
  if (replace) for (const name of store.names(TASK)) if (!Object.hasOwn(record.tasks, name.slice(TASK.length))) store.remove(name);
  for (const [id, entry] of Object.entries(record.tasks)) store.save(TASK + id, entry);
  tell("lms:progress-imported", { mode: replace ? "replace" : "merge" });
}
