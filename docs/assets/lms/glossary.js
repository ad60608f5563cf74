// Glossary terms are <abbr title> elements (the abbr extension). Material shows
// their meaning as a tooltip on hover; making them focusable gives keyboard
// users the same tooltip on focus (WCAG 1.4.13, 2.1.1).
function makeTermsFocusable() {
  for (const term of document.querySelectorAll(".md-content abbr[title]:not([tabindex])")) {
    term.tabIndex = 0;
  }
}

if (typeof document$ !== "undefined") document$.subscribe(makeTermsFocusable);
else makeTermsFocusable();
