// The compact suspend-data format: the browser's copy of
// hooks/lms/scorm/suspend.py, which documents the format and computes its
// worst-case size (tests check that both give the same text).
//
//   suspend = "2" "." readings ( "." module )*    readings/module = FP BITS
//
// A record is { visited: Set(moduleId), readings: Set(readingId),
// answers: Map(quizId -> { correct, first, choices: [choice keys] }) }
// (first: the first try was right; format 1, still read, had no such bit).

const FORMAT = "2";
const READABLE = ["1", "2"];
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export const emptyRecord = () => ({ visited: new Set(), readings: new Set(), answers: new Map(), graded: new Map() });
// A graded assessment's section ends with its recorded attempt: used, number, score, passed.
const GRADED_BITS = [5, 5, 7, 1];
const numberBits = (value, width) => Array.from({ length: width }, (_, i) => ((Math.min(value, 2 ** width - 1) >> (width - 1 - i)) & 1) === 1);

export function pack(bits) {
  let text = "";
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = (value << 1) | (bits[i + j] ? 1 : 0);
    text += ALPHABET[value];
  }
  return text.replace(/A+$/, ""); // trailing zero bits are implied
}

export function unpack(text) {
  const bits = [];
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    for (let i = 5; i >= 0; i--) bits.push(((value >> i) & 1) === 1);
  }
  return bits;
}

function moduleBits(module, record) {
  const bits = [record.visited.has(module.id)];
  for (const quiz of module.quizzes) {
    const answer = record.answers.get(quiz.id);
    bits.push(Boolean(answer));
    if (answer) bits.push(answer.correct, answer.first ?? answer.correct, ...quiz.choices.map((key) => answer.choices.includes(key)));
  }
  const graded = module.assessment && record.graded?.get(module.id);
  if (graded) [graded.used, graded.number, graded.score, Number(graded.passed)].forEach((value, i) => bits.push(...numberBits(value, GRADED_BITS[i])));
  return bits;
}

export function encode(outline, record) {
  const sections = [FORMAT, outline.readings.fp + pack(outline.readings.ids.map((id) => record.readings.has(id)))];
  for (const module of outline.modules) sections.push(module.fp + pack(moduleBits(module, record)));
  return sections.join(".");
}

function readModule(module, bits, record, version) {
  let index = 0;
  const next = () => bits[index++] === true; // bits past the end are zeros
  if (next()) record.visited.add(module.id);
  for (const quiz of module.quizzes) {
    if (!next()) continue;
    const correct = next();
    const first = version === "1" ? correct : next();
    const choices = quiz.choices.filter(() => next());
    if (choices.length) record.answers.set(quiz.id, { correct, first, choices });
  }
  if (!module.assessment) return;
  const [used, number, score, passed] = GRADED_BITS.map((width) => Array.from({ length: width }, next).reduce((n, bit) => n * 2 + Number(bit), 0));
  if (used && number >= 1 && number <= used && score <= 100) record.graded.set(module.id, { score, passed: passed === 1, number, used });
}

function match(modules, position, fp, used) {
  if (modules[position]?.fp === fp && !used.has(position)) return used.add(position) && modules[position];
  const index = modules.findIndex((module, i) => !used.has(i) && module.fp === fp);
  return index < 0 ? null : used.add(index) && modules[index];
}

/** The record in `text`; anything unreadable or written for another
 *  structure is left out. Never throws: the LMS may hand back anything. */
export function decode(outline, text) {
  const record = emptyRecord();
  const sections = typeof text === "string" ? text.split(".") : [];
  if (!READABLE.includes(sections[0])) return record;
  if (sections.length > 1 && sections[1].slice(0, 2) === outline.readings.fp) {
    const bits = unpack(sections[1].slice(2)) ?? [];
    outline.readings.ids.forEach((id, i) => bits[i] && record.readings.add(id));
  }
  const used = new Set();
  sections.slice(2).forEach((section, position) => {
    const module = match(outline.modules, position, section.slice(0, 2), used);
    const bits = unpack(section.slice(2));
    if (module && bits) readModule(module, bits, record, sections[0]);
  });
  return record;
}
