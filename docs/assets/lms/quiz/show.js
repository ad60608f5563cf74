// What a checked quiz shows and says (loaded with ./check.js): the buttons
// after a check, the answer when it is revealed, and the result message, a
// live region that is also where focus goes after a check. The message is
// short on screen (the feedback and the explanation are shown in place);
// what a screen reader hears is the whole of it, in one announcement: the
// result, the feedback on the choices, the explanation.

const $ = (root, selector) => root.querySelector(selector);
const $$ = (root, selector) => [...root.querySelectorAll(selector)];
const words = (node) => node?.textContent.replace(/\s+/g, " ").trim() ?? "";

// The feedback on `items`; for one-answer questions without the verdict
// the result has just said ("Incorrect choice."), for others with each choice's name.
function feedbackSaid(form, items) {
  const multiple = form.hasAttribute("data-lms-multiple");
  return items.map((item) => {
    const said = words($(item, ".lms-quiz__feedback"));
    return multiple ? `${words($(item, "label"))}: ${said}` : said.replace(/^(In)?correct choice\.\s*/, "");
  });
}

/** The result message `message`, announced with the feedback on the chosen
 *  choices and `extra` (the answer, the explanation). */
export function tell(form, message, items = $$(form, "[data-lms-picked]"), extra = []) {
  const said = [...feedbackSaid(form, items), ...extra].filter(Boolean).join(" ");
  const result = $(form, ".lms-quiz__result");
  result.tabIndex = -1; // focus comes here after a check, so the learner hears it and reads on
  const hidden = Object.assign(document.createElement("span"), { className: "lms-quiz__said", textContent: ` ${said}` });
  result.replaceChildren(message, ...(said ? [hidden] : []));
}

/** Open the answer (its summary hidden: the "Show answer" button or a right
 *  answer opened it) and say it, with the explanation. */
export function reveal(form, message) {
  const answer = $(form, ".lms-quiz__answer");
  answer.hidden = false;
  answer.open = true;
  $(answer, "summary").hidden = true;
  const shown = form.dataset.lmsShown !== undefined;
  const solution = [words($(answer, ".lms-quiz__solution")), $$(answer, ".lms-quiz__solutions li").map(words).join(", ")];
  const explanation = words($(answer, ".lms-quiz__explanation"));
  const extra = [...(shown ? solution : []), explanation && `Explanation: ${explanation}`];
  tell(form, message, shown ? $$(form, "[data-lms-correct]") : undefined, extra);
}

function button(form, name, text, after, action) {
  let made = $(form, `[data-lms-${name}]`);
  if (!made) {
    made = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: text });
    made.setAttribute(`data-lms-${name}`, "");
    made.addEventListener("click", () => action(form));
    after.after(made);
  }
  return made;
}

/** "Check answer" comes with the quiz (../quiz.js); "Try again" and "Show
 *  answer" are made here, with the first check: a learner who never checks
 *  never loads them. "Show answer" only after a wrong answer, until used. */
export function setButtons(form, checked, { tryAgain, showAnswer }) {
  const check = $(form, "[data-lms-check]");
  const again = button(form, "retry", "Try again", check, tryAgain);
  const show = button(form, "reveal", "Show answer", again, showAnswer);
  check.hidden = checked;
  again.hidden = !checked;
  show.hidden = !checked || form.dataset.lmsState !== "wrong" || form.dataset.lmsShown !== undefined;
}
