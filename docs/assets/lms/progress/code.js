// The certificate's completion code: derived from what was completed, with
// which scores and when, so the same record always gives the same code.

import { completedAt, moduleState } from "./record.js";

function fnv1a(text, seed) {
  let hash = seed;
  for (const ch of new TextEncoder().encode(text)) hash = Math.imul(hash ^ ch, 16777619) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/** SHA-256 where the browser offers it; otherwise FNV-1a, marked "F-" so the two never look alike. */
export async function completionCode(record, course) {
  const at = completedAt(record, course);
  if (at === null) return null;
  // A graded assessment's line names its recorded attempt too: a better attempt gives a new code.
  const attempt = ({ graded: g }) => (g ? `@${g.number}/${new Date(g.attempt.submitted).toISOString().slice(0, 10)}` : "");
  const lines = course.modules.map((m) => ((s) => `${m.id}:${s.score ?? "done"}${attempt(s)}`)(moduleState(record, m))).sort();
  const text = [course.title, new Date(at).toISOString().slice(0, 10), ...lines].join("\n");
  let hex, mark = "";
  try {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    hex = fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x01000193);
    mark = "F-";
  }
  return mark + hex.slice(0, 12).toUpperCase().match(/.{4}/g).join("-");
}
