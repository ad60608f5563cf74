// The review schedule: Leitner boxes, as pure functions of the record's
// `review` field and the time (no DOM, no storage), so tests can run them
// with a fake clock.
//
// review  { quizId: { box, due, at } }
//   box  1-4: how well the question has been remembered so far
//   due  ms from which it is due again
//   at   ms of the last change (the later entry wins a merge, record.js)
// A module's knowledge-check questions enter box 1, due a day later, when the
// module is complete. A right answer moves a question up a box, a wrong one
// back to box 1; it is then due after that box's interval: about 1, 3, 7 or
// 21 days (spacing grows as a memory strengthens).

export const DAY = 86400000;
export const INTERVALS = [1, 3, 7, 21]; // days, for boxes 1 to 4
export const SESSION = 10; // questions at most in one review session

const isTime = (t) => Number.isInteger(t) && t >= 0 && t < 4102444800000;
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
export const isEntry = (e) => isObj(e) && Object.keys(e).length === 3 && Number.isInteger(e.box) && e.box >= 1 && e.box <= INTERVALS.length && isTime(e.due) && isTime(e.at);

const entry = (box, now) => ({ box, due: now + INTERVALS[box - 1] * DAY, at: now });

/** Put the questions of every complete module (`course`: course.json) that are
 *  not in the schedule yet into box 1. */
export function enter(record, course, now) {
  for (const m of course.modules) {
    if (record.completed[m.id]?.done !== true) continue;
    for (const id of m.review ?? []) if (!Object.hasOwn(record.review, id)) record.review[id] = entry(1, now);
  }
}

/** Whether a complete module has questions that `enter` would add. */
export const waiting = (record, course) =>
  course.modules.some((m) => record.completed[m.id]?.done === true && (m.review ?? []).some((id) => !Object.hasOwn(record.review, id)));

/** Move a question by the learner's answer: right, up a box; wrong, back to box 1. */
export function answer(review, id, correct, now) {
  const box = review[id]?.box ?? 1;
  review[id] = entry(correct ? Math.min(box + 1, INTERVALS.length) : 1, now);
}

/** Ids of the questions due at `now`, earliest first. */
export const dueIds = (review, now) =>
  Object.keys(review).filter((id) => isEntry(review[id]) && review[id].due <= now).sort((a, b) => review[a].due - review[b].due || (a < b ? -1 : 1));

/** When the next question falls due (ms), or null when nothing is scheduled. */
export function nextDue(review) {
  const times = Object.values(review).filter(isEntry).map((e) => e.due);
  return times.length ? Math.min(...times) : null;
}

/** A session: at most `max` of the `due` ids, taking one from each module in
 *  turn (`moduleOf(id)`, course order given by `modules`), so modules interleave. */
export function pick(due, moduleOf, modules, max = SESSION) {
  const queues = modules.map((m) => due.filter((id) => moduleOf(id) === m));
  const out = [];
  while (out.length < max && queues.some((q) => q.length)) {
    for (const queue of queues) if (queue.length && out.length < max) out.push(queue.shift());
  }
  return out;
}
