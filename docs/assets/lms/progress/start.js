// The part of learner progress that a module page loads first (../main.js; the
// rest of the progress code builds on it): the record's empty shape and id
// rules (record.js), a new learner's first module visit, and the heading the
// learner last scrolled past.
//
// Why these are written here and not by tracker.js: the progress code and the
// course data it reads are about 7 KB (gzipped), most of a page's budget for
// our own code (budget: 5 KB), and a learner reading a module needs none of
// it until they reach a quiz or the module's foot. A learner with no record yet
// has nothing to merge and a visit completes nothing, so the first record is
// written directly; the position changes one field of the stored record, read
// just before it is written, the way tracker.js merges (two tabs lose nothing).

import { isIdString, isPlainObject, load, names, save } from "../store.js";

export const VERSION = 2;
export const KEY = "progress"; // the record's name in store.js
const ANCHOR = /^[A-Za-z0-9_.:-]{0,120}$/;

const map = () => Object.create(null); // so an id like "constructor" is just an id
export const isId = isIdString;
export const isAnchor = (v) => typeof v === "string" && ANCHOR.test(v);

export const empty = () => ({ v: VERSION, epoch: 0, name: null, visited: map(), completed: map(), quizzes: map(), readings: map(), tasks: map(), review: map(), last: null });

/** Record a new learner's visit to this module page (opened at `anchor`); false
 *  when there is nothing to do here: a record exists (the progress code keeps
 *  it) or this is not a module page. */
export function firstVisit(anchor, now = Date.now()) {
  const module = pageModule();
  if (!module || names(KEY).includes(KEY)) return false;
  const record = empty();
  record.visited[module] = now;
  record.last = { module, anchor: isAnchor(anchor) ? anchor : "", at: now };
  if (pageLesson()) record.place = { lesson: pageLesson(), at: now };
  const status = document.querySelector("[data-lms-module-status]");
  if (status) status.textContent = " · In progress"; // as progress/panel.js says it
  return save(KEY, record);
}

/** The module of the page shown, or null on any other page. */
export function pageModule() {
  const id = document.querySelector(".lms-module-header[data-lms-module]")?.dataset.lmsModule;
  return isId(id) ? id : null;
}

/** The lesson of the page shown (a folder module's lesson page), or null. */
export function pageLesson() {
  const id = document.querySelector(".lms-module-header[data-lms-lesson]")?.dataset.lmsLesson;
  return isId(id) ? id : null;
}

/** Whether `record` already says the learner is at `module`'s `anchor` on this page. */
export function isHere(record, module, anchor) {
  const lesson = pageLesson();
  const onLesson = record.place?.at === record.last?.at && record.place?.lesson;
  return record.last?.module === module && record.last.anchor === anchor && (onLesson || null) === lesson;
}

function headingAbove() {
  let found = "";
  for (const h of document.querySelectorAll(".md-content :is(h2, h3)[id]")) {
    if (h.getBoundingClientRect().top > 120) break;
    found = h.id;
  }
  return isAnchor(found) ? found : "";
}

// "Resume where you left off": the module and heading, in the stored record as it is
// (a record the progress code has yet to migrate or repair is left to it).
function notePosition() {
  const module = pageModule();
  const record = module && load(KEY, isPlainObject);
  if (!record || record.v !== VERSION) return;
  const anchor = headingAbove();
  if (isHere(record, module, anchor)) return;
  const at = Date.now();
  record.last = { module, anchor, at };
  if (pageLesson()) record.place = { lesson: pageLesson(), at };
  save(KEY, record);
}

let timer;
addEventListener("scroll", () => (clearTimeout(timer), (timer = setTimeout(notePosition, 500))), { passive: true });
addEventListener("pagehide", notePosition);
