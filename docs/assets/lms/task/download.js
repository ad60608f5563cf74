// Responses as Markdown, and a download that needs no storage at all: the
// task's "Download my response" (work.js) and the portfolio page (portfolio.js).

/** One task as Markdown: a heading, the response, the self-score table (`rows`: [criterion, level]). */
export function markdown(title, text, rows, level = "##") {
  const cell = (s) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
  const table = rows.length ? `\n\n| Criterion | My level |\n| --- | --- |\n${rows.map((r) => `| ${cell(r[0])} | ${cell(r[1])} |`).join("\n")}` : "";
  return `${level} ${title}\n\n${text.trim() || "(No response yet.)"}${table}\n`;
}

/** Offer `text` as a Markdown file named `name`. */
export function download(name, text) {
  const link = Object.assign(document.createElement("a"), { download: name, href: URL.createObjectURL(new Blob([text], { type: "text/markdown" })) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
