// "N questions are due for review": the line the home and progress pages show
// (<p data-lms-review-due hidden>, with a link to the Review page) once the
// learner's record schedules questions that are due. Reads the stored record
// itself (validated entry by entry), so the page needs none of the progress code.

import { isPlainObject, load } from "../store.js";
import { dueIds, isEntry } from "./schedule.js";

export function render() {
  const line = document.querySelector("[data-lms-review-due]");
  if (!line) return;
  const raw = load("progress" /* progress/start.js: KEY */, (r) => isPlainObject(r) && isPlainObject(r.review))?.review ?? {};
  const review = Object.fromEntries(Object.entries(raw).filter(([, e]) => isEntry(e)));
  const count = dueIds(review, Date.now()).length;
  let text = line.querySelector("[data-lms-review-count]");
  if (!text) line.prepend((text = Object.assign(document.createElement("span"), { className: "lms-review-count" })), " "), (text.dataset.lmsReviewCount = "");
  text.textContent = count === 1 ? "1 question is due for review." : `${count} questions are due for review.`;
  line.hidden = count === 0;
}

// Recorded in another tab, or answered on this page: show the new count.
for (const name of ["lms:review-answered", "lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, () => setTimeout(render));
if (window.document$) window.document$.subscribe(render);
else render();
