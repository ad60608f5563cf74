// The one script of ours that every page loads (mkdocs.yml), so it stays tiny.
// Features load where they are used: the build adds the quiz, reading-list and
// progress scripts to the pages with their widgets (hooks/lms/pageassets.py).
// On any other page this script
// - makes glossary terms focusable, so keyboard users get their tooltip too
//   (Material shows <abbr title> on hover; WCAG 1.4.13, 2.1.1);
// - loads learner progress once the learner has a record, for the navigation
//   badges (a new learner has none, so such a page loads nothing more);
// - announces `lms:page-ready` on document (and sets data-lms-ready on <html>)
//   once the page's features are set up: the SCORM launch page waits for it.
// Material's instant navigation keeps modules loaded: everything here is idempotent.

import { names, onExternalChange } from "./store.js";

let progress = null; // the progress module, once loaded; it then sees every page itself
const loadProgress = () => (progress ??= import("./progress/main.js"));

function makeTermsFocusable() {
  for (const term of document.querySelectorAll(".md-content abbr[title]:not([tabindex])")) term.tabIndex = 0;
}

let turn = 0;
async function init() {
  const mine = ++turn;
  const root = document.documentElement;
  delete root.dataset.lmsReady;
  makeTermsFocusable();
  try {
    // Awaited even when loaded: the other features' document$ handlers run first.
    if (progress || names("progress").includes("progress")) await loadProgress();
  } catch (error) {
    console.warn("[course] progress could not be loaded:", error);
  }
  if (mine !== turn) return; // another page was shown meanwhile
  root.dataset.lmsReady = "";
  document.dispatchEvent(new CustomEvent("lms:page-ready", { bubbles: true }));
}

// A record written in another tab: show its badges here too.
onExternalChange((name) => name === "progress" && !progress && loadProgress());

if (window.document$) window.document$.subscribe(init);
else init();
