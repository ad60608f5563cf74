// The preview's problem banner. Only `mkdocs serve` puts it in the pages, with
// an empty region (coursesite/preview/__init__.py says why the list is fetched rather
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

function list(entries, here) {
  const items = element("ol", "lms-preview__list");
  items.append(...entries.map(({ problem, address }) => item(problem, address, here)));
  return items;
}

/** The other pages' problems, in a disclosure (open when this page has none): the banner stays short above the page being fixed. */
function elsewhere(entries, open) {
  const disclosure = element("details", "lms-preview__elsewhere");
  disclosure.open = open;
  const items = list(entries, false);
  items.tabIndex = 0; // a long list scrolls: by keyboard too
  items.setAttribute("aria-label", "Problems elsewhere in the course");
  disclosure.append(element("summary", "", `${plural(entries.length, "problem")} elsewhere in the course`), items);
  return disclosure;
}

function fill(region, mine, others) {
  const title = `${plural(mine.length + others.length, "problem")} in the course`;
  region.querySelector("h2").textContent = title;
  region.append(element("p", "lms-preview__note", "Only this preview shows this list, never the published site. Fix a problem in its file and save: the list updates."));
  if (mine.length) region.append(list(mine, true));
  if (others.length) region.append(elsewhere(others, mine.length === 0));
  region.hidden = false;
  return `${title}, ${mine.length} on this page.`;
}

async function show() {
  const banner = document.querySelector("[data-lms-preview]");
  if (!banner || banner.dataset.lmsPreview !== "") return; // each page's banner is filled once
  banner.dataset.lmsPreview = "loading";
  const problems = (await currentProblems()).map((problem) => ({ problem, address: pageAddress(problem) }));
  const mine = problems.filter(({ address }) => isThisPage(address));
  const others = problems.filter(({ address }) => !isThisPage(address));
  if (problems.length) {
    // Announced once the list is there; the status line was in the page before.
    banner.querySelector("[data-lms-preview-status]").textContent = fill(banner.querySelector("section"), mine, others);
  }
  banner.dataset.lmsPreview = "shown";
}

if (window.document$) window.document$.subscribe(show);
else show();
