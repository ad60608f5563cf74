// Showing a resumed learner their answers and readings again, on each page
// as it opens, by doing what the learner did: choose the saved answer and
// press "Check answer" (so quiz/check.js shows the feedback, stores the answer and
// reports it), tick "read". Only through the pages' data attributes and
// controls: the quiz and reading features keep their own storage.
//
// Each saved item is restored once per session; a quiz that already shows an
// answer (this browser kept it) is left as it is.

function restoreQuizzes(doc, answers) {
  for (const form of doc.querySelectorAll("form[data-lms-quiz][data-lms-ready]")) {
    const answer = answers.get(form.dataset.lmsQuiz);
    if (!answer) continue;
    answers.delete(form.dataset.lmsQuiz);
    if (form.dataset.lmsState) continue;
    // The first try's result travels with the answer: checking it again is not a first try.
    form.dataset.lmsFirst ??= answer.first ? "right" : "wrong";
    const inputs = [...form.querySelectorAll("input[type=radio], input[type=checkbox]")];
    for (const input of inputs) input.checked = answer.choices.includes(input.value);
    if (inputs.some((input) => input.checked)) form.requestSubmit();
  }
}

function restoreReadings(doc, readings) {
  for (const entry of doc.querySelectorAll("[data-lms-reading]")) {
    const box = entry.querySelector("input[data-lms-reading-toggle][data-lms-reading-ready]");
    if (!box || !readings.has(entry.dataset.lmsReading)) continue;
    readings.delete(entry.dataset.lmsReading);
    if (box.checked) continue;
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

/** Restore what `pending` still holds on the page in `win`, leaving the
 *  learner's scroll position and focus where the page put them. */
export function restore(win, pending) {
  if (!pending.answers.size && !pending.readings.size) return;
  const doc = win.document;
  const [x, y] = [win.scrollX, win.scrollY];
  const focused = doc.activeElement;
  try {
    restoreQuizzes(doc, pending.answers);
    restoreReadings(doc, pending.readings);
  } finally {
    if (doc.activeElement !== focused) doc.activeElement?.blur?.();
    win.scrollTo(x, y);
  }
}
