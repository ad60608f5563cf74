// One LMS session for the whole visit: initialised once when the launch page
// opens, fed by the course's events while the learner moves between pages in
// the launch page's frame, and closed (commit, then finish) when the launch
// page is hidden for good. Page changes happen inside the frame, so they
// never end or restart the session.

import { connect, warn } from "./api.js";
import { ELEMENTS, cmiValues, interactionValues, sessionTime } from "./mapping.js";
import { decode } from "./suspend.js";

const PAGE = /^(?!.*\.\.)[A-Za-z0-9_\-./%]{1,250}\.html$/;
export const isPage = (page) => typeof page === "string" && PAGE.test(page) && !page.startsWith("/");

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
  }

  readInteractions() {
    const index = new Map();
    const count = Number.parseInt(this.lms.get("cmi.interactions._count"), 10) || 0;
    for (let n = 0; n < count; n++) index.set(this.lms.get(`cmi.interactions.${n}.id`), n);
    return index;
  }

  send(values) {
    for (const [element, value] of values) {
      if (this.held[element] === value) continue;
      if (this.lms.set(element, value)) this.held[element] = value;
    }
  }

  report(commit = true) {
    if (!this.open || this.batching) return;
    this.send(cmiValues(this.outline, this.record, this.page, this.held));
    if (commit) this.lms.commit();
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

  answer(quizId, correct, choices) {
    const quiz = this.quizzes.get(quizId);
    const known = quiz ? choices.filter((key) => quiz.choices.includes(key)) : [];
    if (!quiz || !known.length || typeof correct !== "boolean") return;
    const answer = { correct, choices: known };
    this.record.answers.set(quizId, answer);
    if (this.open && this.interactions) {
      if (!this.interactions.has(quizId)) this.interactions.set(quizId, this.interactions.size);
      this.send(interactionValues(this.interactions.get(quizId), quiz, answer));
    }
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
    if (this.open) this.lms.commit();
  }

  /** Close the session: time, exit mode, commit, finish. Later calls do nothing. */
  finish() {
    if (!this.open) return;
    this.report(false);
    this.lms.set(this.names.time, sessionTime(this.outline.version, Date.now() - this.started));
    // "suspend": the LMS keeps this attempt's data, so the next launch resumes it.
    this.lms.set(this.names.exit, "suspend");
    this.lms.commit();
    this.lms.finish();
    this.open = false;
  }
}
