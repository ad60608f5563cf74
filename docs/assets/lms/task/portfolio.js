// The portfolio page (hooks/coursesite/task/portfolio.py): fills each task's
// section with the response and self-score kept in this browser (store.js
// `task:<id>`, entry.js), and offers them all as one Markdown file or a print.
// Loaded by ../main.js on that page only.

import * as store from "../store.js";
import { download, markdown } from "./download.js";
import { isEntry } from "./entry.js";

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];

function levelsOf(table) {
  try {
    return JSON.parse(table.dataset.lmsLevels);
  } catch {
    return {};
  }
}

// [criterion, level] of a section, as shown.
const rows = (section) => $$(section, "tr[data-lms-criterion]").map((row) => [$(row, "th").textContent, $(row, "td").textContent]);

function fill(section) {
  const entry = store.load(`task:${section.dataset.lmsPortfolioTask}`, isEntry);
  const box = $(section, "[data-lms-portfolio-response]");
  if (entry?.text.trim()) {
    const text = Object.assign(document.createElement("p"), { className: "lms-portfolio__response", textContent: entry.text });
    box.replaceChildren(text);
  }
  const levels = levelsOf($(section, "table[data-lms-levels]"));
  for (const row of $$(section, "tr[data-lms-criterion]")) {
    const level = entry?.scores[row.dataset.lmsCriterion];
    $(row, "td").textContent = level && Object.hasOwn(levels, level) ? levels[level] : "Not scored";
  }
  return Boolean(entry?.text.trim());
}

function asMarkdown(sections) {
  const parts = sections.map((section) => {
    const entry = store.load(`task:${section.dataset.lmsPortfolioTask}`, isEntry);
    return markdown($(section, "h2").textContent.replace(/¶$/, "").trim(), entry?.text ?? "", rows(section).filter((row) => row[1] !== "Not scored"));
  });
  return `# ${document.title.split(" - ").slice(-1)[0]}: my portfolio\n\n${parts.join("\n")}`;
}

export function render() {
  const page = $(document, "[data-lms-portfolio]");
  if (!page || page.dataset.lmsReady === "") return;
  page.dataset.lmsReady = "";
  const sections = $$(page, "[data-lms-portfolio-task]");
  const written = sections.filter(fill).length;
  $(page, "[data-lms-portfolio-tools]").hidden = false;
  $(page, "[data-lms-status]").textContent = `${written} of ${sections.length} tasks have a response.`;
  $(page, "[data-lms-portfolio-download]").addEventListener("click", () => download("portfolio.md", asMarkdown(sections)));
  $(page, "[data-lms-print]").addEventListener("click", () => print());
}

if (window.document$) window.document$.subscribe(render);
else render();
