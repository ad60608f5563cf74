// Learner progress, loaded by ../main.js where it is recorded or shown: the code
// of module pages, the home, dashboard and certificate pages is fetched only there.

import { visit } from "./tracker.js";
import { render } from "./ui.js";

export { hear } from "./tracker.js"; // for ../main.js: what was announced before this loaded

const PAGES = {
  "[data-lms-progress-foot]": () => import("./panel.js"), // a module or lesson page's status, result and next step
  ".lms-cards": () => import("./home.js"),
  "[data-lms-dashboard]": () => import("./dashboard.js"),
  "[data-lms-certificate]": () => import("./certificate.js"),
};

function init() {
  visit();
  render();
  for (const [selector, load] of Object.entries(PAGES)) {
    if (document.querySelector(selector)) load().then((page) => page.render());
  }
}

// Material swaps the page without reloading (instant navigation): run on each page.
if (window.document$) window.document$.subscribe(init);
else init();
