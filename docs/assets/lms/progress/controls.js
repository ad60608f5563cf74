// The progress page's controls: mark complete (modules without a knowledge
// check), export, import and reset. The build renders them hidden, since they
// need JavaScript; this shows them and loads the code behind them when one is
// first used, so a first visit fetches this file only (page-weight budget). Loading that
// code also starts the progress view (main.js), which then keeps the page's
// figures current.

async function code(name) {
  const [feature, tracker] = await Promise.all([import(name), import("./tracker.js"), import("./main.js")]);
  return [feature, await tracker.course];
}

function wire(page) {
  const status = page.querySelector("[data-lms-status]");
  const dialog = page.querySelector("[data-lms-reset-dialog]");
  page.addEventListener("click", async (event) => {
    const target = event.target.closest("[data-lms-toggle], [data-lms-export], [data-lms-reset]");
    if (target?.dataset.lmsToggle) {
      const [view, data] = await code("./dashboard.js");
      if (data) view.toggle(target.dataset.lmsToggle, data, status);
    } else if (target?.hasAttribute("data-lms-export")) {
      const [transfer, data] = await code("./transfer.js");
      if (data) transfer.download(data);
    } else if (target) {
      dialog.returnValue = ""; // Escape keeps the last value otherwise
      dialog.showModal();
    }
  });
  page.querySelector("[data-lms-import]")?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [transfer, data] = await code("./transfer.js");
    if (data) transfer.importFile(event.target, data, status);
  });
  dialog?.addEventListener("close", async () => {
    if (dialog.returnValue !== "reset") {
      if (status) status.textContent = "Nothing was deleted."; // no ui.js here: it would load the progress core
      return;
    }
    (await code("./transfer.js"))[0].resetProgress(status);
  });
}

// On a phone the table's rows are shown as cards (pages.css), and WebKit then drops
// the table's meaning: its roles are restated here (the HTML standard forbids them
// in the built page, where they only repeat the elements; dashboard.js writes them too).
const ROLES = { table: "table", thead: "rowgroup", tbody: "rowgroup", tr: "row", td: "cell" };
const roleOf = (node) => ROLES[node.localName] ?? (node.scope === "row" ? "rowheader" : "columnheader");
const restateRoles = (table) => [table, ...table.querySelectorAll("thead, tbody, tr, th, td")].forEach((node) => node.setAttribute("role", roleOf(node)));

function init() {
  const page = document.querySelector("[data-lms-dashboard]");
  if (!page || page.dataset.lmsReady) return;
  page.dataset.lmsReady = "1";
  page.querySelectorAll("table").forEach(restateRoles);
  for (const node of page.querySelectorAll("[data-lms-needs-js], [data-lms-toggle]")) node.hidden = false;
  wire(page);
}

if (window.document$) window.document$.subscribe(init);
else init();
