// One LMS session for the whole visit: initialised once when the launch page
// opens, fed by the course's events while the learner moves between pages in
// the launch page's frame, and closed (commit, then finish) when the launch
// page is hidden for good. Page changes happen inside the frame, so they
// never end or restart the session.
//
// An LMS that refuses or throws on writes must not be called without end
// (every learner action would send everything again): values wait in
// `pending` until the LMS takes them, a failure waits longer before each
// retry (doubling, capped), and after MAX_FAILURES in a row the session
// leaves the LMS alone. The course goes on working in the browser; one
// console warning tells the LMS administrator.

import { connect, warn } from "./api.js";
import { ELEMENTS, attemptInteraction, cmiValues, interactionValues, sessionTime, taskValues } from "./mapping.js";
import { isIdString } from "../store.js";
import { decode } from "./suspend.js";

const PAGE = /^(?!.*\.\.)[A-Za-z0-9_\-./%]{1,250}\.html$/;
export const isPage = (page) => typeof page === "string" && PAGE.test(page) && !page.startsWith("/");
const MAX_FAILURES = 5;
const isQuestion = (q) => isIdString(q?.id) && typeof q.correct === "boolean" && Array.isArray(q.choices) && q.choices.length > 0 && q.choices.length <= 50 && q.choices.every((k) => /^[0-9a-f]{8}$/.test(k));
const FIRST_WAIT = 1000; // ms before the first retry; doubled after each failure
const LONGEST_WAIT = 30000;

/** Start the session; `state` is "none" (no LMS: a normal site), "refused"
 *  (the LMS would not start a session) or "open". */
export function openSession(outline, start = window) {
  const lms = connect(outline.version, start);
  if (!lms) return { state: "none", session: null };
  if (!lms.initialize()) {
    warn("the LMS did not start a session: the course works, but nothing is reported");
    return { state: "refused", session: null };
  }
  return { state: "open", session: new Session(outline, lms) };
}

class Session {
  constructor(outline, lms) {
    this.outline = outline;
    this.lms = lms;
    this.names = ELEMENTS[outline.version];
    this.started = Date.now();
    this.open = true;
    this.batching = false;
    this.pending = new Map(); // element -> value, in the order they were set
    this.failures = 0; // in a row
    this.retryAt = 0; // no write before this time (ms)
    this.warned = false;
    // What the LMS holds: statuses read now, every value set since (never sent twice).
    this.held = {};
    for (const element of [this.names.status, this.names.completion, this.names.success]) {
      if (element) this.held[element] = lms.get(element);
    }
    const suspend = lms.get(this.names.suspend);
    const saved = lms.get(this.names.location);
    this.record = decode(outline, suspend);
    this.page = isPage(saved) && outline.pages.includes(saved) ? saved : "";
    // What the learner had: the page to reopen, the answers and readings to show again.
    this.resume = { page: this.page, record: decode(outline, suspend) };
    this.quizzes = new Map(outline.modules.flatMap((m) => m.quizzes.map((q) => [q.id, q])));
    this.interactions = outline.version === "2004" ? this.readInteractions() : null;
    // SCORM 1.2 interactions are a journal (write-only): each scoring adds one after those already there.
    this.journal = outline.version === "1.2" ? Number.parseInt(lms.get("cmi.interactions._count"), 10) || 0 : 0;
  }

  readInteractions() {
    const index = new Map();
    const count = Number.parseInt(this.lms.get("cmi.interactions._count"), 10) || 0;
    for (let n = 0; n < count; n++) index.set(this.lms.get(`cmi.interactions.${n}.id`), n);
    return index;
  }

  /** Queue `values` for the LMS (those it does not hold yet). */
  send(values) {
    for (const [element, value] of values) {
      if (this.held[element] === value) this.pending.delete(element);
      else this.pending.set(element, value);
    }
  }

  /** Write what is queued (and commit), unless waiting after a failure. */
  flush(commit) {
    if (!this.open || this.failures >= MAX_FAILURES || Date.now() < this.retryAt) return;
    for (const [element, value] of this.pending) {
      if (!this.lms.set(element, value)) return this.failed();
      this.held[element] = value;
      this.pending.delete(element);
    }
    if (commit && !this.lms.commit()) return this.failed();
    this.failures = 0;
  }

  failed() {
    this.failures++;
    if (!this.warned) {
      this.warned = true;
      warn(`${this.lms.problem}. The course goes on working; it will try the LMS again, less and less often, and stop after ${MAX_FAILURES} failures in a row.`);
    }
    if (this.failures >= MAX_FAILURES) return;
    const wait = Math.min(FIRST_WAIT * 2 ** (this.failures - 1), LONGEST_WAIT);
    this.retryAt = Date.now() + wait;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.report(), wait);
  }

  report(commit = true) {
    if (!this.open || this.batching) return;
    this.send(cmiValues(this.outline, this.record, this.page, this.held));
    this.flush(commit);
  }

  /** Run `change` with one report and commit at the end instead of one per event. */
  batch(change) {
    this.batching = true;
    try {
      change();
    } finally {
      this.batching = false;
      this.report();
    }
  }

  visit(moduleId, page) {
    if (moduleId) this.record.visited.add(moduleId);
    if (isPage(page)) this.page = page;
    this.report();
  }

  // `first`: the first try's result as the page knows it; the first one heard here stays.
  answer(quizId, correct, choices, first = correct) {
    const quiz = this.quizzes.get(quizId);
    const known = quiz ? choices.filter((key) => quiz.choices.includes(key)) : [];
    if (!quiz || !known.length || typeof correct !== "boolean") return;
    const before = this.record.answers.get(quizId);
    const answer = { correct, first: before ? before.first : first === true, choices: known };
    this.record.answers.set(quizId, answer);
    if (this.open && this.interactions) {
      if (!this.interactions.has(quizId)) this.interactions.set(quizId, this.interactions.size);
      this.send(interactionValues(this.interactions.get(quizId), quiz, answer));
    }
    this.report();
  }

  /** A submitted attempt of a graded assessment (assessment/attempt.js: lms:assessment-submitted). */
  assessed(detail) {
    const module = this.outline.modules.find((m) => m.assessment && m.id === detail?.assessment);
    const { number, score, passed } = detail ?? {};
    if (!module || !Number.isInteger(number) || number < 1 || !Number.isInteger(score) || score < 0 || score > 100 || typeof passed !== "boolean") return;
    const old = this.record.graded.get(module.id);
    const counts = !old || (module.assessment.record === "last" ? number >= old.number : score > old.score);
    const used = Math.max(number, old?.used ?? 0);
    this.record.graded.set(module.id, counts ? { score, passed, number, used } : { ...old, used });
    const questions = Array.isArray(detail.questions) ? detail.questions.slice(0, 200) : [];
    for (const question of this.interactions ? questions.filter(isQuestion) : []) {
      const id = `${module.id}-attempt-${number}-${question.id}`;
      if (!this.interactions.has(id)) this.interactions.set(id, this.interactions.size);
      this.send(attemptInteraction(this.interactions.get(id), module.id, number, question));
    }
    this.report();
  }

  /** A task the learner scored (task/task.js: lms:task-saved with a score). */
  task(id, title, text, score) {
    const valid = isIdString(id) && typeof title === "string" && typeof text === "string" && text.trim();
    if (!valid || !(score >= 0 && score <= 1) || !this.open) return;
    let index = this.journal++;
    if (this.interactions) {
      if (!this.interactions.has(id)) this.interactions.set(id, this.interactions.size);
      index = this.interactions.get(id);
    }
    this.send(taskValues(this.outline.version, index, { id, title, text, score }));
    this.report();
  }

  read(readingId, read) {
    if (!this.outline.readings.ids.includes(readingId) || typeof read !== "boolean") return;
    if (read) this.record.readings.add(readingId);
    else this.record.readings.delete(readingId);
    this.report();
  }

  /** Save what the LMS has so far (the page may be hidden and never come back). */
  commit() {
    this.flush(true);
  }

  /** Close the session: time, exit mode, commit, finish; one last try even
   *  while waiting after a failure. Later calls do nothing. */
  finish() {
    if (!this.open) return;
    clearTimeout(this.retry);
    this.send(cmiValues(this.outline, this.record, this.page, this.held));
    this.send([[this.names.time, sessionTime(this.outline.version, Date.now() - this.started)]]);
    // "suspend": the LMS keeps this attempt's data, so the next launch resumes it.
    this.send([[this.names.exit, "suspend"]]);
    this.retryAt = 0;
    this.flush(true);
    this.lms.finish();
    this.open = false;
  }
}
