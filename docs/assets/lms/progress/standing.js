// A module's standing in the learner's record: started, complete, its score
// (first tries; a graded assessment's recorded attempt) and what is left.
// Pure functions, like record.js, which re-exports them.

import { recorded } from "../assessment/attempts.js";

// A graded assessment's standing: its recorded attempt (`graded`) decides.
function assessmentState(record, m, read) {
  const list = record.attempts?.[m.id] ?? [];
  const graded = recorded(list, m.assessment.record);
  const complete = graded?.attempt.passed === true;
  const started = complete || m.id in record.visited || list.length > 0;
  return { complete, started, correct: 0, first: 0, again: 0, answered: list.length, total: m.assessment.questions, score: graded ? graded.attempt.score : null, read, lessons: 0, lessonsRead: 0, graded };
}

/** A module's standing (`m`: of course.json); `first`: right first time, `score` its percent. */
export function moduleState(record, m) {
  if (m.assessment) return assessmentState(record, m, m.readings.filter((r) => record.readings[r]?.read).length);
  const results = m.quizzes.map((q) => record.quizzes[q]).filter(Boolean);
  const count = (key) => results.filter((r) => r[key]).length;
  const [correct, first, again] = [count("correct"), count("first"), count("again")];
  const total = m.quizzes.length;
  const read = m.readings.filter((r) => record.readings[r]?.read).length;
  const complete = record.completed[m.id]?.done === true;
  const lessons = m.lessons ?? [];
  const lessonsRead = lessons.filter((l) => record.lessons?.[l.key]?.read).length;
  // A reading shared by several modules counts toward each tally without starting them.
  const started = complete || m.id in record.visited || results.length > 0 || lessonsRead > 0;
  const score = total ? Math.round((first * 100) / total) : null;
  return { complete, started, correct, first, again, answered: results.length, total, score, read, lessons: lessons.length, lessonsRead };
}

/** Checks done: every question right once; first tries at the pass mark, or all right again later. */
export const checksDone = (s, m) => s.total > 0 && s.correct === s.total && (s.first * 100 >= m.pass_mark * s.total || s.again === s.total);

/** Mark complete every module whose checks are now done and whose lessons are
 *  all read (a module with neither questions nor lessons is marked by the learner). */
export function settle(record, course, now) {
  for (const m of course.modules) {
    if (m.assessment) continue; // complete by its recorded attempt alone (moduleState)
    const s = moduleState(record, m);
    const passed = s.total ? checksDone(s, m) : s.lessons > 0;
    if (passed && !s.complete && s.lessonsRead === s.lessons) record.completed[m.id] = { done: true, at: now };
  }
}

/** ms of the last module completion once every module is complete, else null. */
export function completedAt(record, course) {
  const times = course.modules.map((m) => (m.assessment ? passedAt(record, m) : record.completed[m.id]?.done ? record.completed[m.id].at : null));
  return course.modules.length && !times.includes(null) ? Math.max(...times) : null;
}

/** ms of the submission of a graded module's recorded attempt when it passed, else null. */
function passedAt(record, m) {
  const graded = moduleState(record, m).graded;
  return graded?.attempt.passed ? graded.attempt.submitted : null;
}
