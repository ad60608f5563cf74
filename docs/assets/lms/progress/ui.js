// What every page shows of the learner's progress: a badge (icon + text) next
// to each module link in the navigation, and on a module page the "Mark this
// module complete" button and the status line. Learner data only ever goes in
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

function moduleFoot(data, rec) {
  const foot = document.querySelector("[data-lms-progress-foot]");
  const m = foot && data.modules.find((x) => x.id === foot.dataset.lmsProgressFoot);
  if (!m) return;
  const button = foot.querySelector("[data-lms-mark-complete]");
  const status = foot.querySelector("[data-lms-status]");
  if (button) {
    button.hidden = false;
    button.textContent = moduleState(rec, m).complete ? "Mark as not complete" : "Mark this module complete";
    if (!button.dataset.lmsReady) {
      button.dataset.lmsReady = "1";
      button.addEventListener("click", async () => {
        await toggleComplete(m.id);
        const done = moduleState(record(), m).complete;
        say(status, `${done ? "✓ Module marked complete." : "Module marked as not complete."} ${unsaved()}`.trim());
      });
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
    moduleFoot(data, rec);
    warn();
  });
}
onChange(render);
