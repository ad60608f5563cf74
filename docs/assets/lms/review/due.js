// "N questions are due for review. Start a review": the line the home and
// progress pages show (<p data-lms-review-due hidden>) once the learner's
// record schedules questions that are due. Reads the stored record itself
// (validated entry by entry); the Review page's address comes from
// course.json (pages.review), so a course without a Review page shows nothing.

import { isPlainObject, load } from "../store.js";
import { dueIds, isEntry } from "./schedule.js";

const ROOT = new URL("../../../", import.meta.url); // the site root, from assets/lms/review/
const reviewPage = fetch(new URL("../course.json", import.meta.url))
  .then((r) => (r.ok ? r.json() : null))
  .then((data) => (typeof data?.pages?.review === "string" ? new URL(data.pages.review, ROOT).href : null))
  .catch(() => null);

export async function render() {
  const line = document.querySelector("[data-lms-review-due]");
  if (!line) return;
  const raw = load("progress" /* progress/start.js: KEY */, (r) => isPlainObject(r) && isPlainObject(r.review))?.review ?? {};
  const count = dueIds(Object.fromEntries(Object.entries(raw).filter(([, e]) => isEntry(e))), Date.now()).length;
  const href = count ? await reviewPage : null;
  line.hidden = !href;
  if (!href) return;
  const link = Object.assign(document.createElement("a"), { href, textContent: "Start a review" });
  line.replaceChildren(count === 1 ? "1 question is due for review. " : `${count} questions are due for review. `, link);
}

// Answered on the Review page, reset or imported: show the new count.
for (const name of ["lms:review-answered", "lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, () => setTimeout(render));
let current = Promise.resolve();
/** The line is up to date (main.js waits for it before it says the page is ready). */
export const settled = () => current;
const onPage = () => (current = render());
if (window.document$) window.document$.subscribe(onPage);
else onPage();
