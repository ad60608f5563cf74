// The course home: its one primary button (start, resume or the certificate),
// a status badge and progress bar on each module card, and the overall
// progress bar. Loaded only on the home page. The build renders all of it as a
// new learner sees it (hooks/coursesite/learnerpath.py, pages.py), in the same words.

import { course, onChange, record, root } from "./tracker.js";
import { completedAt, moduleState } from "./record.js";
import { badge, el, moduleProgress, moduleUrl, statusOf } from "./ui.js";

export function progressBar(done, total) {
  const percent = total ? Math.round((done * 100) / total) : 0;
  return [
    el("p", { id: "lms-progress-text", class: "lms-progress-text" }, `Course progress: ${done} of ${total} modules complete (${percent}%)`),
    el("progress", { max: Math.max(total, 1), value: done, "aria-labelledby": "lms-progress-text" }, `${percent}%`),
  ];
}

// The headings of every module page (hooks/coursesite/progressdata.py: SECTIONS_FILE),
// asked for only to name the section a returning learner resumes at.
let headings = null;
const sectionsOf = (id) => (headings ??= fetch(new URL("../sections.json", import.meta.url)).then((r) => (r.ok ? r.json() : {})).catch(() => ({}))).then((all) => all?.[id] ?? {});

/** The learner's next step: [label, url, resuming], or null for "Start the course".
 *  `sections`: the headings of the module of `rec.last`, by id. */
export function nextStep(data, rec, sections = {}) {
  if (completedAt(rec, data) !== null && data.pages.certificate) return ["Get your certificate", new URL(data.pages.certificate, root), false];
  const last = rec.last && data.modules.find((m) => m.id === rec.last.module);
  if (last && !moduleState(rec, last).complete) {
    // On a lesson page when the position was noted there (record.js: place).
    const lesson = rec.place?.at === rec.last.at && last.lessons?.find((l) => l.key === rec.place.lesson);
    const url = lesson ? new URL(lesson.url, root) : moduleUrl(last);
    const section = lesson ? lesson.title : typeof sections[rec.last.anchor] === "string" && Object.hasOwn(sections, rec.last.anchor) ? sections[rec.last.anchor] : "";
    if (rec.last.anchor) url.hash = rec.last.anchor;
    return [`Resume: ${last.title}${section ? `, ${section}` : ""}`, url, true];
  }
  const index = data.modules.findIndex((m) => !moduleState(rec, m).complete);
  if (index < 0 || !data.modules.some((m) => moduleState(rec, m).started)) return null;
  return [`Continue with module ${index + 1}: ${data.modules[index].title}`, moduleUrl(data.modules[index]), false];
}

let turns = 0;
async function primaryButton(data, rec) {
  const turn = ++turns;
  const button = document.querySelector("[data-lms-start] a[data-lms-next]");
  const sections = button && rec.last?.anchor ? await sectionsOf(rec.last.module) : {};
  const step = button && turn === turns && nextStep(data, rec, typeof sections === "object" && sections ? sections : {});
  if (!step) return;
  const [label, url, resuming] = step;
  button.textContent = label;
  button.href = url.href;
  // target=_self: a full load, where the browser itself scrolls to the heading. Material's
  // instant navigation sometimes restores its saved offset instead of following the #hash.
  if (resuming) button.setAttribute("target", "_self");
  button.toggleAttribute("data-lms-resume", resuming);
}

function card(node, data, rec) {
  const index = data.modules.findIndex((x) => x.id === node.dataset.lmsModule);
  if (index < 0) return;
  const m = data.modules[index];
  const s = moduleState(rec, m);
  node.querySelector("[data-lms-badge]")?.replaceWith(badge(statusOf(s), "lms-badge--card"));
  const { value, text } = moduleProgress(s);
  node.querySelector("progress[data-lms-card-progress]")?.setAttribute("value", value);
  const words = node.querySelector("[data-lms-card-progress-text]");
  if (words) words.textContent = text;
  const link = node.querySelector("a[data-lms-card-link]");
  if (link) link.textContent = `${s.complete ? "Review" : s.started ? "Continue" : "Start"} module ${index + 1}: ${m.title}`;
}

export function render(rec = record()) {
  course.then((data) => data && show(data, rec));
}
onChange(render);

function show(data, rec) {
  const cards = document.querySelector(".lms-cards");
  if (!cards) return;
  primaryButton(data, rec);
  for (const node of cards.querySelectorAll(".lms-card[data-lms-module]")) card(node, data, rec);
  const done = data.modules.filter((m) => moduleState(rec, m).complete).length;
  const dashboard = data.pages.dashboard && el("a", { href: new URL(data.pages.dashboard, root).href }, "See your progress module by module");
  const box = el("section", { class: "lms-home-progress", "aria-label": "Your progress", "data-lms-home": "", "data-lms-shown": "" }, ...progressBar(done, data.modules.length), dashboard ? el("p", {}, dashboard) : "");
  const old = document.querySelector("[data-lms-home]");
  old ? old.replaceWith(box) : cards.before(box);
}
