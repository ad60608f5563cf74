// What the LMS is told, as pure functions of the course outline and the
// learner's record (no DOM, no LMS calls), for SCORM 1.2 and 2004.
//
// Score: percent of all the course's quiz questions answered correctly at
// the first try, the result that counts (raw 0-100, min 0, max 100; 2004 also scaled = raw / 100). Status: in
// progress until every quiz is answered, then passed or failed against the
// course pass mark. A course without quizzes is completed when every module
// has been visited. "passed" and "completed" are never taken back: a
// learner who revisits to practise keeps the result they earned.

import { encode } from "./suspend.js";

export const ELEMENTS = {
  "1.2": {
    status: "cmi.core.lesson_status", location: "cmi.core.lesson_location", suspend: "cmi.suspend_data",
    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
    exit: "cmi.core.exit", time: "cmi.core.session_time", entry: "cmi.core.entry",
  },
  2004: {
    completion: "cmi.completion_status", success: "cmi.success_status", location: "cmi.location",
    suspend: "cmi.suspend_data", raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
    scaled: "cmi.score.scaled", progress: "cmi.progress_measure",
    exit: "cmi.exit", time: "cmi.session_time", entry: "cmi.entry",
  },
};
const KEPT = new Set(["passed", "completed"]);
const round = (value, places) => String(Math.round(value * 10 ** places) / 10 ** places);

// With graded assessments, they alone give the score (the mean of their recorded
// attempts) and the result: passed once every one passed, done once every one
// passed or has no attempt left.
function gradedStanding(graded, record) {
  const results = graded.map((m) => record.graded?.get(m.id));
  const submitted = results.filter(Boolean);
  const over = graded.every((m, i) => results[i]?.passed || (results[i]?.used ?? 0) >= m.assessment.attempts);
  return {
    total: graded.length, answered: submitted.length, correct: submitted.filter((r) => r.passed).length, done: over,
    score: submitted.length ? submitted.reduce((sum, r) => sum + r.score, 0) / submitted.length : null,
    passed: results.every((r) => r?.passed === true), progress: submitted.length / graded.length,
  };
}

/** Where the learner stands: answered, correct, done, score, passed, progress. */
export function standing(outline, record) {
  const graded = outline.modules.filter((module) => module.assessment);
  if (graded.length) return gradedStanding(graded, record);
  const quizzes = outline.modules.flatMap((module) => module.quizzes);
  const answers = quizzes.map((quiz) => record.answers.get(quiz.id)).filter(Boolean);
  const correct = answers.filter((answer) => answer.first ?? answer.correct).length;
  const total = quizzes.length;
  const visited = outline.modules.filter((module) => record.visited.has(module.id)).length;
  const done = total ? answers.length === total : visited === outline.modules.length;
  return {
    total, answered: answers.length, correct, done,
    score: total ? (correct * 100) / total : null,
    passed: total ? correct * 100 >= outline.passMark * total : null,
    progress: total ? answers.length / total : visited / Math.max(outline.modules.length, 1),
  };
}

const keep = (held, value) => (KEPT.has(held) && value !== held ? held : value);

function status12(s, held) {
  const value = !s.done ? "incomplete" : s.total ? (s.passed ? "passed" : "failed") : "completed";
  return [[ELEMENTS["1.2"].status, keep(held[ELEMENTS["1.2"].status], value)]];
}

function status2004(s, held) {
  const names = ELEMENTS[2004];
  const success = s.done && s.total ? (s.passed ? "passed" : "failed") : "unknown";
  return [
    [names.completion, keep(held[names.completion], s.done ? "completed" : "incomplete")],
    [names.success, keep(held[names.success], success)],
    [names.progress, round(s.progress, 4)],
  ];
}

/** [element, value] pairs for the record; `held` maps elements to the values
 *  the LMS already has (read at launch or set since). */
export function cmiValues(outline, record, page, held = {}) {
  const version = outline.version;
  const names = ELEMENTS[version];
  const s = standing(outline, record);
  const values = version === "2004" ? status2004(s, held) : status12(s, held);
  if (s.total && s.answered) {
    values.push([names.raw, round(s.score, 2)], [names.min, "0"], [names.max, "100"]);
    if (names.scaled) values.push([names.scaled, round(s.score / 100, 4)]);
  }
  if (page) values.push([names.location, page]);
  values.push([names.suspend, encode(outline, record)]);
  return values;
}

/** SCORM 2004 cmi.interactions.n.* for one quiz answer, `id` first, as the standard requires;
 *  choices are named by their labels (start of the text + key), readable in LMS reports. */
export function interactionValues(index, quiz, answer) {
  const at = `cmi.interactions.${index}.`;
  const labels = (keys) => keys.map((key) => quiz.labels[quiz.choices.indexOf(key)] ?? key).join("[,]");
  return [
    [`${at}id`, quiz.id],
    [`${at}type`, "choice"],
    [`${at}description`, quiz.text],
    [`${at}learner_response`, labels(answer.choices)],
    [`${at}result`, answer.correct ? "correct" : "incorrect"],
    [`${at}correct_responses.0.pattern`, labels(quiz.correct)],
  ];
}

/** SCORM 2004 cmi.interactions.n.* for one question of a submitted graded attempt
 *  (its id names the assessment, the attempt and the question; choices by key). */
export function attemptInteraction(index, assessment, number, question) {
  const at = `cmi.interactions.${index}.`;
  return [
    [`${at}id`, `${assessment}-attempt-${number}-${question.id}`],
    [`${at}type`, "choice"],
    [`${at}learner_response`, question.choices.join("[,]")],
    [`${at}result`, question.correct ? "correct" : "incorrect"],
  ];
}

// What the standards let an LMS keep of a task's response: a SCORM 2004
// long-fill-in learner_response holds at least 4,000 characters, a SCORM 1.2
// student_response 255. Cut by characters, never inside one.
const RESPONSE_LIMIT = { "1.2": 255, 2004: 4000 };
const cut = (text, limit) => [...text].slice(0, limit).join("");

/** cmi.interactions.n.* for a task the learner scored (`task`: id, title, text,
 *  score from 0 to 1): a completed interaction whose result is the self-score
 *  (a decimal, which both standards allow), `id` first. */
export function taskValues(version, index, task) {
  const at = `cmi.interactions.${index}.`;
  // A leading "{" would be read as a {lang=...} delimiter in 2004; 1.2 has no such thing.
  const text = version === "2004" && task.text.startsWith("{") ? ` ${task.text}` : task.text;
  const values = [[`${at}id`, task.id], [`${at}type`, version === "2004" ? "long-fill-in" : "fill-in"]];
  if (version === "2004") values.push([`${at}description`, cut(task.title, 250)]);
  values.push([`${at}${version === "2004" ? "learner_response" : "student_response"}`, cut(text, RESPONSE_LIMIT[version])]);
  values.push([`${at}result`, round(task.score, 2)]);
  return values;
}

/** Session time: SCORM 1.2 HHHH:MM:SS.SS, SCORM 2004 ISO 8601 (PT1H2M3.4S). */
export function sessionTime(version, milliseconds) {
  const centis = Math.max(0, Math.round(milliseconds / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  if (version === "2004") return `PT${hours}H${minutes}M${round(seconds, 2)}S`;
  const two = (n) => String(n).padStart(2, "0");
  const secondsText = seconds.toFixed(2).padStart(5, "0");
  return `${two(Math.min(hours, 9999))}:${two(minutes)}:${secondsText}`;
}
