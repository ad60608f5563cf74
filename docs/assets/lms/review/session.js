// The Review page (docs/review.md): a short session of the knowledge-check
// questions that are due (review/schedule.js), at most 10, one module after
// another in turn, run by run.js, which loads only when something is due.
// Each question is the quiz form its module page shows, checked here as a
// knowledge check is: answer, check, feedback and the explanation. The result
// moves the question between boxes through the progress record
// (`lms:review-answered`, progress/tracker.js); it never changes the module's
// knowledge-check score.

import { isPlainObject, load } from "../store.js";
import { dueIds, isEntry, nextDue } from "./schedule.js";

const $ = (root, selector) => root.querySelector(selector);
const when = (ms) => new Date(ms).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });

function schedule() {
  const raw = load("progress" /* progress/start.js: KEY */, (r) => isPlainObject(r) && isPlainObject(r.review))?.review ?? {};
  return Object.fromEntries(Object.entries(raw).filter(([, e]) => isEntry(e)));
}

async function start() {
  const root = $(document, "[data-lms-review-session]:not([data-lms-ready])");
  if (!root) return;
  root.dataset.lmsReady = "";
  const status = $(root, "[data-lms-review-status]");
  const review = schedule();
  const due = dueIds(review, Date.now());
  const ran = due.length ? await import("./run.js").then((m) => m.run(root, status, due, review), () => false) : null;
  if (ran === false) status.textContent = "The review questions could not be loaded. Check your connection, then reload this page.";
  if (ran !== null) return;
  const next = nextDue(review);
  status.textContent = next && next > Date.now() ? `Nothing is due for review now. The next question is due on ${when(next)}.` : "Nothing to review yet: once you complete a module, its knowledge-check questions come back here a day later.";
}

let current = Promise.resolve();
/** The page is set up (main.js waits for it before it says the page is ready). */
export const settled = () => current;
const onPage = () => (current = start());
if (window.document$) window.document$.subscribe(onPage);
else onPage();
