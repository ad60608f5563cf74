// The review of a submitted attempt: under each question, the learner's
// answer and the correct one in words (never colour alone), every choice's
// feedback and the explanation. They come from the page's review file
// (hooks/coursesite/assessment/page.py), fetched only now: the page itself
// holds no answer. Its HTML is the build's own rendering of the author's
// Markdown, sanitised like every quiz; its shape is checked before use.

import { isPlainObject } from "../store.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const isText = (v) => typeof v === "string" && v.length < 100000;
const files = new Map(); // url -> review data (a promise), once per page view

function valid(entry) {
  return isPlainObject(entry) && Array.isArray(entry.correct) && entry.correct.every(isText) && isText(entry.explanation) &&
    isPlainObject(entry.feedback) && Object.values(entry.feedback).every(isText);
}

function fetchReview(url) {
  if (!files.has(url)) {
    const data = fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    files.set(url, data.then((d) => (d ? d : (files.delete(url), null))));
  }
  return files.get(url);
}

function part(tag, className, text) {
  const node = Object.assign(document.createElement(tag), { className });
  node.dataset.lmsReviewPart = "";
  if (text) node.textContent = text;
  return node;
}

function html(node, markup) {
  const template = document.createElement("template");
  template.innerHTML = markup;
  node.append(template.content);
  return node;
}

function clear(form) {
  $$(form, "[data-lms-review-part]").forEach((node) => node.remove());
  delete form.dataset.lmsState;
}

function reviewQuestion(form, entry, chosen) {
  clear(form);
  for (const item of $$(form, ".lms-quiz__choices > li")) {
    const key = $(item, "input").value;
    const right = entry.correct.includes(key);
    const mine = chosen.includes(key);
    const words = mine ? (right ? "Your answer: correct. " : "Your answer: not correct. ") : right ? "Correct answer. " : "Not a correct answer. ";
    const note = part("p", `lms-quiz__feedback lms-quiz__feedback--${right ? "right" : "wrong"}`, words);
    if (entry.feedback[key]) html(note, entry.feedback[key]);
    if (note.textContent.trim()) item.append(note);
  }
  const correct = entry.correct.length === chosen.length && chosen.every((key) => entry.correct.includes(key));
  form.dataset.lmsState = correct ? "right" : "wrong";
  const result = part("p", "lms-quiz__result", correct ? "You answered this question correctly." : "Your answer to this question was not correct.");
  form.append(result);
  if (entry.explanation) form.append(html(part("div", "lms-quiz__explanation"), entry.explanation));
}

/** Show the review under each of the attempt's questions. */
export async function showReview(panel, cfg, drawn, attempt) {
  const data = await fetchReview(cfg.reviewUrl);
  const questions = isPlainObject(data?.questions) ? data.questions : null;
  const note = $(panel, "[data-lms-assessment-result]");
  if (!questions) return note.append(part("p", "lms-assessment__note", "The review could not be loaded right now: reload the page and choose “See attempt” to try again."));
  for (const { id } of drawn) {
    const form = document.getElementById(`lms-question-${id}`);
    if (valid(questions[id])) reviewQuestion(form, questions[id], attempt.answers[id] ?? []);
  }
  note.append(part("p", "lms-assessment__note", "The review of every question is shown below, under each question."));
}

const WHEN = {
  "after-pass": "The review of each question is shown once you pass.",
  "after-last-attempt": "The review of each question is shown after your last attempt.",
  never: "This assessment does not show a review of its questions.",
};

/** Say why there is no review yet; remove any review shown before. */
export function withheld(panel, cfg, drawn) {
  for (const { id } of drawn) clear(document.getElementById(`lms-question-${id}`));
  $(panel, "[data-lms-assessment-result]").append(part("p", "lms-assessment__note", WHEN[cfg.review] ?? ""));
}
