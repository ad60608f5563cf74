// Which attempt of a graded assessment counts, and how it is said: the small
// part of attempts.js the assessment's first view needs too (main.js), kept
// apart so that view stays light. Pure: no DOM, no storage.

/** The attempt that counts ("best": the highest score, the first of equals;
 *  "last": the latest submitted) with its number, or null before any submission. */
export function recorded(list = [], rule = "best") {
  let found = null;
  list.forEach((attempt, index) => {
    if (attempt.submitted === undefined) return;
    if (!found || (rule === "last" ? attempt.submitted >= found.attempt.submitted : attempt.score > found.attempt.score)) found = { attempt, number: index + 1 };
  });
  return found;
}

export const openAttempt = (list = []) => list.find((a) => a.submitted === undefined) ?? null;

const DATE = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
/** "Attempt 2 of 3, 84%, 7 Dec 2026" */
export const describe = ({ attempt, number }, allowed) =>
  `Attempt ${number} of ${allowed}, ${attempt.score}%, ${new Date(attempt.submitted).toLocaleDateString("en-GB", DATE)}`;

/** A graded module's result in words: its recorded attempt, or how many attempts are left. */
export function gradedSummary(m, s) {
  const allowed = m.assessment.attempts;
  if (!s.graded) return s.answered ? `Attempt ${s.answered} of ${allowed} in progress, pass mark ${m.pass_mark}%` : `Not attempted (${allowed} attempts), pass mark ${m.pass_mark}%`;
  const verdict = s.complete ? "passed" : s.answered >= allowed ? "not passed, no attempts left: ask your trainer" : "not passed yet";
  return `${describe(s.graded, allowed)}: ${verdict} (pass mark ${m.pass_mark}%)`;
}
