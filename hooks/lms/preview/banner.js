// The preview's problem banner. Only `mkdocs serve` puts it in the pages, with
// an empty region (lms/preview/__init__.py says why the list is fetched rather
// than written into each page). Each page lists the course's current problems,
// this page's first; livereload reloads the page after each rebuild, so the
// list follows every save. Problem texts come from the course's files (author
// text): they only ever become text nodes, never markup.

const ROOT = new URL("../../", import.meta.url); // banner.js lives in <site>/assets/lms-preview/
const PROBLEMS = new URL("problems.json", import.meta.url);

const isText = (value) => typeof value === "string";
const valid = (problem) =>
  problem !== null && typeof problem === "object" && isText(problem.where) && isText(problem.message) && isText(problem.hint) && (problem.page === null || isText(problem.page));

async function currentProblems() {
  try {
    const response = await fetch(PROBLEMS, { cache: "no-store" });
    const data = response.ok ? await response.json() : null;
    return Array.isArray(data?.problems) ? data.problems.filter(valid) : [];
  } catch {
    return []; // the preview is restarting: the next reload shows the list
  }
}

/** The address of the page a problem concerns, when it is a page of this site. */
function pageAddress(problem) {
  if (problem.page === null) return null;
  const address = new URL(problem.page, ROOT);
  return address.origin === ROOT.origin && address.pathname.startsWith(ROOT.pathname) ? address : null;
}

const withoutIndex = (path) => path.replace(/index\.html$/, "");
const isThisPage = (address) => address !== null && withoutIndex(address.pathname) === withoutIndex(location.pathname);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function item(problem, address, here) {
  const warning = problem.severity === "warning";
  const entry = element("li", "lms-preview__problem");
  entry.dataset.severity = warning ? "warning" : "error";
  const where = element("p", "lms-preview__where");
  where.append(element("strong", "lms-preview__kind", warning ? "Warning" : "Error"), " ");
  const location = element("code", "", problem.where);
  if (address) {
    const link = element("a", "lms-preview__page");
    link.href = address.href;
    link.append(location);
    where.append(link);
  } else {
    where.append(location);
  }
  if (here) where.append(" ", element("span", "lms-preview__here", "(this page)"));
  entry.append(where, element("p", "lms-preview__message", problem.message));
  if (problem.hint) entry.append(element("p", "lms-preview__hint", `To fix: ${problem.hint}`));
  return entry;
}

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

async function show() {
  const banner = document.querySelector("[data-lms-preview]");
  if (!banner || banner.dataset.lmsPreviewShown) return;
  banner.dataset.lmsPreviewShown = "";
  const problems = (await currentProblems()).map((problem) => ({ problem, address: pageAddress(problem) }));
  const mine = problems.filter(({ address }) => isThisPage(address));
  const others = problems.filter(({ address }) => !isThisPage(address));
  const region = banner.querySelector("section");
  region.hidden = problems.length === 0;
  if (!problems.length) return;
  const title = `${plural(problems.length, "problem")} in the course`;
  region.querySelector("h2").textContent = title;
  const note = element("p", "lms-preview__note", "Only this preview shows this list, never the published site. Fix a problem in its file and save: the list updates.");
  const list = region.querySelector("ol");
  list.replaceChildren(...mine.map(({ problem, address }) => item(problem, address, true)), ...others.map(({ problem, address }) => item(problem, address, false)));
  list.before(note);
  // Announced once the list is there; the status line was in the page before.
  banner.querySelector("[data-lms-preview-status]").textContent = `${title}, ${mine.length} on this page.`;
}

if (window.document$) window.document$.subscribe(show);
else show();
