// A task's saved response, as task.js keeps it (store.js key `task:<id>`) and
// the progress record holds it (record.js `tasks`): { text, scores, at }
//   text    the response, at most 10,000 characters (the textarea's maxlength)
//   scores  { criterionKey: levelKey }, 8-hex keys the build gives each rubric
//           row and column (hooks/coursesite/task/model.py), {} until scored
//   at      ms of the last change
// Shared by the task, the portfolio page and the record, so all three accept
// exactly the same entries. Everything read back is untrusted.

export const MAX_TEXT = 10000;
const KEY = /^[0-9a-f]{8}$/;
const isTime = (t) => Number.isInteger(t) && t >= 0 && t < 4102444800000;
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

export const isScores = (s) => isObj(s) && Object.keys(s).length <= 50 && Object.entries(s).every(([c, l]) => KEY.test(c) && typeof l === "string" && KEY.test(l));
export const isEntry = (e) => isObj(e) && Object.keys(e).length === 3 && typeof e.text === "string" && e.text.length <= MAX_TEXT && isScores(e.scores) && isTime(e.at);
