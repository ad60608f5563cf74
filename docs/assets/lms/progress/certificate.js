// The certificate page. Once every module is complete the learner types a
// name and gets a certificate that prints on one page and says plainly that
// it is self-issued. The name is stored in the record and only ever set as text.

import { course, onChange, record, root, update } from "./tracker.js";
import { completedAt, moduleState } from "./record.js";
import { completionCode } from "./code.js";
import { describe } from "../assessment/attempts.js";
import { el, say, unsaved } from "./ui.js";

const DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };

function gate(page, data, rec) {
  const done = data.modules.filter((m) => moduleState(rec, m).complete).length;
  const message = page.querySelector("[data-lms-cert-gate]");
  if (done === data.modules.length && done) return message.replaceChildren("✓ You have completed every module. Type your name as it should appear on your certificate.");
  const link = data.pages.dashboard ? el("a", { href: new URL(data.pages.dashboard, root).href }, "See what is left") : "";
  message.replaceChildren(`Not earned yet: you have completed ${done} of ${data.modules.length} modules. Your certificate appears here once every module is complete. `, link);
}

async function fill(cert, data, rec, at) {
  const part = (name) => cert.querySelector(`[data-lms-cert-${name}]`);
  part("name").textContent = rec.name.text;
  part("course").textContent = data.title;
  // A <time> only once there is a date: the built page holds an empty place for it.
  const date = new Date(at);
  part("date").replaceChildren(el("time", { datetime: date.toISOString().slice(0, 10) }, date.toLocaleDateString("en-GB", DATE)));
  part("modules").replaceChildren(
    ...data.modules.map((m) => {
      const s = moduleState(rec, m);
      const result = s.graded ? `${describe(s.graded, m.assessment.attempts)} (pass mark ${m.pass_mark}%)` : s.total ? `${s.first} of ${s.total} right first time (pass mark ${m.pass_mark}%)` : "Completed";
      return el("tr", {}, el("td", {}, m.title), el("td", {}, result));
    }),
  );
  part("code").textContent = await completionCode(rec, data);
  cert.hidden = false;
}

function wire(page, form, input) {
  if (form.dataset.lmsReady) return;
  form.dataset.lmsReady = "1";
  page.querySelector("[data-lms-print]").addEventListener("click", () => print());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim().slice(0, 100);
    if (!text) return say(page.querySelector("[data-lms-status]"), "⚠ Type your name first.");
    const ok = await update((r, at) => (r.name = { text, at }));
    say(page.querySelector("[data-lms-status]"), `✓ Your certificate is shown below.${ok ? "" : ` ${unsaved()}`}`);
  });
}

export function render(rec = record()) {
  const page = document.querySelector("[data-lms-certificate]");
  if (!page) return;
  course.then((data) => {
    if (!data) return;
    const [form, cert] = [page.querySelector("[data-lms-cert-form]"), page.querySelector("[data-lms-cert]")];
    const input = form.querySelector("input");
    const at = completedAt(rec, data);
    wire(page, form, input);
    gate(page, data, rec);
    form.hidden = at === null;
    if (at === null || !rec.name) return (cert.hidden = true);
    if (!input.value) input.value = rec.name.text;
    fill(cert, data, rec, at);
  });
}
onChange(render);
