// The course home: a status badge on each module card, the overall progress
// bar and the "Resume where you left off" link. Loaded only on the home page.

import { course, onChange, record, root } from "./tracker.js";
import { moduleState } from "./record.js";
import { badge, el, moduleUrl, statusOf } from "./ui.js";

export function progressBar(done, total) {
  const percent = total ? Math.round((done * 100) / total) : 0;
  return [
    el("p", { id: "lms-progress-text", class: "lms-progress-text" }, `Course progress: ${done} of ${total} modules complete (${percent}%)`),
    el("progress", { max: Math.max(total, 1), value: done, "aria-labelledby": "lms-progress-text" }, `${percent}%`),
  ];
}

function resumeLink(data, rec) {
  const m = rec.last && data.modules.find((x) => x.id === rec.last.module);
  if (!m) return "";
  const url = moduleUrl(m);
  if (rec.last.anchor) url.hash = rec.last.anchor;
  // target=_self: a full load, where the browser itself scrolls to the heading. Material's
  // instant navigation sometimes restores its saved offset instead of following the #hash.
  return el("p", {}, el("a", { href: url.href, target: "_self", class: "md-button md-button--primary", "data-lms-resume": "" }, `Resume where you left off: ${m.title}`));
}

export function render(rec = record()) {
  course.then((data) => data && show(data, rec));
}
onChange(render);

function show(data, rec) {
  const cards = document.querySelector(".lms-cards");
  if (!cards) return;
  for (const card of cards.querySelectorAll(".lms-card[data-lms-module]")) {
    const m = data.modules.find((x) => x.id === card.dataset.lmsModule);
    const now = m && badge(statusOf(moduleState(rec, m)), "lms-badge--card");
    const old = card.querySelector("[data-lms-badge]"); // the build renders "Not started" in place
    if (old) now ? old.replaceWith(now) : old.remove();
    else if (now) card.querySelector("h2, h3")?.after(now);
  }
  const done = data.modules.filter((m) => moduleState(rec, m).complete).length;
  const dashboard = data.pages.dashboard && el("a", { href: new URL(data.pages.dashboard, root).href }, "See your progress module by module");
  const box = el("section", { class: "lms-home-progress", "aria-label": "Your progress", "data-lms-home": "", "data-lms-shown": "" }, ...progressBar(done, data.modules.length), resumeLink(data, rec), dashboard ? el("p", {}, dashboard) : "");
  const old = document.querySelector("[data-lms-home]");
  old ? old.replaceWith(box) : cards.before(box);
}

