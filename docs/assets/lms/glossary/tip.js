// A glossary term's meaning in a tooltip while the term is hovered or focused.
// main.js loads this on the first hover or focus of a term and calls show().
// WCAG 1.4.13: the tip stays while the pointer moves onto it, Escape hides it
// without moving focus or pointer, and it goes when both have left the term.
// The meaning is set as text, never as HTML. While the tip shows, the term's
// title moves aside (the browser would show it as a second tooltip) and the
// term is described by the tip instead; both are put back when it hides.

const ID = "lms-tip";
const GAP = 6; // px between the term and its tip
let tip = null;
let term = null; // the term whose tip shows
let leaving = 0;

const styled = new Promise((resolve) => {
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("tip.css", import.meta.url).href });
  link.onload = link.onerror = resolve;
  document.head.append(link);
});

function tipElement() {
  if (tip?.isConnected) return tip;
  tip = Object.assign(document.createElement("div"), { id: ID, className: "lms-tip", hidden: true });
  tip.setAttribute("role", "tooltip");
  tip.addEventListener("pointerenter", () => clearTimeout(leaving));
  tip.addEventListener("pointerleave", hideSoon);
  // Inside the page's main landmark: all content belongs to one (axe: region).
  (document.querySelector("main") ?? document.body).append(tip);
  return tip;
}

export async function show(next) {
  clearTimeout(leaving);
  if (next === term) return;
  await styled;
  hide();
  term = next;
  term.dataset.lmsTitle = term.title;
  term.removeAttribute("title");
  term.setAttribute("aria-describedby", ID);
  const element = tipElement();
  element.textContent = term.dataset.lmsTitle;
  element.hidden = false;
  place(element, term);
}

export function hide() {
  clearTimeout(leaving);
  if (!term) return;
  term.title = term.dataset.lmsTitle;
  delete term.dataset.lmsTitle;
  term.removeAttribute("aria-describedby");
  tip.hidden = true;
  term = null;
}

// Time to move the pointer from the term onto its tip; a focused term keeps it.
function hideSoon() {
  clearTimeout(leaving);
  leaving = setTimeout(() => term && document.activeElement !== term && hide(), 300);
}

/** Centred below the term, or above it when there is no room below; inside the window. */
function place(element, anchor) {
  const box = anchor.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = element;
  const widest = document.documentElement.clientWidth - width - GAP;
  const left = Math.max(GAP, Math.min(box.left + box.width / 2 - width / 2, widest));
  const top = box.bottom + GAP + height <= innerHeight || box.top - GAP - height < 0 ? box.bottom + GAP : box.top - GAP - height;
  // Window coordinates to those of what the tip is positioned in: the document, or a positioned ancestor.
  const parent = element.offsetParent;
  const origin = (parent && getComputedStyle(parent).position !== "static" ? parent : document.documentElement).getBoundingClientRect();
  element.style.left = `${left - origin.left}px`;
  element.style.top = `${top - origin.top}px`;
}

document.addEventListener("pointerout", (event) => {
  if (term && event.target === term && !tip.contains(event.relatedTarget)) hideSoon();
});
document.addEventListener("focusout", (event) => {
  if (term && event.target === term && !term.matches(":hover")) hide();
});
document.addEventListener("keydown", (event) => {
  if (term && event.key === "Escape") hide();
});
addEventListener("resize", hide);
