// Marking a submitted attempt, and whether its review may be shown: the
// learner's answer to each question is hashed as the build hashed the right one
// (hooks/coursesite/assessment/page.py: answer_hash), with SubtleCrypto.

async function sha256(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Which drawn questions the learner got right: their hashed answer matches the page's. */
export async function marks(cfg, drawn, answers) {
  const right = [];
  for (const { id } of drawn) {
    const keys = [...(answers[id] ?? [])].sort();
    const form = document.getElementById(`lms-question-${id}`);
    if (keys.length && (await sha256(`${cfg.salt}\n${id}\n${keys.join(",")}`)) === form.dataset.lmsAnswer) right.push(id);
  }
  return right;
}

/** Whether the review of the attempts in `list` may be shown, by the page's policy. */
export function reviewAllowed(cfg, list) {
  const over = list.filter((a) => a.submitted !== undefined);
  if (!over.length || cfg.review === "never") return false;
  if (cfg.review === "after-pass") return over.some((a) => a.passed);
  if (cfg.review === "after-last-attempt") return over.length >= cfg.allowed || over.some((a) => a.passed);
  return true;
}

