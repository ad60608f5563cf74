// Moving progress between browsers: export the record as a JSON file, import
// one (validated whole before anything changes; merged or replacing, as the
// learner chooses, with a report of what changed), and reset with confirmation.
// Both also rewrite the quiz answers and reading ticks (sync.js). Loaded when
// the learner first uses one of these controls (controls.js).

import { newer, record, replace, update } from "./tracker.js";
import { KEY } from "./start.js";
import { clean, combine, empty, moduleState } from "./record.js";
import { el, say, unsaved } from "./ui.js";
import { resetAll, withFeatureState, writeBack } from "./sync.js";

const FORMAT = "lms-progress";
const MAX_BYTES = 1_000_000;
const NOUNS = { completed: "module completions", quizzes: "quiz results", readings: "reading marks", visited: "module visits", lessons: "lessons read" };

export function download(data) {
  const body = JSON.stringify({ format: FORMAT, course: data.title, exported: new Date().toISOString(), record: withFeatureState(record(), Date.now()) }, null, 2);
  const slug = data.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "course";
  const url = URL.createObjectURL(new Blob([body], { type: "application/json" }));
  // Detached, so Material's instant navigation never sees the click.
  el("a", { href: url, download: `progress-${slug}-${new Date().toISOString().slice(0, 10)}.json` }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The record in a chosen file, or an error that says why it cannot be used. */
async function readFile(file, data) {
  if (!file) return { error: "Choose a progress file first." };
  if (file.size > MAX_BYTES) return { error: "That file is too large to be a progress file." };
  let json;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { error: "That file is not a progress file: it is not valid JSON." };
  }
  if (json?.format !== FORMAT || typeof json.record !== "object") return { error: "That file is not a progress file exported from this course." };
  if (json.course !== data.title) return { error: `That file holds progress for another course (“${String(json.course).slice(0, 80)}”), not for “${data.title}”.` };
  const { record: imported, problems } = clean(json.record);
  if (!problems.length) return { record: imported };
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  return { error: `That progress file is damaged, so nothing was imported: ${problems.slice(0, 3).join("; ")}${more}.` };
}

function describe(before, after, data) {
  const done = (r) => data.modules.filter((m) => moduleState(r, m).complete).length;
  const parts = [];
  for (const [field, noun] of Object.entries(NOUNS)) {
    const counts = { added: 0, updated: 0, removed: 0 };
    for (const id of new Set([...Object.keys(before[field] ?? {}), ...Object.keys(after[field] ?? {})])) {
      const [a, b] = [before[field]?.[id], after[field]?.[id]];
      if (a === undefined) counts.added++;
      else if (b === undefined) counts.removed++;
      else if (JSON.stringify(a) !== JSON.stringify(b)) counts.updated++;
    }
    const said = Object.entries(counts).filter(([, n]) => n).map(([what, n]) => `${n} ${what}`);
    if (said.length) parts.push(`${noun} ${said.join(", ")}`);
  }
  const changed = parts.length ? `Changes: ${parts.join("; ")}.` : "Nothing changed: this browser already had all of it.";
  return `Modules complete: ${done(before)} before, ${done(after)} now. ${changed}`;
}

export async function importFile(form, data, status) {
  say(status, ""); // so that a repeated message is announced again
  const result = await readFile(form.querySelector("input[type=file]").files[0], data);
  if (result.error) return say(status, `⚠ Import failed: ${result.error}`);
  const before = record();
  const mode = form.querySelector("input[name=lms-import-mode]:checked")?.value;
  const ok = mode === "replace" ? await replace(result.record) : await update((next) => Object.assign(next, combine(next, result.record)));
  writeBack(record(), result.record, mode === "replace");
  const how = mode === "replace" ? "replaced the progress in this browser" : "merged with the progress in this browser";
  say(status, `✓ Progress imported: it ${how}. ${describe(before, record(), data)}${ok ? "" : ` ${unsaved()}`}`);
}

/** Delete every progress key of this course, once the learner has confirmed;
 *  but never a newer version's record, which this page cannot read. */
export async function resetProgress(status) {
  const kept = newer;
  const ok = await resetAll(() => replace(empty()), kept ? [KEY] : []);
  const done = kept ? "✓ The progress this page can read was deleted." : "✓ All progress in this browser was deleted.";
  say(status, `${done}${ok ? "" : ` ${unsaved()}`}`);
}
