// Keeps the learner's record: in memory for this tab, in storage for the next
// visit. Every change re-reads the stored record and merges it before the one
// setItem that writes it (read-merge-write), so two tabs never lose each
// other's updates. When storage refuses (disabled, full), the record lives on
// in memory for as long as the tab does and the learner is told.

import * as store from "../store.js";
import { clean, empty, isAnchor, isId, merge, recordQuiz, settle } from "./record.js";
import { KEY, pageModule } from "./start.js";

export const root = new URL("../../../", import.meta.url);
export const course = fetch(new URL("../course.json", import.meta.url))
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null);

const stored = () => clean(store.load(KEY, store.isPlainObject) ?? empty());
let memory = stored().record;
export const record = () => memory;
export let saved = true;

const views = new Set();
/** `view(record)` runs after every change; register once, at module level. */
export const onChange = (view) => views.add(view);
const notify = () => views.forEach((view) => view(memory));

/** Apply `change(record, now)` to the newest record and save it. */
export async function update(change) {
  const data = await course;
  const now = Date.now();
  const next = merge(stored().record, memory);
  change(next, now);
  if (data) settle(next, data, now);
  memory = next;
  saved = store.save(KEY, next);
  notify();
  return saved;
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
  if (memory.visited[module] && memory.last?.module === module) return;
  update((r, at) => {
    r.visited[module] ??= at;
    r.last = { module, anchor: isAnchor(anchor) ? anchor : "", at };
  });
}

const HEARD = {
  // With the checked choices (an import shows them again), read before the page changes.
  "lms:quiz-checked": (d) => {
    const choices = isId(d?.quizId) && [...document.querySelectorAll(`[data-lms-quiz="${d.quizId}"] :checked`)].map((i) => i.value);
    if (choices && typeof d.correct === "boolean") update((r, at) => recordQuiz(r, d.quizId, d.correct, at, choices));
  },
  "lms:reading-marked": (d) => {
    if (isId(d?.readingId) && typeof d.read === "boolean") update((r, at) => (r.readings[d.readingId] = { read: d.read, at }));
  },
  // A quiz reset clears the answers on the page; progress keeps each quiz's best result.
};

/** Record what a feature announced (../main.js hands over those announced before
 *  this code had loaded; recording the same result twice changes nothing). */
export const hear = (event) => HEARD[event.type]?.(event.detail);
for (const name of Object.keys(HEARD)) document.addEventListener(name, hear);

store.onExternalChange((name) => {
  if (name !== KEY) return;
  memory = merge(stored().record, memory);
  notify();
});

// Write back at once a record that was migrated from v0 or repaired.
const first = stored();
if (first.migrated || first.problems.length) update(() => {});
