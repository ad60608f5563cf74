// The SCORM launch page (scorm-launch.html, written by hooks/lms/scorm/launch.py).
//
// Why a launch page with a frame: an LMS session must last the whole visit,
// but every full page load (a link followed without instant navigation, a
// reload) would end the scripts holding it. So the launch page holds the
// one session and shows the course in a frame of the same package; the
// learner moves between pages inside the frame while the launch page stays.
// The frame is same-origin, so the launch page listens on each page's
// document for the course's events (lms:quiz-checked, lms:reading-marked)
// and reads its data attributes; the course pages know nothing of SCORM.
// Leaving (the LMS closes the launch page): commit and finish on pagehide.
//
// Outside an LMS there is no API to find: the launch page steps aside and
// opens the course's home page, a normal site.

import { isPage, openSession } from "./session.js";
import { restore } from "./restore.js";

const outline = JSON.parse(document.getElementById("lms-scorm-course").textContent);
const frame = document.getElementById("lms-scorm-frame");
const base = new URL(".", location.href);
const attached = new WeakSet();

function pageOf(win) {
  try {
    const url = new URL(win.location.href);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return "";
    const page = decodeURIComponent(url.pathname.slice(base.pathname.length));
    return isPage(page) ? page : "";
  } catch {
    return ""; // the frame shows a page of another origin
  }
}

function chosenKeys(doc, quizId) {
  const form = [...doc.querySelectorAll("form[data-lms-quiz]")].find((f) => f.dataset.lmsQuiz === quizId);
  return form ? [...form.querySelectorAll("input:checked")].map((input) => input.value) : [];
}

const taskTitle = (doc, id) => doc.getElementById(`lms-task-${id}-title`)?.textContent.replace(/^Task: /, "") ?? "";

// Links that leave the package (readings, references) open in a new window:
// inside the LMS's frame most sites refuse to show, and the course would be lost.
function openOutside(event) {
  const link = event.target.closest?.("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  const url = new URL(link.href, link.baseURI);
  if (!/^https?:$/.test(url.protocol) || url.origin === base.origin) return;
  event.preventDefault();
  window.open(url.href, "_blank", "noopener");
}

function attach(session, pending, win) {
  const doc = win.document;
  if (!attached.has(doc)) {
    attached.add(doc);
    doc.addEventListener("lms:quiz-checked", ({ detail }) => session.answer(detail?.quizId, detail?.correct, chosenKeys(doc, detail?.quizId), detail?.first ?? detail?.correct));
    doc.addEventListener("lms:reading-marked", ({ detail }) => session.read(detail?.readingId, detail?.read));
    doc.addEventListener("lms:assessment-submitted", ({ detail }) => session.assessed(detail));
    // A task counts for the LMS once scored; typing alone is kept in the browser only.
    doc.addEventListener("lms:task-saved", ({ detail: d }) => d?.score != null && session.task(d.taskId, taskTitle(doc, d.taskId), d.text, d.score));
    // lms:quiz-reset is not followed: "Try again" clears the page for another try,
    // and the LMS keeps the last checked answer until a new one is checked.
    doc.addEventListener("click", openOutside);
  }
  const module = doc.querySelector(".lms-module-header[data-lms-module]")?.dataset.lmsModule ?? null;
  session.batch(() => {
    session.visit(module, pageOf(win));
    restore(win, pending);
  });
  // What the LMS holds of a graded assessment on this page, so that its attempt limit
  // holds in a browser that has none of them stored (assessment/main.js).
  for (const panel of doc.querySelectorAll("[data-lms-assessment]")) {
    const known = session.record.graded.get(panel.dataset.lmsAssessment);
    if (known) doc.dispatchEvent(new CustomEvent("lms:attempts-known", { detail: { assessment: panel.dataset.lmsAssessment, ...known } }));
  }
}

function show(session) {
  const pending = session.resume.record;
  frame.addEventListener("load", () => {
    const win = frame.contentWindow;
    if (!pageOf(win)) return;
    // Each page's quiz and reading scripts are set up when the course's main.js says
    // `lms:page-ready` (the restore needs them); with Material's instant navigation
    // that is once per page shown, without a load event. It may have said so already.
    const doc = win.document;
    doc.addEventListener("lms:page-ready", () => attach(session, pending, win));
    if (doc.documentElement.hasAttribute("data-lms-ready")) attach(session, pending, win);
  });
  frame.src = session.resume.page || outline.start;
  addEventListener("pagehide", () => session.finish());
  addEventListener("visibilitychange", () => document.visibilityState === "hidden" && session.commit());
}

const { state, session } = openSession(outline);
if (session) show(session);
else if (state === "refused") frame.src = outline.start;
else location.replace(new URL(outline.start, base));
