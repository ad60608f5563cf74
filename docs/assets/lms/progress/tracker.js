// Keeps the learner's record: in memory for this tab, in storage for the next
// visit. When storage refuses (disabled, full), the record lives on in memory
// for as long as the tab does and the learner is told.
//
// Two tabs write the one stored record. Every change re-reads it and merges
// (record.js: merge) before the setItem that writes it, holding a Web Lock so
// that no other tab of the course writes in between; and a tab that hears
// another's write (a `storage` event) merges it and writes back what it knew
// and the writer did not. So no answer given in any tab is lost, even where
// there are no Web Locks or a write slipped past one.
//
// A record of a newer version of the course (opened in a newer edition, then
// on an older cached page) cannot be read here: it is never written over, and
// this tab's progress lives in memory only (ui.js tells the learner).

import * as store from "../store.js";
import { answer, enter, waiting } from "../review/schedule.js";
import { isEntry as isTask } from "../task/entry.js";
import { clean, empty, isAnchor, isId, isNewer, merge, newer as later, quizEntry, recordQuiz, settle } from "./record.js";
import { KEY, isHere, pageLesson, pageModule } from "./start.js";

export const root = new URL("../../../", import.meta.url);
export const course = fetch(new URL("../course.json", import.meta.url))
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null);

export let newer = false; // storage holds a record of a newer version of the course
function stored() {
  const raw = store.load(KEY, store.isPlainObject);
  newer = isNewer(raw);
  return clean(newer ? empty() : raw ?? empty());
}
let memory = stored().record;
export const record = () => memory;
export let saved = true;

const views = new Set();
/** `view(record)` runs after every change; register once, at module level. */
export const onChange = (view) => views.add(view);
const notify = () => views.forEach((view) => view(memory));

// Run `task` while no other tab of this course runs one (Web Locks, where the
// browser has them: not in every context, hence the fallback).
function exclusively(task) {
  if (!navigator.locks) return Promise.resolve().then(task);
  let ran = false;
  const run = () => ((ran = true), task());
  return navigator.locks.request(`${store.prefix}${KEY}`, run).catch((error) => {
    if (ran) throw error;
    return task();
  });
}

/** Apply `change(record, now)` to the newest record and save it. */
export async function update(change) {
  const data = await course;
  return exclusively(() => {
    const now = Date.now();
    const next = merge(stored().record, memory);
    change(next, now);
    if (data) settle(next, data, now), enter(next, data, now); // a complete module's questions start their review
    memory = next;
    saved = !newer && store.save(KEY, next);
    notify();
    return saved;
  });
}

/** Replace the whole record (import "replace", reset): a new epoch wins over older copies elsewhere. */
export const replace = (fresh) => update((next, now) => Object.assign(next, fresh, { epoch: now }));

/** Called for every page shown: takes in the position start.js noted on the
 *  page before (in storage only), and records a module visit and the page as the last one. */
export function visit() {
  memory = merge(stored().record, memory);
  const module = pageModule();
  if (!module) return;
  const anchor = location.hash.slice(1); // heading ids are plain ASCII: no decoding, nothing to throw
  if (memory.visited[module] && memory.last?.module === module && (!pageLesson() || isHere(memory, module, memory.last.anchor))) return;
  update((r, at) => {
    r.visited[module] ??= at;
    r.last = { module, anchor: isAnchor(anchor) ? anchor : "", at };
    if (pageLesson()) r.place = { lesson: pageLesson(), at };
  });
}

const HEARD = {
  // With the checked choices (an import shows them again), read before the page
  // changes, and the first try's result (`first`) and whether this was a later try.
  "lms:quiz-checked": (d) => {
    const choices = isId(d?.quizId) && [...document.querySelectorAll(`[data-lms-quiz="${d.quizId}"] :checked`)].map((i) => i.value);
    const first = typeof d?.first === "boolean" ? d.first : d?.correct;
    if (choices && typeof d.correct === "boolean") update((r, at) => recordQuiz(r, d.quizId, d.correct, at, choices, first, d.retry === true));
  },
  // A task's response as typed, and its self-score (task/task.js); the later one wins.
  "lms:task-saved": (d) => {
    const entry = { text: d?.text, scores: d?.scores, at: d?.at };
    if (isId(d?.taskId) && isTask(entry)) update((r) => (r.tasks[d.taskId] = later(r.tasks[d.taskId], entry)));
  },
  // A question answered on the Review page (review/session.js) moves between boxes.
  "lms:review-answered": (d) => {
    if (isId(d?.quizId) && typeof d.correct === "boolean" && memory.review[d.quizId]) update((r, at) => answer(r.review, d.quizId, d.correct, at));
  },
  "lms:reading-marked": (d) => {
    if (isId(d?.readingId) && typeof d.read === "boolean") update((r, at) => (r.readings[d.readingId] = { read: d.read, at }));
  },
  // "Try again" or "Reset this page": progress keeps each quiz's results (best,
  // first try, again), but forgets its choices, so the quiz is not shown answered again.
  "lms:quiz-reset": (d) => {
    const ids = (Array.isArray(d?.quizIds) ? d.quizIds : []).filter((id) => isId(id) && memory.quizzes[id]?.choices);
    if (ids.length) update((r, at) => ids.forEach((id) => r.quizzes[id] && (r.quizzes[id] = quizEntry({ ...r.quizzes[id], choices: null, at }))));
  },
  // quiz/check.js asks for the answers and results of its quizzes: the record in
  // memory has them even when storage refused them.
  "lms:quiz-answers": (d) => {
    for (const id of Object.keys(d?.answers ?? {})) {
      const entry = isId(id) && memory.quizzes[id];
      if (entry?.choices) d.answers[id] = entry.choices;
      if (entry && d.results) d.results[id] = { first: entry.first, again: entry.again === true };
    }
  },
};

/** Record what a feature announced (../main.js hands over those announced before
 *  this code had loaded; recording the same result twice changes nothing). */
export const hear = (event) => HEARD[event.type]?.(event.detail);
for (const name of Object.keys(HEARD)) document.addEventListener(name, hear);

store.onExternalChange((name) => {
  if (name !== KEY) return;
  const outside = stored();
  memory = merge(outside.record, memory);
  notify();
  // The writer had not seen everything this tab recorded: write it back. (merge
  // keeps the stored record's order and, on a tie, its entries: the JSON of a
  // merge that adds nothing is the stored record's.)
  if (!newer && JSON.stringify(memory) !== JSON.stringify(outside.record)) update(() => {});
});

// Write back at once a record that was migrated from v0 or repaired, or whose
// complete modules' questions have yet to enter the review schedule (modules
// completed before the schedule existed, or questions added to the course since).
const first = stored();
if (first.migrated || first.problems.length) update(() => {});
else course.then((data) => data && waiting(memory, data) && update(() => {}));
