// The progress page's figures: for each module its status, knowledge-check
// score against the pass mark, readings done and time left, under a progress
// bar for the whole course. The build renders the same structure as a learner
// without a record sees it (hooks/lms/progressdata.py); this fills it in once
// there is a record. The controls are wired by controls.js.

import { course, onChange, record, root } from "./tracker.js";
import { completedAt, moduleState } from "./record.js";
import { badge, el, moduleUrl, say, statusOf, toggleComplete, unsaved } from "./ui.js";
import { progressBar } from "./home.js";
import { gradedSummary } from "../assessment/results.js";

// As hooks/lms/progressdata.py writes them (DASHBOARD_HEADINGS: why the roles and labels).
const HEADINGS = ["Module", "Status", "Knowledge check", "Readings", "Time left"];

function minutes(n) {
  const [h, m] = [Math.floor(n / 60), n % 60];
  return h ? `${h} h${m ? ` ${m} min` : ""}` : `${m} min`;
}

function row(m, rec) {
  const s = moduleState(rec, m);
  const status = document.createDocumentFragment();
  status.append(badge(statusOf(s)));
  if (s.lessons) status.append(` · ${s.lessonsRead} of ${s.lessons} lessons read`);
  if (!s.total) {
    const label = s.complete ? "Mark as not complete" : "Mark complete";
    status.append(" ", el("button", { type: "button", class: "md-button lms-small", "data-lms-toggle": m.id, "aria-label": `${label}: ${m.title}` }, label));
  }
  const check = m.assessment ? gradedSummary(m, s) : s.total ? `${s.first} of ${s.total} right first time (${s.score}%), pass mark ${m.pass_mark}%` : "No knowledge check";
  const readings = m.readings.length ? `${s.read} of ${m.readings.length} read` : "None listed";
  const cells = [status, check, readings, s.complete ? "None" : minutes(m.duration)];
  return el("tr", { role: "row" }, el("th", { scope: "row", role: "rowheader" }, el("a", { href: moduleUrl(m).href }, m.title)),
    ...cells.map((value, i) => el("td", { role: "cell", "data-label": HEADINGS[i + 1] }, value)));
}

function table(data, rec) {
  const head = el("tr", { role: "row" }, ...HEADINGS.map((h) => el("th", { scope: "col", role: "columnheader" }, h)));
  const body = el("tbody", { role: "rowgroup" }, ...data.modules.map((m) => row(m, rec)));
  return el("div", { class: "lms-table-wrap" }, el("table", { role: "table" }, el("caption", {}, "Your modules"), el("thead", { role: "rowgroup" }, head), body));
}

function summary(data, rec) {
  const done = data.modules.filter((m) => moduleState(rec, m).complete).length;
  const left = data.modules.reduce((sum, m) => sum + (moduleState(rec, m).complete ? 0 : m.duration), 0);
  const parts = [...progressBar(done, data.modules.length), el("p", {}, `Time left: about ${minutes(left)}.`)];
  if (unsaved()) parts.push(el("p", { class: "lms-warning" }, `⚠ ${unsaved()}`));
  if (completedAt(rec, data) !== null && data.pages.certificate) {
    parts.push(el("p", {}, "✓ You have completed every module."), el("p", {}, el("a", { href: new URL(data.pages.certificate, root).href, class: "md-button md-button--primary" }, "Get your certificate")));
  }
  return parts;
}

export function render(rec = record()) {
  const box = document.querySelector("[data-lms-dashboard] [data-lms-dashboard-body]");
  if (!box) return;
  course.then((data) => {
    if (!data) return;
    const focused = document.activeElement?.dataset?.lmsToggle;
    box.replaceChildren(...summary(data, rec), table(data, rec));
    box.dataset.lmsShown = ""; // the learner's figures, no longer the build's "nothing yet"
    if (focused) box.querySelector(`[data-lms-toggle="${focused}"]`)?.focus();
  });
}
onChange(render);

/** Mark module `id` complete or not, and say so in `status`. */
export async function toggle(id, data, status) {
  const ok = await toggleComplete(id);
  const m = data.modules.find((x) => x.id === id);
  if (m) say(status, `${m.title}: ${moduleState(record(), m).complete ? "marked complete" : "marked as not complete"}.${ok ? "" : ` ${unsaved()}`}`);
}
