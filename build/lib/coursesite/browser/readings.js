// "Mark as read" for readings: module reading lists and the course reading list.
//
// The server renders every reading as `[data-lms-reading]` with a native
// checkbox; this script makes the ticks persist (through store.js only), keeps
// the per-module counts `[data-lms-reading-count]` up to date, announces each
// change in the page's `[data-lms-readings-status]` live region and tells
// other features with a `lms:reading-marked` event.

import { isIdString, load, onExternalChange, save } from "./store.js";

const KEY = "readings"; // stored value: a sorted array of reading ids
const EVENT = "lms:reading-marked";
const MAX_IDS = 5000;

function readIds() {
  const stored = load(KEY, (value) => Array.isArray(value) && value.length <= MAX_IDS, []);
  return new Set(stored.filter(isIdString)); // drop anything that is not an id
}

const entries = () => [...document.querySelectorAll("[data-lms-reading]")];
const modulesOf = (entry) => (entry.dataset.lmsReadingModules || "").split(/\s+/).filter(Boolean);
const toggleOf = (entry) => entry.querySelector("input[data-lms-reading-toggle]");

function showState(entry, read) {
  entry.dataset.lmsRead = String(read);
  const box = toggleOf(entry);
  if (box) box.checked = read;
}

function countText(done, total) {
  const text = `${done} of ${total} read`;
  return total > 0 && done === total ? `✓ ${text}` : text; // icon + text, never colour alone
}

function updateCounts(read) {
  const all = entries();
  for (const counter of document.querySelectorAll("[data-lms-reading-count]")) {
    const mine = all.filter((entry) => modulesOf(entry).includes(counter.dataset.lmsReadingCount));
    const done = mine.filter((entry) => read.has(entry.dataset.lmsReading)).length;
    counter.textContent = countText(done, mine.length);
  }
}

function announce(entry, read, saved) {
  const status = document.querySelector("[data-lms-readings-status]");
  if (!status) return;
  const title = entry.dataset.lmsReadingTitle || entry.dataset.lmsReading;
  const modules = modulesOf(entry);
  const counts = [...document.querySelectorAll("[data-lms-reading-count]")]
    .filter((counter) => modules.includes(counter.dataset.lmsReadingCount))
    .map((counter) => `${counter.dataset.lmsReadingLabel}: ${counter.textContent}.`);
  const warning = saved ? "" : " This browser does not allow saving, so it will be forgotten.";
  status.textContent = `${read ? "Marked as read" : "Marked as not read"}: ${title}. ${counts.join(" ")}${warning}`;
}

function mark(entry, read) {
  const id = entry.dataset.lmsReading;
  const ids = readIds(); // read again: another tab may have changed the list
  if (read) ids.add(id);
  else ids.delete(id);
  const saved = save(KEY, [...ids].sort());
  showState(entry, read);
  updateCounts(ids);
  announce(entry, read, saved);
  document.dispatchEvent(new CustomEvent(EVENT, { bubbles: true, detail: { readingId: id, read } }));
}

function init() {
  const read = readIds();
  for (const entry of entries()) {
    if (!isIdString(entry.dataset.lmsReading)) continue;
    showState(entry, read.has(entry.dataset.lmsReading));
    const box = toggleOf(entry);
    if (!box || box.dataset.lmsReadingReady) continue; // never add a listener twice
    box.dataset.lmsReadingReady = "true";
    box.addEventListener("change", () => mark(entry, box.checked));
  }
  updateCounts(read);
}

onExternalChange((name) => name === KEY && init());
// Progress reset or imported (progress/sync.js rewrote the stored ticks): show them.
for (const name of ["lms:progress-reset", "lms:progress-imported"]) document.addEventListener(name, init);
if (typeof document$ !== "undefined") document$.subscribe(init);
else init();
