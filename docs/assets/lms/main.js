// The one script of ours that every page loads (mkdocs.yml), so it stays small.
// It loads each feature's code when the page needs it (budget: at most 5 KB
// of our own code on a page), and:
// - shows a glossary term's meaning in a tooltip on hover or focus
//   (glossary/tip.js, loaded then; the build makes terms focusable: coursesite/terms.py);
// - announces `lms:page-ready` on document (and sets data-lms-ready on <html>)
//   once what the page shows on arrival is set up.
//
// When code loads:
// - learner progress at once when the learner has a record (the navigation
//   badges on every page), otherwise on the first thing it records (a quiz
//   answer, a reading ticked: this script holds the announcement and hands it
//   over) or shows (the module's "Mark complete" foot); a new learner's first
//   module visit is written by the small progress/start.js, and the home,
//   progress and certificate pages are built as a new learner sees them;
// - a widget's code at once when the learner has something of it stored (the
//   page shows it) or the page must be complete on arrival (the progress
//   page's controls, and every page of a SCORM package, whose
//   launch page restores answers as a page opens: <meta name="lms-load">);
//   otherwise when the widget comes within a screen's height of the view, so
//   a learner reading the top of a long module downloads none of it and it is
//   ready before they reach it. Until then a widget works as built: a quiz
//   shows its answer in a disclosure, a reading's tick box ticks.
// Material's instant navigation keeps modules loaded: a loaded feature sets up
// each new page itself (document$), and everything here is idempotent.

import { names, onExternalChange } from "./store.js";

const RECORD = "progress"; // the learner's record in store.js (progress/start.js: KEY)
const RECORDED = ["lms:quiz-checked", "lms:reading-marked", "lms:quiz-reset", "lms:task-saved", "lms:review-answered"]; // what progress/tracker.js hears
const hasRecord = () => names(RECORD).includes(RECORD);
let progress = null; // the progress module, once asked for; it then sees every page itself
let listening = false; // once it has loaded, progress hears the announcements itself
const loadProgress = () => (progress ??= import("./progress/main.js").then((module) => ((listening = true), module)));

const always = () => true;
const quizStored = (forms) => {
  const stored = new Set(names("quiz:"));
  return forms.some((form) => stored.has(`quiz:${form.dataset.lmsQuiz}`));
};
const FEATURES = [
  { widgets: "form[data-lms-quiz]", code: () => import("./quiz.js"), now: quizStored },
  { widgets: "[data-lms-reading]", code: () => import("./readings.js"), now: () => names("readings").includes("readings") },
  // A task's response is shown at once when stored; the portfolio lists them all.
  { widgets: "form[data-lms-task]", code: () => import("./task/task.js"), now: (forms) => forms.some((f) => names(`task:${f.dataset.lmsTask}`).length) },
  { widgets: "[data-lms-portfolio]", code: () => import("./task/portfolio.js"), now: always },
  // Spaced review: the "due" line of the home and progress pages, and the Review page.
  { widgets: "[data-lms-review-due]", code: () => import("./review/due.js"), now: hasRecord },
  { widgets: "[data-lms-review-session]", code: () => import("./review/session.js"), now: always },
  // "Mark this module complete": at once anyway when there is a record (progress loads).
  { widgets: "[data-lms-progress-foot]", code: loadProgress, now: () => false },
  { widgets: "[data-lms-dashboard]", code: () => import("./progress/controls.js"), now: always },
  // A graded assessment's panel (assessment/main.js): at once for a learner with a record
  // (an attempt may be open), else as the panel comes near.
  { widgets: "[data-lms-assessment]", code: () => import("./assessment/main.js"), now: hasRecord },
];

function load(feature) {
  feature.loaded ??= feature.code().catch((error) => {
    feature.loaded = null; // try again on the next page that needs it
    warn(error);
  });
  return feature.loaded;
}

const warn = (error) => console.warn("[course] a feature could not be loaded:", error);
const packaged = () => document.querySelector('meta[name="lms-load"][content="now"]') !== null;

let observers = [];
function loadWhenNear(feature, widgets) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load(feature);
    },
    { rootMargin: "100% 0px" }, // a screen's height ahead, above and below
  );
  widgets.forEach((widget) => observer.observe(widget));
  observers.push(observer);
}

// A glossary term's meaning, on hover or focus (a shown tip has set its title aside).
const showTip = (event) => {
  const term = event.target.closest?.(".md-content abbr:is([title], [data-lms-title])");
  if (term) import("./glossary/tip.js").then((tip) => tip.show(term), warn);
};
for (const type of ["pointerover", "focusin"]) document.addEventListener(type, showTip);

/** Start what the page needs; returns what it needs at once. */
function loadFeatures() {
  observers.forEach((observer) => observer.disconnect());
  observers = [];
  const now = [];
  const all = packaged();
  if (progress || all || hasRecord()) now.push(loadProgress().catch(warn));
  // On a module page: a new learner's visit, and where the learner has read to.
  if (document.querySelector(".lms-module-header[data-lms-module]")) now.push(import("./progress/start.js").then((start) => start.firstVisit(location.hash.slice(1)), warn));
  for (const feature of FEATURES) {
    const widgets = [...document.querySelectorAll(feature.widgets)];
    if (!widgets.length) continue;
    // A feature may finish setting a page up after it loads (quiz.js: a saved answer's code).
    if (feature.loaded || all || feature.now(widgets)) now.push(load(feature).then((module) => module?.settled?.()));
    else loadWhenNear(feature, widgets);
  }
  return now;
}

let turn = 0;
async function init() {
  const mine = ++turn;
  const root = document.documentElement;
  delete root.dataset.lmsReady;
  // Awaited even when loaded: the features' own document$ handlers run first.
  await Promise.all(loadFeatures());
  if (mine !== turn) return; // another page was shown meanwhile
  root.dataset.lmsReady = "";
  document.dispatchEvent(new CustomEvent("lms:page-ready", { bubbles: true }));
}

// Announced before progress had loaded: recorded once it has (twice changes nothing).
for (const name of RECORDED) {
  document.addEventListener(name, (event) => listening || loadProgress().then((module) => module.hear(event), warn));
}

// A record written in another tab: show its badges here too.
onExternalChange((name) => name === RECORD && !progress && loadProgress().catch(warn));

if (window.document$) window.document$.subscribe(init);
else init();
