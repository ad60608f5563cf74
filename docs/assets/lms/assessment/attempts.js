// Graded assessments' attempts in the progress record: validation, merge, and
// which attempt counts. Pure (no DOM, no storage): progress/record.js uses it
// for the record's `attempts` field, the dashboard and certificate to show the
// recorded result, and the tests run it on its own.
//
// attempts  { assessmentId: [attempt, ...] }   in the order they were started
// attempt   { seed, started, at, answers: { quizId: [choice keys] },
//             submitted?, score?, passed? }
//   seed       the draw's seed (draw.js): the same questions after a reload
//   started    ms; with the seed, the attempt's identity across tabs
//   at         ms of the last change (an answer given, the submission)
//   submitted  ms, with score (0-100) and passed: the attempt is over

import { isIdString } from "../store.js";

export const MAX_ATTEMPTS = 20; // per assessment (the build refuses more: assessment/declaration.py)
const MAX_ANSWERS = 200;

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isTime = (t) => Number.isInteger(t) && t >= 0 && t < 4102444800000;
const isKeys = (v) => Array.isArray(v) && v.length > 0 && v.length <= 50 && v.every((k) => typeof k === "string" && /^[0-9a-f]{8}$/.test(k));
const FIELDS = new Set(["seed", "started", "at", "answers", "submitted", "score", "passed"]);

function isAnswers(v) {
  if (!isObj(v)) return false;
  const entries = Object.entries(v);
  return entries.length <= MAX_ANSWERS && entries.every(([id, keys]) => isIdString(id) && isKeys(keys));
}

/** One attempt as stored: untrusted until this says yes. */
export function isAttempt(a) {
  if (!isObj(a) || !Object.keys(a).every((k) => FIELDS.has(k))) return false;
  if (!Number.isInteger(a.seed) || a.seed < 0 || a.seed > 0xffffffff || !isTime(a.started) || !isTime(a.at) || !isAnswers(a.answers)) return false;
  if (a.submitted === undefined) return a.score === undefined && a.passed === undefined;
  return isTime(a.submitted) && Number.isInteger(a.score) && a.score >= 0 && a.score <= 100 && typeof a.passed === "boolean";
}

/** The valid part of a stored `attempts` field, and what was not valid. */
export function cleanAttempts(raw) {
  const out = Object.create(null);
  const problems = [];
  if (raw === undefined) return { attempts: out, problems };
  if (!isObj(raw)) return { attempts: out, problems: ["attempts is not a list of assessments"] };
  for (const [id, list] of Object.entries(raw)) {
    if (isIdString(id) && Array.isArray(list) && list.length <= MAX_ATTEMPTS && list.every(isAttempt)) out[id] = list.map((a) => structuredClone(a));
    else problems.push(`attempts of "${String(id).slice(0, 40)}" are not valid`);
  }
  return { attempts: out, problems };
}

const identity = (a) => `${a.started}:${a.seed}`;

// Of two copies of one attempt: the submitted one (of two submissions, the
// first: a second tab's submission comes too late), else the later change.
function settled(x, y) {
  if (x.submitted !== undefined || y.submitted !== undefined) {
    if (x.submitted === undefined) return y;
    if (y.submitted === undefined) return x;
    return y.submitted < x.submitted || (y.submitted === x.submitted && JSON.stringify(y) < JSON.stringify(x)) ? y : x;
  }
  return y.at > x.at || (y.at === x.at && JSON.stringify(y) > JSON.stringify(x)) ? y : x;
}

/** Union of two tabs' attempts, attempt by attempt, in the order started
 *  (commutative and associative, like the rest of the record's merge). */
export function mergeAttempts(a, b) {
  const out = Object.create(null);
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const byIdentity = new Map();
    for (const attempt of [...(a[id] ?? []), ...(b[id] ?? [])]) {
      const key = identity(attempt);
      byIdentity.set(key, byIdentity.has(key) ? settled(byIdentity.get(key), attempt) : attempt);
    }
    out[id] = [...byIdentity.values()].sort((x, y) => x.started - y.started || x.seed - y.seed).slice(0, MAX_ATTEMPTS);
  }
  return out;
}

/** Attempts begun at `epoch` or later (a reset clears the ones before). */
export function attemptsSince(attempts, epoch) {
  const out = Object.create(null);
  for (const [id, list] of Object.entries(attempts)) {
    const kept = list.filter((a) => a.started >= epoch);
    if (kept.length) out[id] = kept;
  }
  return out;
}

export { describe, openAttempt, recorded } from "./results.js";
