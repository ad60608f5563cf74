// What every page shows of the learner's progress: a badge (icon + text) next
// to each module link in the navigation (a module page's own status, result and
// next step are panel.js). Learner data only ever goes in
// as text (textContent, never innerHTML).

import { course, newer, onChange, record, root, saved, update } from "./tracker.js";
import { moduleState } from "./record.js";

const STATUS = { complete: ["✓", "Complete"], started: ["◐", "In progress"], none: ["○", "Not started"] };
export const UNSAVED = "Your progress could not be saved in this browser (its storage is turned off or full). It is kept while this tab stays open: export it from the progress page to keep it.";
export const NEWER = "Progress from a newer version of this course was found in this browser. It is kept, but this older page cannot show it or add to it, so what you do here is not saved: open the newest version of the course (reload the page) to continue.";
/** Why progress is not being saved, when it is not; else "". */
export const unsaved = () => (newer ? NEWER : saved ? "" : UNSAVED);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export const statusOf = (s) => (s.complete ? "complete" : s.started ? "started" : "none");
export const statusText = (s) => STATUS[statusOf(s)][1];
/** A module's progress bar: lessons read and questions answered (without either,
 *  marked complete), in the words hooks/coursesite/pages.py uses. */
export function moduleProgress(s) {
  const steps = s.total + s.lessons;
  const value = steps ? Math.round(((s.answered + s.lessonsRead) * 100) / steps) : s.complete ? 100 : 0;
  const parts = [];
  if (s.lessons) parts.push(`${s.lessonsRead} of ${s.lessons} lessons read`);
  if (s.total) parts.push(`${s.answered} of ${s.total} questions answered`);
  if (!steps) parts.push(s.complete ? "Marked complete" : "Not marked complete");
  return { value, text: `${parts.join(", ")} (${value}%)` };
}
export const moduleUrl = (m) => new URL(m.url, root);
export const say = (region, text) => region && region.textContent !== text && (region.textContent = text);
export const toggleComplete = (id) => update((r, at) => (r.completed[id] = { done: !r.completed[id]?.done, at }));

export function badge(key, kind = "") {
  const [icon, text] = STATUS[key];
  return el("span", { class: `lms-badge lms-badge--${key} ${kind}`.trim(), "data-lms-badge": "" }, el("span", { "aria-hidden": "true" }, icon), ` ${text}`);
}

// The link of the page shown has a twin: a label that opens its table of
// contents, which Material shows in place of the link in the mobile drawer.
const twin = (link) => link.previousElementSibling?.matches('label.md-nav__link[for="__toc"]') ? [link.previousElementSibling] : [];

function navBadges(data, rec) {
  const byPath = new Map(data.modules.map((m) => [moduleUrl(m).pathname, m]));
  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")) {
    const href = link.getAttribute("href");
    const m = !href.includes("#") && byPath.get(new URL(href, location).pathname);
    const key = m && statusOf(moduleState(rec, m));
    for (const item of [link, ...twin(link)]) {
      item.querySelector("[data-lms-badge]")?.remove();
      if (key && key !== "none") item.append(badge(key, "lms-badge--nav")); // on a line of its own (course.css)
    }
  }
}

// Said once in the page's status region (the module's foot, the home, progress
// and certificate pages have one), unless something else was said there.
function warn() {
  const status = document.querySelector("[data-lms-status]");
  if (unsaved() && status && !status.textContent) say(status, `⚠ ${unsaved()}`);
}

export function render(rec = record()) {
  course.then((data) => {
    if (!data) return;
    navBadges(data, rec);
    warn();
  });
}
onChange(render);
