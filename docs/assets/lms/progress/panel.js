// A module or lesson page's own progress: its status in the line at the top
// ("Module 3 of 10 · 50 min · In progress"), and the panel at its end: the
// result so far, what is left, the "Mark this module complete" button of a
// module without questions or lessons, the message that the module, or the
// whole course, is complete, and on a lesson page the lesson read once the
// learner reaches the panel. The build renders the panel as a new learner sees it
// (hooks/coursesite/learnerpath.py), in the same words.

import { course, onChange, record, root, update } from "./tracker.js";
import { completedAt, isId, moduleState } from "./record.js";
import { say, statusText, toggleComplete, unsaved } from "./ui.js";
import { gradedSummary } from "../assessment/results.js";

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function resultText(m, s) {
  if (m.assessment) return `Graded assessment: ${gradedSummary(m, s)}.`;
  if (!s.total && s.lessons) return s.complete ? "✓ You have read every lesson of this module." : `This module is complete once you have read its ${plural(s.lessons, "lesson")} to the end.`;
  if (!s.total) return s.complete ? "✓ You have marked this module complete." : "This module has no knowledge check. When you have worked through it, mark it complete to record your progress in this browser.";
  const result = `Knowledge check: ${s.first} of ${plural(s.total, "question")} right first time (${s.score}%). Pass mark: ${m.pass_mark}%.`;
  return s.complete ? `✓ Passed. ${result}` : result;
}

function leftText(m, s) {
  const parts = [];
  if (m.assessment && !s.complete) parts.push("a passing attempt");
  if (s.lessons > s.lessonsRead) parts.push(`${plural(s.lessons - s.lessonsRead, "lesson")} not read`);
  if (!m.assessment && s.total > s.answered) parts.push(`${plural(s.total - s.answered, "question")} unanswered`);
  // What completes the checks (record.js: checksDone): every question right, then all of them again if the first tries missed.
  if (!m.assessment && s.total && !s.complete && s.answered === s.total) parts.push(s.correct < s.total ? `${plural(s.total - s.correct, "question")} to answer correctly` : `every question to answer correctly once more (${s.again} of ${s.total} done)`);
  if (m.readings.length > s.read) parts.push(`${plural(m.readings.length - s.read, "reading")} not ticked as read`);
  return parts.length ? `Left to do: ${parts.join(", ")}.` : "Nothing left to do in this module.";
}

// What the learner is told once, when this page's module (or the course) becomes complete.
function completionText(data, m, rec) {
  const number = data.modules.indexOf(m) + 1;
  if (completedAt(rec, data) !== null) return `✓ Module ${number} complete, and with it the whole course. Your certificate is ready.`;
  return `✓ Module ${number} complete.`;
}

let seen = null; // { id, complete } of the module shown, as last rendered
function announce(data, m, rec, s, status) {
  const before = seen?.id === m.id ? seen.complete : null;
  seen = { id: m.id, complete: s.complete };
  if (before !== false || !s.complete) return;
  say(status, `${completionText(data, m, rec)} ${unsaved()}`.trim());
  status.classList.add("lms-news"); // made visible; animated only where motion is welcome (course.css)
}

function markButton(data, m, panel, status) {
  const button = panel.querySelector("[data-lms-mark-complete]");
  if (!button) return;
  button.hidden = false;
  button.textContent = moduleState(record(), m).complete ? "Mark as not complete" : "Mark this module complete";
  if (button.dataset.lmsReady) return;
  button.dataset.lmsReady = "1";
  button.addEventListener("click", async () => {
    await toggleComplete(m.id);
    const done = moduleState(record(), m).complete;
    say(status, `${done ? completionText(data, m, record()) : "Module marked as not complete."} ${unsaved()}`.trim());
  });
}

function nextButton(data, rec, panel) {
  const next = panel.querySelector("a[data-lms-end-next]");
  if (next && completedAt(rec, data) !== null && data.pages.certificate) {
    next.textContent = "Get your certificate";
    next.href = new URL(data.pages.certificate, root).href;
  }
}

function show(data, rec) {
  const panel = document.querySelector("[data-lms-progress-foot]");
  const m = panel && data.modules.find((x) => x.id === panel.dataset.lmsProgressFoot);
  if (!m) return;
  const s = moduleState(rec, m);
  const slot = document.querySelector("[data-lms-module-status]");
  if (slot) slot.textContent = ` · ${statusText(s)}`;
  panel.querySelector("[data-lms-end-result]")?.replaceChildren(resultText(m, s));
  panel.querySelector("[data-lms-end-left]")?.replaceChildren(leftText(m, s));
  const status = panel.querySelector("[data-lms-status]");
  markButton(data, m, panel, status);
  nextButton(data, rec, panel);
  announce(data, m, rec, s, status);
  watchLessonEnd(panel, rec);
}

// A lesson is read once the learner reaches its end: this panel.
let watching = null;
function watchLessonEnd(panel, rec) {
  const key = panel.dataset.lmsLessonEnd;
  if (watching?.panel === panel) return;
  watching?.observer.disconnect();
  watching = null;
  if (!isId(key) || rec.lessons?.[key]?.read) return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    update((r, at) => ((r.lessons ??= Object.create(null))[key] = { read: true, at }));
  });
  observer.observe(panel);
  watching = { panel, observer };
}

export function render(rec = record()) {
  course.then((data) => data && show(data, rec));
}
onChange(render);
