// In an LMS: attempts the LMS recorded (in its suspend data) that this browser
// has none of, handed over by scorm/launch.js as lms:attempts-known.

import { change } from "./attempt.js";
import { settings, showIdle } from "./main.js";

/** Attempts an LMS recorded that this browser has not (another computer): kept as
 *  submitted attempts, the recorded one with its score (the others' are unknown: 0),
 *  dated now, so that the attempt limit and the recorded result hold here too. */
export async function adopt(panel, known) {
  const { used, number, score, passed } = known;
  const cfg = settings(panel);
  if (![used, number, score].every(Number.isInteger) || used > cfg.allowed || number < 1 || number > used || score < 0 || score > 100) return;
  await change((r, at) => {
    r.attempts ??= Object.create(null);
    const list = (r.attempts[cfg.id] ??= []);
    for (let n = list.length + 1; n <= used; n++) {
      const recorded = n === number;
      list.push({ seed: n, started: at + n, at: at + n, answers: {}, submitted: at + n, score: recorded ? score : 0, passed: recorded && passed === true });
    }
  });
  return showIdle(panel);
}

