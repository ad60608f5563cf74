// The learner's progress record: schema, validation, migration, merge.
// Pure functions (no DOM, no storage), so the tests can run them on their own.
//
// v2: { v: 2, epoch, name, visited, completed, quizzes, readings, last }
//   epoch      ms of the last "reset" or "replace": see `merge`
//   name       null | { text, at }             for the certificate
//   visited    { moduleId: ms of first visit }
//   completed  { moduleId: { done, at } }      quiz modules are settled here too
//   quizzes    { quizId: { correct, at, choices?, first, again? } } correct: the best result; first:
//              the first try's (the score); again: right at a later try; choices: the last answer's keys
//   readings   { readingId: { read, at } }
//   last       null | { module, anchor, at }   the heading last scrolled past
//   tasks      { taskId: { text, scores, at } }  optional (absent = {}): a task's response (at most
//              10,000 characters) and self-score { criterionKey: levelKey } (../task/entry.js); later wins
//   review     { quizId: { box, due, at } }  optional (absent = {}): the spaced
//              review schedule (../review/schedule.js); the later one wins
//   lessons    { lessonKey: { read, at } }  optional (absent = none): the lessons of a folder module
//              read to their end; a key is "<module id>--<lesson file name>"
//   place      null | { lesson, at }  optional: the lesson page of `last`, when noted there (same `at`)
//   attempts   { assessmentId: [attempt...] }  optional: graded assessments' attempts (../assessment/
//              attempts.js); a graded module is complete when its recorded attempt passed
// v1 (read, migrated): a quiz entry has no `first` or `again`. v0 (the flat layout before versioning,
//   read): { visited: [id], completed: [id], quizzes: { id: boolean }, read: [id], lastPage: id }

import { isEntry as isReview } from "../review/schedule.js";
import { isEntry as isTask } from "../task/entry.js";
import { VERSION, empty, isAnchor, isId } from "./start.js";
import { attemptsSince, cleanAttempts, mergeAttempts } from "../assessment/attempts.js";

export { empty, isAnchor, isId };
// A module's standing is read from a record in standing.js; its users import it from here too.
export { checksDone, completedAt, moduleState, settle } from "./standing.js";

const MAX_ENTRIES = 5000;

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isTime = (t) => Number.isInteger(t) && t >= 0 && t < 4102444800000;
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/** 1-50 choice keys, as quiz/check.js stores them. */
export const isChoices = (v) => Array.isArray(v) && v.length > 0 && v.length <= 50 && v.every((k) => typeof k === "string" && /^[0-9a-f]{8}$/.test(k));
// An entry { flag: boolean, at }, with no other keys but valid `extra` ones.
const flagged = (flag, extra = {}) => (e) => isObj(e) && typeof e[flag] === "boolean" && isTime(e.at) &&
  Object.keys(e).every((k) => k === flag || k === "at" || (has(extra, k) && extra[k](e[k])));
const isQuiz = flagged("correct", { choices: isChoices, first: (f) => typeof f === "boolean", again: (a) => a === true });
const ENTRIES = { visited: isTime, completed: flagged("done"), quizzes: (e) => isQuiz(e) && has(e, "first"), readings: flagged("read"), tasks: isTask, review: isReview, lessons: flagged("read") };
// Fields added after v1, absent when empty: a record without them is what it always was.
const OPTIONAL = new Set(["lessons", "place", "tasks", "review"]);
const entriesOf = (record, field) => record[field] ?? {};
const put = (record, field, id, entry) => ((record[field] ??= Object.create(null))[id] = entry);
const SINGLES = {
  name: (e) => isObj(e) && Object.keys(e).length === 2 && typeof e.text === "string" && e.text.length <= 100 && isTime(e.at),
  last: (e) => isObj(e) && Object.keys(e).length === 3 && isId(e.module) && isAnchor(e.anchor) && isTime(e.at),
  place: (e) => isObj(e) && Object.keys(e).length === 2 && isId(e.lesson) && isTime(e.at),
};

// `attempts` is optional: a record without graded attempts has none, as before.
const withAttempts = (record, attempts) => Object.keys(attempts).length && (record.attempts = attempts);

function fromV0(raw, now) {
  const ids = (list) => (Array.isArray(list) ? list.filter(isId) : []);
  const out = { v: VERSION, epoch: 0, visited: {}, completed: {}, quizzes: {}, readings: {} };
  for (const id of ids(raw.visited)) out.visited[id] = now;
  for (const id of ids(raw.completed)) out.completed[id] = { done: true, at: now };
  for (const id of ids(raw.read)) out.readings[id] = { read: true, at: now };
  for (const [id, ok] of Object.entries(isObj(raw.quizzes) ? raw.quizzes : {})) {
    if (isId(id) && typeof ok === "boolean") out.quizzes[id] = { correct: ok, at: now, first: ok };
  }
  if (isId(raw.lastPage)) out.last = { module: raw.lastPage, anchor: "", at: now };
  return out;
}

// v1 kept the best result only, taken as the first try: a v1 pass stays (same completion code).
function fromV1(raw) {
  const quizzes = isObj(raw.quizzes) ? Object.create(null) : raw.quizzes;
  for (const [id, e] of Object.entries(isObj(quizzes) ? raw.quizzes : {})) quizzes[id] = isObj(e) && !has(e, "first") ? { ...e, first: e.correct } : e;
  return { ...raw, v: VERSION, quizzes };
}

/** Rebuild a record from untrusted data: returns the parts that validate and
 *  a list of what did not (storage keeps the parts; an import rejects the file). */
export function clean(raw, now = Date.now()) {
  const record = empty();
  if (!isObj(raw)) return { record, problems: ["it is not a progress record"], migrated: false };
  const migrated = raw.v === undefined || raw.v === 0 || raw.v === 1;
  if (migrated) raw = raw.v === 1 ? fromV1(raw) : fromV0(raw, now);
  else if (raw.v !== VERSION) return { record, problems: [`it has version ${JSON.stringify(raw.v)}, which this site cannot read`], migrated };
  const problems = Object.keys(raw).filter((k) => !has(record, k) && !OPTIONAL.has(k) && k !== "attempts").map((k) => `unknown field "${k}"`);
  if (isTime(raw.epoch)) record.epoch = raw.epoch;
  else problems.push("epoch is not a time");
  for (const [field, valid] of Object.entries(ENTRIES)) {
    const entries = raw[field];
    if (entries === undefined) continue;
    if (!isObj(entries) || Object.keys(entries).length > MAX_ENTRIES) {
      problems.push(`${field} is not a list of entries`);
      continue;
    }
    for (const [id, entry] of Object.entries(entries)) {
      if (isId(id) && valid(entry)) put(record, field, id, field === "quizzes" ? quizEntry(entry) : entry);
      else problems.push(`${field} entry "${String(id).slice(0, 40)}" is not valid`);
    }
  }
  for (const [field, valid] of Object.entries(SINGLES)) {
    if (raw[field] == null) continue;
    if (valid(raw[field])) record[field] = { ...raw[field] };
    else problems.push(`${field} is not valid`);
  }
  const graded = cleanAttempts(raw.attempts);
  withAttempts(record, graded.attempts);
  problems.push(...graded.problems);
  return { record, problems, migrated };
}

// The later entry; of two at the same ms, the same one in any order (tabs then agree).
const later = (x, y) => y.at > x.at || (y.at === x.at && JSON.stringify(y) > JSON.stringify(x));
export const newer = (x, y) => (!x ? y : !y ? x : later(x, y) ? y : x);
/** A quiz entry with its keys in one order (tabs compare records as JSON). */
export const quizEntry = ({ correct, at, choices, first, again }) =>
  Object.assign(isChoices(choices) ? { correct, at, choices: [...choices], first } : { correct, at, first }, again ? { again } : {});
// Of two quiz entries: the best result (else the later, with its choices); a first try wrong
// in either (which of two tabs' first tries came first is not known); again in either.
function betterQuiz(x, y) {
  const best = x.correct !== y.correct ? (x.correct ? x : y) : newer(x, y);
  return quizEntry({ ...best, first: x.first && y.first, again: x.again || y.again });
}
const better = (field, x, y) => (x === undefined ? y : field === "visited" ? Math.min(x, y) : field === "quizzes" ? betterQuiz(x, y) : newer(x, y));

/** Union of two records of one epoch: earliest visit, best quiz result, newest of the rest. */
export function combine(a, b = empty()) {
  const out = empty();
  out.epoch = a.epoch;
  for (const field of Object.keys(ENTRIES)) {
    for (const source of [a, b]) {
      for (const [id, entry] of Object.entries(entriesOf(source, field))) put(out, field, id, better(field, out[field]?.[id], entry));
    }
  }
  for (const field of Object.keys(SINGLES)) {
    const value = newer(a[field], b[field]) ?? null;
    if (value || !OPTIONAL.has(field)) out[field] = value;
  }
  withAttempts(out, mergeAttempts(a.attempts ?? {}, b.attempts ?? {}));
  return out;
}

// What `record` holds that was recorded at `epoch` or later.
function since(record, epoch) {
  const out = empty();
  for (const field of Object.keys(ENTRIES)) {
    for (const [id, entry] of Object.entries(entriesOf(record, field))) if ((field === "visited" ? entry : entry.at) >= epoch) put(out, field, id, entry);
  }
  for (const field of Object.keys(SINGLES)) if (record[field]?.at >= epoch) out[field] = record[field];
  withAttempts(out, attemptsSince(record.attempts ?? {}, epoch));
  return out;
}

/** What two tabs (or storage and memory) agree on, so that no tab's news is lost:
 *  - of one epoch, the union, entry by entry: the earliest visit; a quiz's best result
 *    (`betterQuiz`); the later completion mark, reading mark, name and position (by
 *    `at`), so "mark as not complete" or an unticked reading wins when it came last;
 *  - of two epochs (a reset or "replace" in one tab), the newer epoch's record, plus what
 *    the other recorded since that epoch began: a reset clears what came before it
 *    everywhere, but not an answer another tab gave after it, before hearing of it.
 *  Commutative and associative, so tabs merging in any order agree. */
export function merge(a, b) {
  if (a.epoch === b.epoch) return combine(a, b);
  const [fresh, old] = a.epoch > b.epoch ? [a, b] : [b, a];
  return combine(fresh, since(old, fresh.epoch));
}

/** Whether `raw` (stored, untrusted) is of a newer version: unreadable here, never written over. */
export const isNewer = (raw) => isObj(raw) && Number.isInteger(raw.v) && raw.v > VERSION;

/** A checked answer; `first`: the first try's result as the page knows it (the record's wins),
 *  `retry`: a later try. The same check heard twice changes nothing. */
export function recordQuiz(record, id, correct, now, choices, first = correct, retry = false) {
  const old = record.quizzes[id], entry = quizEntry({ correct, at: now, choices, first: old ? old.first : first, again: retry && correct });
  record.quizzes[id] = old ? betterQuiz(old, entry) : entry;
}
